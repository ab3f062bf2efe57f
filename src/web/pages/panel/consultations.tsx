import { Hono } from "hono";
import { ConsultationListQuery } from "../../../contracts/consultations.js";
import { ApiError } from "../../../http/problem.js";
import { withdrawConsultation } from "../../../services/consultation-outcomes.js";
import { listConsultations } from "../../../services/consultations.js";
import { isoDay } from "../../../services/matching/params.js";
import { confirmPlacement } from "../../../services/placements.js";
import { ErrorSummary, type FormErrors } from "../../components/error-summary.js";
import { TextInput } from "../../components/fields.js";
import { Table } from "../../components/table.js";
import { Tag } from "../../components/tag.js";
import type { WebEnv } from "../../env.js";
import { errorPage } from "../../errors.js";
import { formText, pathId, UUID } from "../../forms.js";
import { type PageContext, renderPage } from "../../render.js";
import { requireSignIn } from "../../session/session.js";
import { boroughNames, longDate, panelContext } from "./context.js";

async function consultationsPage(
	c: PageContext,
	errors: FormErrors = {},
	status: 200 | 400 | 409 | 422 = 200,
) {
	const { db, actor, now } = panelContext(c);
	const today = isoDay(now);
	const child = c.req.query("child");
	const overdue = c.req.query("overdue") === "true";
	const query = ConsultationListQuery.parse({
		...(child && UUID.test(child) ? { childId: child } : {}),
		...(overdue ? { overdue: "true" } : {}),
		limit: "100",
	});
	const [{ total, items }, names] = await Promise.all([
		listConsultations(db, actor, query, today),
		boroughNames(c),
	]);
	const hasErrors = Object.keys(errors).length > 0;
	return renderPage(
		c,
		{ title: "Consultations", hasErrors, boroughName: names.get(actor.principal.la ?? "") },
		<>
			<ErrorSummary errors={errors} />
			<h1 class="govuk-heading-l">Consultations</h1>
			<p class="govuk-body">
				Schools should answer within 15 calendar days (Children and Families Act 2014, s.39). Once a
				school agrees, confirm the place: it takes one vacancy.{" "}
				{overdue ? (
					<a class="govuk-link" href="/panel/consultations">
						Show all consultations
					</a>
				) : (
					<a class="govuk-link" href="/panel/consultations?overdue=true">
						Show only overdue ones
					</a>
				)}
			</p>
			<Table
				caption={`${total} ${overdue ? "overdue " : ""}consultations${total > items.length ? `, ${items.length} shown` : ""}`}
				rows={items}
				empty="No consultations."
				columns={[
					{
						header: "Child",
						rowHeader: true,
						cell: (v) => (
							<a class="govuk-link" href={`/panel/children/${v.child.id}`}>
								{v.child.caseRef}
							</a>
						),
					},
					{ header: "Setting", cell: (v) => `${v.setting.name} (${v.provision.code})` },
					{ header: "Sent", cell: (v) => longDate(v.c.sentAt.toISOString()) },
					{
						header: "Due",
						cell: (v) => (
							<>
								{longDate(v.c.dueAt)}{" "}
								{v.c.status === "open" && v.c.dueAt < today ? <Tag status="overdue" /> : null}
							</>
						),
					},
					{
						header: "Status",
						cell: (v) => (
							<>
								<Tag status={v.c.status} />
								{v.c.status === "declined" ? (
									<p class="govuk-body-s">{`${v.c.reasonCode}: ${v.c.evidence ?? ""}`}</p>
								) : null}
							</>
						),
					},
					{
						header: "Action",
						cell: (v) =>
							v.c.status === "open" ? (
								<form method="post" action={`/panel/consultations/${v.c.id}/withdraw`}>
									<button
										type="submit"
										class="govuk-button govuk-button--warning govuk-!-margin-bottom-0"
									>
										Withdraw{" "}
										<span class="govuk-visually-hidden">{`the consultation for ${v.child.caseRef}`}</span>
									</button>
								</form>
							) : v.c.status === "agreed" ? (
								<form method="post" action={`/panel/consultations/${v.c.id}/confirm`}>
									<TextInput
										id={`start-${v.c.id}`}
										name="startDate"
										labelSize="s"
										label={
											<>
												Start date{" "}
												<span class="govuk-visually-hidden">{`for ${v.child.caseRef}`}</span>
											</>
										}
										width={10}
										error={errors[`start-${v.c.id}`]}
										value={today}
									/>
									<button type="submit" class="govuk-button govuk-!-margin-bottom-0">
										Confirm the place{" "}
										<span class="govuk-visually-hidden">{`for ${v.child.caseRef}`}</span>
									</button>
								</form>
							) : (
								""
							),
					},
				]}
			/>
		</>,
		status,
	);
}

const idOf = (value: string) => pathId(value, "consultation");

export const consultationPages = new Hono<WebEnv>()
	.use(requireSignIn("panel"))
	.get("/", (c) => consultationsPage(c))
	.post("/:id/withdraw", async (c) => {
		const { db, actor, now } = panelContext(c);
		try {
			await withdrawConsultation(db, actor, idOf(c.req.param("id")), now);
		} catch (error) {
			if (error instanceof ApiError && error.status === 409)
				return errorPage(c, 409, error.message);
			throw error;
		}
		return c.redirect("/panel/consultations", 303);
	})
	.post("/:id/confirm", async (c) => {
		const { db, actor, now } = panelContext(c);
		const id = idOf(c.req.param("id"));
		const startDate = formText((await c.req.parseBody()).startDate) ?? "";
		const field = `start-${id}`;
		if (!/^\d{4}-\d{2}-\d{2}$/.test(startDate) || Number.isNaN(Date.parse(startDate)))
			return consultationsPage(
				c,
				{ [field]: "Enter the start date as YYYY-MM-DD, for example 2027-01-04" },
				400,
			);
		try {
			await confirmPlacement(db, actor, { consultationId: id, startDate }, now);
		} catch (error) {
			if (!(error instanceof ApiError)) throw error;
			if (error.status === 409) {
				// The race the service settles: another panel took the last place first.
				return consultationsPage(
					c,
					{ [field]: `The place could not be confirmed: ${error.message}` },
					409,
				);
			}
			if (error.status === 422 || error.status === 400)
				return consultationsPage(c, { [field]: error.message }, 422);
			throw error;
		}
		return c.redirect("/panel/placements", 303);
	});

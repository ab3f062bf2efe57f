import { Hono } from "hono";
import { ApiError } from "../../../http/problem.js";
import { closePlacement, listPlacements } from "../../../services/placements.js";
import { ErrorSummary, type FormErrors } from "../../components/error-summary.js";
import { TextInput } from "../../components/fields.js";
import { Table } from "../../components/table.js";
import { Tag } from "../../components/tag.js";
import type { WebEnv } from "../../env.js";
import { formText, pathId } from "../../forms.js";
import { type PageContext, renderPage } from "../../render.js";
import { requireSignIn } from "../../session/session.js";
import { boroughNames, longDate, money, panelContext } from "./context.js";

async function placementsPage(
	c: PageContext,
	errors: FormErrors = {},
	status: 200 | 400 | 404 | 409 | 422 = 200,
) {
	const { db, actor } = panelContext(c);
	const [{ total, items }, names] = await Promise.all([
		listPlacements(db, actor, { limit: 100, offset: 0 }),
		boroughNames(c),
	]);
	const hasErrors = Object.keys(errors).length > 0;
	return renderPage(
		c,
		{ title: "Placements", hasErrors, boroughName: names.get(actor.principal.la ?? "") },
		<>
			<ErrorSummary errors={errors} />
			<h1 class="govuk-heading-l">Placements</h1>
			<Table
				caption={`${total} placements${total > items.length ? `, ${items.length} shown` : ""}`}
				rows={items}
				empty="No placements yet."
				columns={[
					{
						header: "Child",
						rowHeader: true,
						cell: (v) => (
							<a class="govuk-link" href={`/panel/children/${v.pl.childId}`}>
								{v.caseRef}
							</a>
						),
					},
					{
						header: "Setting",
						cell: (v) =>
							`${v.settingName} (${v.provision.code}), ${names.get(v.pl.hostBorough) ?? v.pl.hostBorough}`,
					},
					{ header: "Starts", cell: (v) => longDate(v.pl.startDate) },
					{
						header: "Annual cost",
						numeric: true,
						cell: (v) => money((v.pl.annualCost as { total?: number }).total),
					},
					{ header: "Status", cell: (v) => <Tag status={v.pl.status} /> },
					{
						header: "End or cancel",
						cell: (v) =>
							v.pl.status === "active" ? (
								<form method="post" action={`/panel/placements/${v.pl.id}/close`}>
									<TextInput
										id={`reason-${v.pl.id}`}
										name="reason"
										labelSize="s"
										label={
											<>
												Reason <span class="govuk-visually-hidden">{`for ${v.caseRef}`}</span>
											</>
										}
										width={20}
										error={errors[`reason-${v.pl.id}`]}
									/>
									<div class="govuk-button-group">
										<button
											type="submit"
											name="kind"
											value="end"
											class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
										>
											End{" "}
											<span class="govuk-visually-hidden">{`the placement of ${v.caseRef}`}</span>
										</button>
										<button
											type="submit"
											name="kind"
											value="cancel"
											class="govuk-button govuk-button--warning govuk-!-margin-bottom-0"
										>
											Cancel{" "}
											<span class="govuk-visually-hidden">{`the placement of ${v.caseRef}`}</span>
										</button>
									</div>
								</form>
							) : (
								(v.pl.endReason ?? "")
							),
					},
				]}
			/>
		</>,
		status,
	);
}

export const placementPages = new Hono<WebEnv>()
	.use(requireSignIn("panel"))
	.get("/", (c) => placementsPage(c))
	.post("/:id/close", async (c) => {
		const { db, actor, now } = panelContext(c);
		const id = pathId(c.req.param("id"), "placement");
		const body = await c.req.parseBody();
		const kind = body.kind === "cancel" ? "cancel" : "end";
		const reason = formText(body.reason) ?? "";
		const field = `reason-${id}`;
		if (reason.length < 3 || reason.length > 500 || reason.includes("\u0000"))
			return placementsPage(c, { [field]: "Enter the reason (3 to 500 characters)" }, 400);
		try {
			await closePlacement(db, actor, id, { kind, reason }, now);
		} catch (error) {
			if (error instanceof ApiError && (error.status === 409 || error.status === 422))
				return placementsPage(c, { [field]: error.message }, error.status);
			throw error;
		}
		return c.redirect("/panel/placements", 303);
	});

import { Hono } from "hono";
import { NEED_CODES, PLAN_LEVELS, YEAR_GROUPS } from "../../../../schema/index.js";
import { ChildPatch } from "../../../contracts/children.js";
import { ApiError } from "../../../http/problem.js";
import { type ChildRow, readChild, updateChild } from "../../../services/children.js";
import { ErrorSummary, type FormErrors } from "../../components/error-summary.js";
import { Checkboxes, Select, TextInput } from "../../components/fields.js";
import type { WebEnv } from "../../env.js";
import { apiFormErrors, formList, formText, zodFormErrors } from "../../forms.js";
import { type PageContext, renderPage } from "../../render.js";
import { childIdOf } from "./child.js";
import { panelContext } from "./context.js";

type Form = Record<string, string | string[] | undefined>;

function formOf(child: ChildRow): Form {
	return {
		yearGroup: child.yearGroup,
		primaryNeed: child.primaryNeed,
		secondaryNeeds: child.secondaryNeeds,
		planLevel: child.planLevel,
		maxJourneyMinutes: String(child.maxJourneyMinutes),
		postcode: "",
		preferences: child.preferences.join(", "),
		planFinalisedOn: child.planFinalisedOn ?? "",
		searchStartedOn: child.searchStartedOn ?? "",
		outOfEducationSince: child.outOfEducationSince ?? "",
		version: String(child.version),
	};
}

/** The form's answers as the API's PATCH body, so the same validation applies. */
function patchOf(form: Form): Record<string, unknown> {
	const text = (k: string) => formText(form[k]);
	const numbers = (s: string | undefined) =>
		s
			? s
					.split(/[\s,]+/)
					.filter(Boolean)
					.map((u) => (/^\d+$/.test(u) ? Number(u) : u))
			: [];
	const n = text("maxJourneyMinutes");
	return {
		yearGroup: text("yearGroup"),
		primaryNeed: text("primaryNeed"),
		secondaryNeeds: formList(form.secondaryNeeds),
		planLevel: text("planLevel"),
		maxJourneyMinutes: n === undefined ? undefined : /^\d+$/.test(n) ? Number(n) : n,
		...(text("postcode") ? { home: { postcode: text("postcode") } } : {}),
		preferences: numbers(text("preferences")),
		planFinalisedOn: text("planFinalisedOn") ?? null,
		searchStartedOn: text("searchStartedOn"),
		outOfEducationSince: text("outOfEducationSince") ?? null,
	};
}

const FIELD_IDS = { home: "postcode", secondaryNeeds: "secondaryNeeds" };
const DATE_HINT = "For example, 2026-03-27";

function editPage(
	c: PageContext,
	child: ChildRow,
	form: Form,
	errors: FormErrors = {},
	status: 200 | 400 | 409 | 422 = 200,
) {
	const value = (k: string) => (typeof form[k] === "string" ? (form[k] as string) : undefined);
	const hasErrors = Object.keys(errors).length > 0;
	return renderPage(
		c,
		{ title: `Change ${child.caseRef}`, hasErrors },
		<div class="govuk-grid-row">
			<div class="govuk-grid-column-two-thirds">
				<a href={`/panel/children/${child.id}`} class="govuk-back-link">
					Back to {child.caseRef}
				</a>
				<ErrorSummary errors={errors} />
				<span class="govuk-caption-l">{child.caseRef}</span>
				<h1 class="govuk-heading-l">Change the child's details</h1>
				<form method="post" action={`/panel/children/${child.id}/edit`} novalidate>
					<input type="hidden" name="version" value={value("version")} />
					<Select
						id="yearGroup"
						label="Year group"
						error={errors.yearGroup}
						value={value("yearGroup")}
						choices={YEAR_GROUPS.map((y) => ({ value: y, text: y }))}
					/>
					<Select
						id="primaryNeed"
						label="Primary need"
						error={errors.primaryNeed}
						value={value("primaryNeed")}
						choices={NEED_CODES.map((n) => ({ value: n, text: n }))}
					/>
					<Checkboxes
						id="secondaryNeeds"
						label="Secondary needs"
						legend="Secondary needs"
						small
						error={errors.secondaryNeeds}
						values={
							Array.isArray(form.secondaryNeeds)
								? form.secondaryNeeds
								: formList(form.secondaryNeeds)
						}
						choices={NEED_CODES.map((n) => ({ value: n, text: n }))}
					/>
					<Select
						id="planLevel"
						label="Level of provision the plan names"
						error={errors.planLevel}
						value={value("planLevel")}
						choices={PLAN_LEVELS.map((l) => ({ value: l, text: l.replaceAll("_", " ") }))}
					/>
					<TextInput
						id="maxJourneyMinutes"
						label="Journey limit (minutes each way)"
						width={3}
						inputmode="numeric"
						error={errors.maxJourneyMinutes}
						value={value("maxJourneyMinutes")}
					/>
					<TextInput
						id="postcode"
						label="New home postcode (leave empty to keep the home)"
						hint="Placed at its district's centroid; the postcode itself is not kept"
						width={10}
						error={errors.postcode}
						value={value("postcode")}
					/>
					<TextInput
						id="preferences"
						label="Parents' preferences"
						hint="Setting URNs, first choice first, separated by commas"
						error={errors.preferences}
						value={value("preferences")}
					/>
					<TextInput
						id="planFinalisedOn"
						label="EHC plan finalised on (optional)"
						hint={DATE_HINT}
						width={10}
						error={errors.planFinalisedOn}
						value={value("planFinalisedOn")}
					/>
					<TextInput
						id="searchStartedOn"
						label="Search for a place started on"
						hint={DATE_HINT}
						width={10}
						error={errors.searchStartedOn}
						value={value("searchStartedOn")}
					/>
					<TextInput
						id="outOfEducationSince"
						label="Out of education since (leave empty if in education)"
						hint={DATE_HINT}
						width={10}
						error={errors.outOfEducationSince}
						value={value("outOfEducationSince")}
					/>
					<button type="submit" class="govuk-button">
						Save changes
					</button>
				</form>
			</div>
		</div>,
		status,
	);
}

export const childEditRoutes = new Hono<WebEnv>()
	.get("/:id/edit", async (c) => {
		const { db, actor } = panelContext(c);
		const child = await readChild(db, actor, childIdOf(c.req.param("id")));
		return editPage(c, child, formOf(child));
	})
	.post("/:id/edit", async (c) => {
		const { db, actor, now } = panelContext(c);
		const id = childIdOf(c.req.param("id"));
		const form = (await c.req.parseBody({ all: true })) as Form;
		const parsed = ChildPatch.safeParse(patchOf(form));
		const current = await readChild(db, actor, id);
		if (!parsed.success)
			return editPage(c, current, form, zodFormErrors(parsed.error, FIELD_IDS), 400);
		const version = formText(form.version);
		try {
			// The form carries the version it was drawn from: the API's If-Match, by another name.
			await updateChild(db, actor, id, parsed.data, `"${id}-${version ?? "?"}"`, now);
		} catch (error) {
			if (!(error instanceof ApiError)) throw error;
			if (error.code === "precondition_failed") {
				const fresh = { ...form, version: String(current.version) };
				return editPage(
					c,
					current,
					fresh,
					{
						yearGroup:
							"Someone changed this child since you opened the form. Check the details, then save again.",
					},
					409,
				);
			}
			if (error.errors?.length)
				return editPage(c, current, form, apiFormErrors(error.errors, FIELD_IDS), 422);
			if (error.code === "conflict")
				return editPage(c, current, form, { yearGroup: error.message }, 409);
			throw error;
		}
		return c.redirect(`/panel/children/${id}`, 303);
	});

import { Hono } from "hono";
import { CHILD_STATUSES, NEED_CODES, PHASE_FILTERS } from "../../../../schema/index.js";
import { ChildListQuery } from "../../../contracts/children.js";
import { daysSince } from "../../../services/child-dates.js";
import { listChildren } from "../../../services/children-list.js";
import { ErrorSummary, type FormErrors } from "../../components/error-summary.js";
import { Select, TextInput } from "../../components/fields.js";
import { Table } from "../../components/table.js";
import { Tag } from "../../components/tag.js";
import type { WebEnv } from "../../env.js";
import { zodFormErrors } from "../../forms.js";
import { renderPage } from "../../render.js";
import { requireSignIn } from "../../session/session.js";
import { childrenRoutes } from "./child.js";
import { boroughNames, longDate, panelContext } from "./context.js";

const PAGE = 50;
const PHASE_TEXT: Record<string, string> = {
	early_years: "Early years (2–4)",
	primary: "Primary (4–10)",
	secondary: "Secondary (11–15)",
	post16: "Post-16 (16–25)",
};

const choices = (values: readonly string[], text: (v: string) => string = (v) => v) => [
	{ value: "", text: "Any" },
	...values.map((v) => ({ value: v, text: text(v) })),
];

/** The panel's children: filters and case-reference search in a GET form (bookmarkable). */
const list = new Hono<WebEnv>().get("/", async (c) => {
	const raw = Object.fromEntries(
		Object.entries(c.req.query()).filter(([k, v]) => v !== "" && k !== "page"),
	);
	const pageNumber = Math.max(
		1,
		Math.min(10_000, Number.parseInt(c.req.query("page") ?? "1", 10) || 1),
	);
	const parsed = ChildListQuery.safeParse({
		...raw,
		limit: String(PAGE),
		offset: String((pageNumber - 1) * PAGE),
	});
	const errors: FormErrors = parsed.success ? {} : zodFormErrors(parsed.error);
	const { db, actor, now } = panelContext(c);
	const query = parsed.success ? parsed.data : { limit: PAGE, offset: 0 };
	const { total, items } = await listChildren(db, actor, query, now);
	const names = await boroughNames(c);
	const hasErrors = Object.keys(errors).length > 0;
	const shown = (f: string) => (hasErrors ? undefined : (raw[f] as string | undefined));
	const next = new URLSearchParams({ ...raw, page: String(pageNumber + 1) });
	const prev = new URLSearchParams({ ...raw, page: String(pageNumber - 1) });
	return renderPage(
		c,
		{ title: "Children", hasErrors, boroughName: names.get(actor.principal.la ?? "") },
		<>
			<ErrorSummary errors={errors} />
			<h1 class="govuk-heading-l">Children</h1>
			<form method="get" action="/panel/children" class="govuk-!-margin-bottom-6">
				<div class="govuk-grid-row">
					<div class="govuk-grid-column-one-third">
						<TextInput
							id="q"
							label="Case reference"
							hint="Part of a case reference"
							error={errors.q}
							value={shown("q")}
						/>
					</div>
					<div class="govuk-grid-column-one-third">
						<Select
							id="status"
							label="Status"
							error={errors.status}
							value={shown("status")}
							choices={choices(CHILD_STATUSES)}
						/>
					</div>
					<div class="govuk-grid-column-one-third">
						<Select
							id="need"
							label="Primary need"
							error={errors.need}
							value={shown("need")}
							choices={choices(NEED_CODES)}
						/>
					</div>
				</div>
				<div class="govuk-grid-row">
					<div class="govuk-grid-column-one-third">
						<Select
							id="phase"
							label="Phase"
							error={errors.phase}
							value={shown("phase")}
							choices={choices(PHASE_FILTERS, (v) => PHASE_TEXT[v] ?? v)}
						/>
					</div>
					<div class="govuk-grid-column-one-third">
						<Select
							id="overdue"
							label="Consultations"
							error={errors.overdue}
							value={shown("overdue")}
							choices={[
								{ value: "", text: "Any" },
								{ value: "true", text: "With an overdue consultation" },
							]}
						/>
					</div>
				</div>
				<button type="submit" class="govuk-button govuk-button--secondary">
					Apply filters
				</button>
			</form>
			<Table
				caption={`${total} ${total === 1 ? "child" : "children"}${total > PAGE ? `, ${query.offset + 1}–${Math.min(total, query.offset + PAGE)} shown` : ""}`}
				rows={items}
				empty="No children match these filters."
				columns={[
					{
						header: "Case reference",
						rowHeader: true,
						cell: (ch) => (
							<a class="govuk-link" href={`/panel/children/${ch.id}`}>
								{ch.caseRef}
							</a>
						),
					},
					{ header: "Year", cell: (ch) => ch.yearGroup },
					{ header: "Need", cell: (ch) => [ch.primaryNeed, ...ch.secondaryNeeds].join(", ") },
					{ header: "Status", cell: (ch) => <Tag status={ch.status} /> },
					{
						header: "Searching for",
						numeric: true,
						cell: (ch) => (ch.searchStartedOn ? `${daysSince(ch.searchStartedOn, now)} days` : "—"),
					},
					{
						header: "Out of education",
						cell: (ch) =>
							ch.outOfEducationSince ? `Since ${longDate(ch.outOfEducationSince)}` : "No",
					},
				]}
			/>
			<nav class="govuk-pagination" aria-label="Pages of children">
				{pageNumber > 1 ? (
					<div class="govuk-pagination__prev">
						<a
							class="govuk-link govuk-pagination__link"
							href={`/panel/children?${prev}`}
							rel="prev"
						>
							<span class="govuk-pagination__link-title">Previous page</span>
						</a>
					</div>
				) : null}
				{query.offset + PAGE < total ? (
					<div class="govuk-pagination__next">
						<a
							class="govuk-link govuk-pagination__link"
							href={`/panel/children?${next}`}
							rel="next"
						>
							<span class="govuk-pagination__link-title">Next page</span>
						</a>
					</div>
				) : null}
			</nav>
		</>,
		hasErrors ? 400 : 200,
	);
});

export const childrenPages = new Hono<WebEnv>()
	.use(requireSignIn("panel"))
	.route("/", list)
	.route("/", childrenRoutes);

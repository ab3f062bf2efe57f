import { Hono } from "hono";
import { NEED_CODES, PHASE_FILTERS } from "../../../../schema/index.js";
import { csvResponse, toCsv } from "../../../http/csv.js";
import { listPartnerships } from "../../../queries/reference.js";
import {
	sufficiencyColumns,
	sufficiencyFilename,
} from "../../../services/sufficiency/csv-columns.js";
import type { Dimension } from "../../../services/sufficiency/dimensions.js";
import type { SufficiencyRow } from "../../../services/sufficiency/report.js";
import { sufficiencyReport } from "../../../services/sufficiency/report-cache.js";
import { ErrorSummary } from "../../components/error-summary.js";
import { Select } from "../../components/fields.js";
import { GapMap } from "../../components/gap-map.js";
import { Table } from "../../components/table.js";
import type { WebEnv } from "../../env.js";
import { type PageContext, renderPage } from "../../render.js";
import { type Choice, choiceOf, GROUPINGS, PHASE_TEXT, queryOf } from "./choice.js";
import { fig } from "./format.js";

const GROUP_BY: Dimension[] = ["need", "phase", "area"];

/**
 * The report the API gives for `groupBy=need,phase,area&area=<grouping>`, as the page and its CSV
 * use it: the same one the API holds per state of supply and demand (shared: read, never change).
 */
export function reportFor(c: PageContext, area: string, groupBy: Dimension[] = GROUP_BY) {
	const { db, now } = c.get("deps");
	return sufficiencyReport(db, c.get("principal"), {
		groupBy,
		area,
		today: now().toISOString().slice(0, 10),
	});
}

const rowsFor = (rows: SufficiencyRow[], ch: Choice) =>
	rows.filter((r) => r.need?.code === ch.need && r.phase?.code === ch.phase);

async function mapPage(c: PageContext) {
	const { choice, errors } = choiceOf(c);
	const [report, partnerships] = await Promise.all([
		reportFor(c, choice.area),
		listPartnerships(c.get("deps").db),
	]);
	const rows = rowsFor(report.rows, choice);
	const gapByArea = new Map(rows.map((r) => [r.area?.code ?? "", r.gap]));
	const areaOfBorough = new Map<string, string>();
	if (choice.area === "borough")
		for (const r of rows) areaOfBorough.set(r.area?.code ?? "", r.area?.code ?? "");
	else
		for (const p of partnerships.filter((x) => x.kind === choice.area))
			for (const m of p.members) if (!areaOfBorough.has(m)) areaOfBorough.set(m, p.id);
	const grouping = GROUPINGS.find((g) => g.value === choice.area)?.text ?? choice.area;
	const what = `${choice.need}, ${PHASE_TEXT[choice.phase]}`;
	const hasErrors = Object.keys(errors).length > 0;
	return renderPage(
		c,
		{ title: "Sufficiency", hasErrors, wide: true },
		<>
			<ErrorSummary errors={errors} />
			<h1 class="govuk-heading-l">Sufficiency: where places are short</h1>
			<form
				method="get"
				action="/commissioner/sufficiency"
				novalidate
				class="govuk-!-margin-bottom-4"
			>
				<div class="govuk-grid-row">
					<div class="govuk-grid-column-one-quarter">
						<Select
							id="need"
							label="Need type"
							error={errors.need}
							value={choice.need}
							choices={NEED_CODES.map((n) => ({ value: n, text: n }))}
						/>
					</div>
					<div class="govuk-grid-column-one-quarter">
						<Select
							id="phase"
							label="Phase"
							error={errors.phase}
							value={choice.phase}
							choices={PHASE_FILTERS.map((p) => ({ value: p, text: PHASE_TEXT[p] ?? p }))}
						/>
					</div>
					<div class="govuk-grid-column-one-quarter">
						<Select
							id="area"
							label="Areas"
							error={errors.area}
							value={choice.area}
							choices={GROUPINGS.map((g) => ({ ...g }))}
						/>
					</div>
				</div>
				<button type="submit" class="govuk-button govuk-button--secondary">
					Show
				</button>
			</form>
			<div class="govuk-grid-row">
				<div class="govuk-grid-column-one-half">
					<GapMap
						title={`The gap for ${what} by ${grouping.toLowerCase()}`}
						description="Each borough shaded by the gap (children waiting minus places free now) of its area; the table gives the figures."
						gapOf={(b) => {
							const area = areaOfBorough.get(b);
							return area === undefined || !gapByArea.has(area)
								? undefined
								: (gapByArea.get(area) ?? null);
						}}
					/>
				</div>
				<div class="govuk-grid-column-one-half">
					<p class="govuk-body">
						<a
							class="govuk-link"
							href={`/commissioner/sufficiency/csv?${queryOf(choice)}`}
							download
						>
							Download this report as CSV
						</a>{" "}
						(every need type and phase by {grouping.toLowerCase()}, the API's figures)
					</p>
					<p class="govuk-body-s">{report.matching.note}</p>
				</div>
			</div>
			<div class="app-table-scroll">
				<Table
					caption={`${what} by ${grouping.toLowerCase()}`}
					rows={rows}
					empty="No figures for this choice."
					columns={[
						{
							header: grouping,
							rowHeader: true,
							cell: (r) => (
								<a
									class="govuk-link"
									href={`/commissioner/sufficiency/areas/${r.area?.code}?${queryOf(choice)}`}
								>
									{r.area?.name}
								</a>
							),
						},
						{ header: "Places", numeric: true, cell: (r) => fig(r, "places") },
						{ header: "Free now", numeric: true, cell: (r) => fig(r, "vacant") },
						{ header: "Filled", numeric: true, cell: (r) => fig(r, "filled") },
						{ header: "Waiting", numeric: true, cell: (r) => fig(r, "awaiting") },
						{ header: "Gap", numeric: true, cell: (r) => fig(r, "gap") },
						{ header: "Unmet after matching", numeric: true, cell: (r) => fig(r, "unmet") },
					]}
				/>
			</div>
			<details class="govuk-details">
				<summary class="govuk-details__summary">
					<span class="govuk-details__summary-text">How each figure is counted</span>
				</summary>
				<div class="govuk-details__text">
					<dl class="govuk-body-s">
						{Object.entries(report.method).map(([k, v]) => (
							<>
								<dt class="govuk-!-font-weight-bold">{k}</dt>
								<dd class="govuk-!-margin-left-0 govuk-!-margin-bottom-2">{v}</dd>
							</>
						))}
					</dl>
				</div>
			</details>
		</>,
		hasErrors ? 400 : 200,
	);
}

export const sufficiencyPages = new Hono<WebEnv>().get("/", mapPage).get("/csv", async (c) => {
	const { choice } = choiceOf(c);
	const report = await reportFor(c, choice.area);
	return csvResponse(
		c,
		toCsv(sufficiencyColumns(report), report.rows),
		sufficiencyFilename(report),
	);
});

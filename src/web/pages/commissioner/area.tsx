import { Hono } from "hono";
import { csvResponse, toCsv } from "../../../http/csv.js";
import { ApiError } from "../../../http/problem.js";
import { listPartnerships } from "../../../queries/reference.js";
import {
	sufficiencyColumns,
	sufficiencyFilename,
} from "../../../services/sufficiency/csv-columns.js";
import { BarChart } from "../../components/bar-chart.js";
import { ErrorSummary } from "../../components/error-summary.js";
import { SummaryList } from "../../components/summary-list.js";
import { Table } from "../../components/table.js";
import type { WebEnv } from "../../env.js";
import { boroughNames } from "../../reference.js";
import { type PageContext, renderPage } from "../../render.js";
import { choiceOf, PHASE_TEXT, queryOf } from "./choice.js";
import { fig } from "./format.js";
import { reportFor } from "./sufficiency.js";

const AREA = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** One area (a borough's LA code or a partnership's id): the API's report for it alone, by need and phase. */
async function areaReport(c: PageContext) {
	const code = c.req.param("code") ?? "";
	if (!AREA.test(code)) throw new ApiError("not_found", "no such area");
	try {
		return await reportFor(c, code, ["need", "phase"]);
	} catch (error) {
		if (error instanceof ApiError && error.status === 400)
			throw new ApiError("not_found", "no such area");
		throw error;
	}
}

async function areaPage(c: PageContext) {
	const { choice, errors } = choiceOf(c);
	const report = await areaReport(c);
	const partnerships = await listPartnerships(c.get("deps").db);
	const name =
		(await boroughNames(c)).get(report.area.param) ??
		partnerships.find((p) => p.id === report.area.param)?.name ??
		report.area.param;
	const rows = report.rows.filter((r) => r.need?.code === choice.need);
	const row = rows.find((r) => r.phase?.code === choice.phase);
	const what = `${choice.need}, ${PHASE_TEXT[choice.phase]}`;
	const back = `/commissioner/sufficiency?${queryOf(choice)}`;
	return renderPage(
		c,
		{ title: `Sufficiency in ${name}`, hasErrors: Object.keys(errors).length > 0 },
		<>
			<a href={back} class="govuk-back-link">
				Back to the map
			</a>
			<ErrorSummary errors={errors} />
			<span class="govuk-caption-l">{what}</span>
			<h1 class="govuk-heading-l">{`Sufficiency in ${name}`}</h1>
			<p class="govuk-body">
				<a
					class="govuk-link"
					href={`/commissioner/sufficiency/areas/${report.area.param}/csv?${queryOf(choice)}`}
					download
				>
					Download this area's report as CSV
				</a>{" "}
				(every need type and phase, the API's figures)
			</p>
			{row ? (
				<>
					<SummaryList
						rows={[
							{ key: "Commissioned places", value: fig(row, "places") },
							{ key: "Filled", value: fig(row, "filled") },
							{ key: "Free now", value: fig(row, "vacant") },
							{ key: "Children waiting", value: fig(row, "awaiting") },
							{ key: "Gap (waiting − free)", value: fig(row, "gap") },
							{ key: "Unmet after matching", value: fig(row, "unmet") },
							{ key: "Placed out of borough", value: fig(row, "placedOutOfBorough") },
							{ key: "Placed out of London", value: fig(row, "placedOutOfLondon") },
							{ key: "In independent schools", value: fig(row, "independentPlacements") },
							{ key: "Their annual cost", value: fig(row, "independentAnnualCost", true) },
						]}
					/>
					<h2 class="govuk-heading-m">Forecast EHC plans</h2>
					<BarChart
						id="forecast"
						title={`Forecast specialist plans, ${what}`}
						unit={(n) => new Intl.NumberFormat("en-GB").format(n)}
						bars={row.forecast.map((y) => ({ label: y.academicYear, value: y.specialistPlans }))}
					/>
					<p class="govuk-body-s">{`Method: ${report.method.forecast ?? ""}`}</p>
				</>
			) : (
				<p class="govuk-body">No figures for this need type and phase here.</p>
			)}
			<Table
				caption={`${choice.need} by phase`}
				rows={rows}
				columns={[
					{
						header: "Phase",
						rowHeader: true,
						cell: (r) => PHASE_TEXT[r.phase?.code ?? ""] ?? r.phase?.name ?? "",
					},
					{ header: "Places", numeric: true, cell: (r) => fig(r, "places") },
					{ header: "Free now", numeric: true, cell: (r) => fig(r, "vacant") },
					{ header: "Waiting", numeric: true, cell: (r) => fig(r, "awaiting") },
					{ header: "Gap", numeric: true, cell: (r) => fig(r, "gap") },
					{ header: "Out of borough", numeric: true, cell: (r) => fig(r, "placedOutOfBorough") },
					{ header: "Independent", numeric: true, cell: (r) => fig(r, "independentPlacements") },
				]}
			/>
		</>,
	);
}

export const areaPages = new Hono<WebEnv>()
	.get("/areas/:code", areaPage)
	.get("/areas/:code/csv", async (c) => {
		const report = await areaReport(c);
		return csvResponse(
			c,
			toCsv(sufficiencyColumns(report), report.rows),
			sufficiencyFilename(report),
		);
	});

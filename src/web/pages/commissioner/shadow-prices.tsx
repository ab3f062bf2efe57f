import { Hono } from "hono";
import { csvResponse, toCsv } from "../../../http/csv.js";
import { ApiError } from "../../../http/problem.js";
import { settingLocations } from "../../../services/registry-read.js";
import { shadowPriceReport } from "../../../services/sufficiency/shadow-prices.js";
import { GapMap } from "../../components/gap-map.js";
import { Table } from "../../components/table.js";
import type { WebEnv } from "../../env.js";
import { type PageContext, renderPage } from "../../render.js";
import { formatPounds } from "./format.js";

const LIMIT = 20;

async function reportOrNone(c: PageContext, limit: number) {
	try {
		return await shadowPriceReport(c.get("deps").db, c.get("principal"), { limit });
	} catch (error) {
		// No finished run yet (404) or the latest still solving (409): the page says so.
		if (error instanceof ApiError && (error.status === 404 || error.status === 409))
			return error.message;
		throw error;
	}
}

type Item = Exclude<Awaited<ReturnType<typeof shadowPriceReport>>, string>["items"][number];

const CSV_COLUMNS = [
	{ header: "rank", value: (i: Item) => i.rank },
	{ header: "urn", value: (i: Item) => i.urn },
	{ header: "settingName", value: (i: Item) => i.settingName },
	{ header: "provision", value: (i: Item) => i.provision },
	{ header: "borough", value: (i: Item) => i.borough.code },
	{ header: "level", value: (i: Item) => i.level },
	{ header: "needTypes", value: (i: Item) => i.needTypes.join(";") },
	{ header: "capacity", value: (i: Item) => i.capacity },
	{ header: "used", value: (i: Item) => i.used },
	{ header: "gainPlusOne", value: (i: Item) => i.gainPlusOne },
	{ header: "lossMinusOne", value: (i: Item) => i.lossMinusOne },
	{ header: "fallbackCost", value: (i: Item) => i.fallbackCost },
];

async function shadowPage(c: PageContext) {
	const report = await reportOrNone(c, LIMIT);
	if (typeof report === "string")
		return renderPage(
			c,
			{ title: "Where a place would save most" },
			<>
				<h1 class="govuk-heading-l">Where a place would save most</h1>
				<p class="govuk-body">{`There are no shadow prices yet: ${report}. They come from a finished matching run.`}</p>
			</>,
		);
	const where = await settingLocations(
		c.get("deps").db,
		report.items.map((i) => i.urn),
	);
	const points = report.items.flatMap((i) => {
		const at = where.get(i.urn);
		return at ? [{ ...at, label: String(i.rank) }] : [];
	});
	return renderPage(
		c,
		{ title: "Where a place would save most", wide: true },
		<>
			<h1 class="govuk-heading-l">Where a place would save most</h1>
			<p class="govuk-body">{`From the ${report.run.kind === "planning" ? `planning run “${report.run.name}”` : "matching run"} ${report.runId}${report.finishedAt ? `, finished ${report.finishedAt.slice(0, 10)}` : ""}: what one more place at each provision would save the public a year, and what one fewer would cost. ${report.provisions} provisions priced; the top ${report.items.length} shown.`}</p>
			<p class="govuk-body">
				<a class="govuk-link" href="/commissioner/shadow-prices/csv" download>
					Download these shadow prices as CSV
				</a>
			</p>
			<div class="govuk-grid-row">
				<div class="govuk-grid-column-one-half">
					<GapMap
						title="Where one more place would save most"
						description="The provisions ranked in the table, numbered by rank at their setting."
						gapOf={() => undefined}
						points={points}
					/>
				</div>
				<div class="govuk-grid-column-one-half">
					<p class="govuk-body-s">{report.method}</p>
				</div>
			</div>
			<div class="app-table-scroll">
				<Table
					caption={`The ${report.items.length} provisions where one more place saves most`}
					rows={report.items}
					columns={[
						{ header: "Rank", rowHeader: true, cell: (i) => String(i.rank) },
						{ header: "Setting", cell: (i) => `${i.settingName ?? i.urn} (${i.borough.name})` },
						{ header: "Provision", cell: (i) => i.provision },
						{ header: "Need types", cell: (i) => i.needTypes.join(", ") },
						{ header: "Level", cell: (i) => i.level.replaceAll("_", " ") },
						{
							header: "One more place saves",
							numeric: true,
							cell: (i) => formatPounds(i.gainPlusOne),
						},
						{ header: "One fewer costs", numeric: true, cell: (i) => formatPounds(i.lossMinusOne) },
					]}
				/>
			</div>
		</>,
	);
}

export const shadowPricePages = new Hono<WebEnv>().get("/", shadowPage).get("/csv", async (c) => {
	const report = await shadowPriceReport(c.get("deps").db, c.get("principal"), { limit: 1000 });
	return csvResponse(c, toCsv(CSV_COLUMNS, report.items), `shadow-prices-${report.runId}.csv`);
});

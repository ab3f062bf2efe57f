import { Hono } from "hono";
import { latestVacancyCursor, listVacancyChanges } from "../../../services/registry-read.js";
import { Table } from "../../components/table.js";
import type { WebEnv } from "../../env.js";
import { renderPage } from "../../render.js";
import { boroughNames, longDate } from "../panel/context.js";

const PAGE = 100;

/** The vacancy change feed as a page: the same events as GET /vacancies/changes, from a cursor. */
export const changePages = new Hono<WebEnv>().get("/", async (c) => {
	const db = c.get("deps").db;
	const asked = c.req.query("since");
	const latest = await latestVacancyCursor(db);
	const since = asked && /^\d{1,15}$/.test(asked) ? Number(asked) : Math.max(0, latest - PAGE);
	const events = await listVacancyChanges(db, since, PAGE);
	const names = await boroughNames(c);
	const next = events.at(-1)?.seq;
	return renderPage(
		c,
		{ title: "Vacancy changes", wide: true },
		<>
			<h1 class="govuk-heading-l">Vacancy changes</h1>
			<p class="govuk-body">
				{`Every change to London's published vacancies, in the order it was made (the API's change feed, GET /vacancies/changes?since=${since}). The latest cursor is ${latest}.`}
			</p>
			<div class="app-table-scroll">
				<Table
					caption={`${events.length} changes after cursor ${since}`}
					rows={events}
					empty="No changes after this cursor."
					columns={[
						{ header: "Cursor", rowHeader: true, cell: (e) => String(e.seq) },
						{ header: "When", cell: (e) => longDate(e.at.toISOString()) },
						{ header: "Borough", cell: (e) => names.get(e.borough) ?? e.borough },
						{
							header: "Setting and provision",
							cell: (e) => `${e.urn} ${e.provision}${e.yearGroup ? ` ${e.yearGroup}` : ""}`,
						},
						{
							header: "Free places",
							numeric: true,
							cell: (e) => `${e.previousCount ?? "—"} → ${e.count}`,
						},
						{ header: "From", cell: (e) => (e.availableFrom ? longDate(e.availableFrom) : "now") },
						{ header: "Source", cell: (e) => e.source },
					]}
				/>
			</div>
			<nav class="govuk-pagination" aria-label="Pages of changes">
				{since > 0 ? (
					<div class="govuk-pagination__prev">
						<a
							class="govuk-link govuk-pagination__link"
							href={`/publisher/changes?since=${Math.max(0, since - PAGE)}`}
							rel="prev"
						>
							<span class="govuk-pagination__link-title">Earlier changes</span>
						</a>
					</div>
				) : null}
				{next !== undefined && next < latest ? (
					<div class="govuk-pagination__next">
						<a
							class="govuk-link govuk-pagination__link"
							href={`/publisher/changes?since=${next}`}
							rel="next"
						>
							<span class="govuk-pagination__link-title">Later changes</span>
						</a>
					</div>
				) : null}
			</nav>
		</>,
	);
});

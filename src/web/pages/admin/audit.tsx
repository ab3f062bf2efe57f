import { Hono } from "hono";
import { ROLES } from "../../../auth/claims.js";
import { AuditFilter, type AuditFilterT } from "../../../contracts/audit-filter.js";
import { csvResponse, toCsv } from "../../../http/csv.js";
import { AUDIT_CSV_LIMIT, readAuditTrail } from "../../../services/audit-trail.js";
import { ErrorSummary, type FormErrors } from "../../components/error-summary.js";
import { Select, TextInput } from "../../components/fields.js";
import { Table } from "../../components/table.js";
import type { WebEnv } from "../../env.js";
import { errorPage } from "../../errors.js";
import { zodFormErrors } from "../../forms.js";
import { type PageContext, renderPage } from "../../render.js";
import { boroughNames, panelContext } from "../panel/context.js";
import { AUDIT_CSV_COLUMNS, BeforeAfter, londonTime } from "./audit-view.js";

const PAGE = 50;
const FILTER_KEYS = ["borough", "role", "action", "recordType", "recordId", "from", "to"] as const;

/** The filter from the query string: known fields only, blanks dropped, then the filter's own checks. */
function filterOf(c: PageContext) {
	const raw: Record<string, string> = {};
	for (const key of FILTER_KEYS) {
		const v = c.req.query(key)?.trim();
		if (v) raw[key] = v;
	}
	const parsed = AuditFilter.safeParse(raw);
	return parsed.success
		? { raw, filter: parsed.data as AuditFilterT, errors: {} as FormErrors }
		: { raw, filter: undefined, errors: zodFormErrors(parsed.error) };
}

const auditPage = new Hono<WebEnv>().get("/", async (c) => {
	const { raw, filter, errors } = filterOf(c);
	const pageNumber = Math.max(
		1,
		Math.min(10_000, Number.parseInt(c.req.query("page") ?? "1", 10) || 1),
	);
	const offset = (pageNumber - 1) * PAGE;
	const { db, actor } = panelContext(c);
	const found = filter
		? await readAuditTrail(db, actor, filter, { limit: PAGE, offset })
		: undefined;
	const names = await boroughNames(c);
	const hasErrors = !filter;
	const query = new URLSearchParams(raw);
	const pageLink = (n: number) =>
		`/admin/audit?${new URLSearchParams({ ...raw, page: String(n) })}`;
	return renderPage(
		c,
		{ title: "Audit trail", hasErrors, wide: true },
		<>
			<ErrorSummary errors={errors} />
			<h1 class="govuk-heading-l">Audit trail</h1>
			<p class="govuk-body">
				Every write, and every read of a child's record: who, in which role and borough, did what to
				which record, when, with the record before and after. Reading this page is recorded too.
			</p>
			<form method="get" action="/admin/audit" novalidate class="govuk-!-margin-bottom-6">
				<div class="govuk-grid-row">
					<div class="govuk-grid-column-one-quarter">
						<Select
							id="borough"
							label="Borough"
							error={errors.borough}
							value={raw.borough}
							choices={[
								{ value: "", text: "Any" },
								...[...names].map(([code, name]) => ({ value: code, text: `${name} (${code})` })),
							]}
						/>
					</div>
					<div class="govuk-grid-column-one-quarter">
						<Select
							id="role"
							label="Role"
							error={errors.role}
							value={raw.role}
							choices={[{ value: "", text: "Any" }, ...ROLES.map((r) => ({ value: r, text: r }))]}
						/>
					</div>
					<div class="govuk-grid-column-one-quarter">
						<TextInput
							id="action"
							label="Action"
							hint="Or its start, like consultation"
							error={errors.action}
							value={raw.action}
						/>
					</div>
					<div class="govuk-grid-column-one-quarter">
						<TextInput
							id="recordType"
							label="Record type"
							hint="Like child, consultation, vacancy"
							error={errors.recordType}
							value={raw.recordType}
						/>
					</div>
				</div>
				<div class="govuk-grid-row">
					<div class="govuk-grid-column-one-quarter">
						<TextInput
							id="recordId"
							label="Record id"
							error={errors.recordId}
							value={raw.recordId}
						/>
					</div>
					<div class="govuk-grid-column-one-quarter">
						<TextInput
							id="from"
							label="From"
							hint="YYYY-MM-DD, London time"
							width={10}
							error={errors.from}
							value={raw.from}
						/>
					</div>
					<div class="govuk-grid-column-one-quarter">
						<TextInput
							id="to"
							label="To (inclusive)"
							hint="YYYY-MM-DD, London time"
							width={10}
							error={errors.to}
							value={raw.to}
						/>
					</div>
				</div>
				<button type="submit" class="govuk-button govuk-button--secondary">
					Apply filters
				</button>
			</form>
			{found ? (
				<>
					<p class="govuk-body">
						<a
							class="govuk-link"
							href={`/admin/audit/csv${query.size ? `?${query}` : ""}`}
							download
						>
							Download these events as CSV
						</a>{" "}
						{`(at most ${AUDIT_CSV_LIMIT.toLocaleString("en-GB")}, newest first)`}
					</p>
					<div class="app-table-scroll">
						<Table
							caption={`${found.total} ${found.total === 1 ? "event" : "events"}${found.total > PAGE ? `, ${offset + 1}–${Math.min(found.total, offset + PAGE)} shown` : ""}`}
							rows={found.items}
							empty="No events match these filters."
							columns={[
								{
									header: "When",
									rowHeader: true,
									cell: (e) => <time datetime={e.at.toISOString()}>{londonTime(e.at)}</time>,
								},
								{
									header: "Who",
									cell: (e) =>
										`${e.actor} (${e.role}${e.boroughCode ? `, ${names.get(e.boroughCode) ?? e.boroughCode}` : ""})`,
								},
								{ header: "Action", cell: (e) => e.action },
								{ header: "Record", cell: (e) => `${e.entityType} ${e.entityId}` },
								{ header: "Before and after", cell: (e) => <BeforeAfter e={e} /> },
							]}
						/>
					</div>
					<nav class="govuk-pagination" aria-label="Pages of events">
						{pageNumber > 1 ? (
							<div class="govuk-pagination__prev">
								<a
									class="govuk-link govuk-pagination__link"
									href={pageLink(pageNumber - 1)}
									rel="prev"
								>
									<span class="govuk-pagination__link-title">Previous page</span>
								</a>
							</div>
						) : null}
						{offset + PAGE < found.total ? (
							<div class="govuk-pagination__next">
								<a
									class="govuk-link govuk-pagination__link"
									href={pageLink(pageNumber + 1)}
									rel="next"
								>
									<span class="govuk-pagination__link-title">Next page</span>
								</a>
							</div>
						) : null}
					</nav>
				</>
			) : null}
		</>,
		hasErrors ? 400 : 200,
	);
});

const auditCsv = new Hono<WebEnv>().get("/csv", async (c) => {
	const { filter, errors } = filterOf(c);
	if (!filter) return errorPage(c, 400, Object.values(errors).join(" "));
	const { db, actor } = panelContext(c);
	const { items } = await readAuditTrail(db, actor, filter, { limit: AUDIT_CSV_LIMIT, offset: 0 });
	return csvResponse(c, toCsv(AUDIT_CSV_COLUMNS, items), "audit-trail.csv");
});

export const auditPages = new Hono<WebEnv>().route("/", auditCsv).route("/", auditPage);

import type { CsvValue } from "../../../http/csv.js";
import type { AuditEventRow } from "../../../services/audit-trail.js";

/** When, as a London reader reads it (the CSV keeps the exact instant). */
export const londonTime = (at: Date) =>
	at.toLocaleString("en-GB", {
		day: "numeric",
		month: "short",
		year: "numeric",
		hour: "2-digit",
		minute: "2-digit",
		second: "2-digit",
		timeZone: "Europe/London",
	});

const json = (value: unknown) =>
	value === null || value === undefined ? "" : JSON.stringify(value);

export const AUDIT_CSV_COLUMNS: { header: string; value: (e: AuditEventRow) => CsvValue }[] = [
	{ header: "id", value: (e) => e.id },
	{ header: "at", value: (e) => e.at.toISOString() },
	{ header: "actor", value: (e) => e.actor },
	{ header: "role", value: (e) => e.role },
	{ header: "borough", value: (e) => e.boroughCode },
	{ header: "action", value: (e) => e.action },
	{ header: "record_type", value: (e) => e.entityType },
	{ header: "record_id", value: (e) => e.entityId },
	{ header: "request_id", value: (e) => e.requestId },
	{ header: "before", value: (e) => json(e.before) },
	{ header: "after", value: (e) => json(e.after) },
];

/** Before and after, folded away: a child's record is long, and most rows are reads with neither. */
export function BeforeAfter({ e }: { e: AuditEventRow }) {
	if (e.before === null && e.after === null) return <>—</>;
	return (
		<details class="govuk-details govuk-!-margin-bottom-0">
			<summary class="govuk-details__summary">
				<span class="govuk-details__summary-text">
					{e.before !== null && e.after !== null
						? "Before and after"
						: e.before !== null
							? "Before"
							: "After"}
					<span class="govuk-visually-hidden">{` for event ${e.id}`}</span>
				</span>
			</summary>
			<div class="govuk-details__text">
				{e.before !== null ? (
					<>
						<p class="govuk-body-s govuk-!-font-weight-bold govuk-!-margin-bottom-1">Before</p>
						<pre class="app-json">{JSON.stringify(e.before, null, 1)}</pre>
					</>
				) : null}
				{e.after !== null ? (
					<>
						<p class="govuk-body-s govuk-!-font-weight-bold govuk-!-margin-bottom-1">After</p>
						<pre class="app-json">{JSON.stringify(e.after, null, 1)}</pre>
					</>
				) : null}
			</div>
		</details>
	);
}

import type { Child } from "hono/jsx";

export interface SummaryRow {
	key: string;
	value: Child;
}

export function SummaryList({ rows }: { rows: SummaryRow[] }) {
	return (
		<dl class="govuk-summary-list">
			{rows.map((r) => (
				<div class="govuk-summary-list__row">
					<dt class="govuk-summary-list__key">{r.key}</dt>
					<dd class="govuk-summary-list__value">{r.value}</dd>
				</div>
			))}
		</dl>
	);
}

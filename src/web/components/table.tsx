import type { Child } from "hono/jsx";

export interface Column<T> {
	header: string;
	cell: (row: T) => Child;
	numeric?: boolean;
	/** The row's header cell (scope="row"), usually its name. */
	rowHeader?: boolean;
}

/** A GOV.UK table: always a caption and header cells, so a screen reader can name each cell. */
export function Table<T>(props: {
	caption: string;
	captionSize?: "s" | "m";
	columns: Column<T>[];
	rows: T[];
	empty?: string;
}) {
	if (props.rows.length === 0)
		return <p class="govuk-body">{props.empty ?? `${props.caption}: none.`}</p>;
	return (
		<table class="govuk-table">
			<caption class={`govuk-table__caption govuk-table__caption--${props.captionSize ?? "m"}`}>
				{props.caption}
			</caption>
			<thead class="govuk-table__head">
				<tr class="govuk-table__row">
					{props.columns.map((c) => (
						<th
							scope="col"
							class={`govuk-table__header${c.numeric ? " govuk-table__header--numeric" : ""}`}
						>
							{c.header}
						</th>
					))}
				</tr>
			</thead>
			<tbody class="govuk-table__body">
				{props.rows.map((row) => (
					<tr class="govuk-table__row">
						{props.columns.map((c) =>
							c.rowHeader ? (
								<th scope="row" class="govuk-table__header">
									{c.cell(row)}
								</th>
							) : (
								<td class={`govuk-table__cell${c.numeric ? " govuk-table__cell--numeric" : ""}`}>
									{c.cell(row)}
								</td>
							),
						)}
					</tr>
				))}
			</tbody>
		</table>
	);
}

import { Table } from "./table.js";

export interface Bar {
	label: string;
	/** null: suppressed (a small count of another borough's children) or not known. */
	value: number | null;
}

/**
 * A small horizontal bar chart drawn on the server, with its table beside it (the chart's text
 * equivalent, and the only place a suppressed figure is spelt out).
 */
export function BarChart(props: {
	id: string;
	title: string;
	unit: (n: number) => string;
	bars: Bar[];
}) {
	const max = Math.max(1, ...props.bars.map((b) => b.value ?? 0));
	const row = 22;
	const width = 420;
	const labelWidth = 170;
	const height = props.bars.length * row + 8;
	return (
		<div class="govuk-grid-row govuk-!-margin-bottom-6">
			<div class="govuk-grid-column-one-half">
				<figure class="app-figure">
					<svg
						viewBox={`0 0 ${width} ${height}`}
						width={String(width)}
						role="img"
						aria-labelledby={`${props.id}-title`}
						xmlns="http://www.w3.org/2000/svg"
					>
						<title
							id={`${props.id}-title`}
						>{`${props.title} (chart; the table beside it gives the figures)`}</title>
						{props.bars.map((b, i) => {
							const w = b.value === null ? 0 : ((width - labelWidth - 70) * b.value) / max;
							const y = 4 + i * row;
							return (
								<g>
									<text
										x="0"
										y={String(y + 14)}
										font-size="12"
										fill="#0b0c0c"
										font-family="sans-serif"
									>
										{b.label.length > 26 ? `${b.label.slice(0, 25)}…` : b.label}
									</text>
									<rect
										x={String(labelWidth)}
										y={String(y + 2)}
										width={w.toFixed(1)}
										height="16"
										fill="#5b2a86"
									/>
									<text
										x={(labelWidth + w + 4).toFixed(1)}
										y={String(y + 14)}
										font-size="12"
										fill="#0b0c0c"
										font-family="sans-serif"
									>
										{b.value === null ? "hidden" : props.unit(b.value)}
									</text>
								</g>
							);
						})}
					</svg>
				</figure>
			</div>
			<div class="govuk-grid-column-one-half">
				<Table
					caption={props.title}
					captionSize="s"
					rows={props.bars}
					columns={[
						{ header: "Measure", rowHeader: true, cell: (b) => b.label },
						{
							header: "Figure",
							numeric: true,
							cell: (b) => (b.value === null ? "Hidden (fewer than 5)" : props.unit(b.value)),
						},
					]}
				/>
			</div>
		</div>
	);
}

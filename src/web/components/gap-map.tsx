import outlines from "../../../seeds/data/borough-outlines.json" with { type: "json" };
import type { MapPoint } from "./map.js";

/** The gap's bands: surplus, then ever larger shortfalls (children waiting minus places free). */
export const GAP_BANDS = [
	{ max: 0, text: "No gap (places free ≥ children waiting)" },
	{ max: 5, text: "Gap of 1–5" },
	{ max: 15, text: "Gap of 6–15" },
	{ max: 40, text: "Gap of 16–40" },
	{ max: Number.POSITIVE_INFINITY, text: "Gap of more than 40" },
] as const;

export const bandOf = (gap: number) => GAP_BANDS.findIndex((b) => gap <= b.max);

const { frame } = outlines;
const project = (lon: number, lat: number): [number, number] => [
	Math.min(frame.width - 4, Math.max(4, (lon - frame.lon0) * frame.cosLat * frame.scale)),
	Math.min(frame.height - 4, Math.max(4, (frame.lat0 - lat) * frame.scale)),
];

/**
 * London's boroughs shaded by a gap each (its own, or its area's when grouped): `undefined` is not
 * in any area of the grouping, `null` is suppressed. The table beside it is the text equivalent.
 */
export function GapMap(props: {
	title: string;
	description: string;
	gapOf: (borough: string) => number | null | undefined;
	points?: MapPoint[];
}) {
	return (
		<figure class="app-figure">
			<svg
				viewBox={`0 0 ${frame.width} ${frame.height}`}
				width="600"
				role="img"
				aria-labelledby="gap-map-title gap-map-desc"
				xmlns="http://www.w3.org/2000/svg"
			>
				<title id="gap-map-title">{props.title}</title>
				<desc id="gap-map-desc">{props.description}</desc>
				{outlines.boroughs.map((b) => {
					const gap = props.gapOf(b.code);
					const shade = gap === undefined ? "out" : gap === null ? "hidden" : String(bandOf(gap));
					return <path d={b.path} class={`app-map__borough app-map__shade--${shade}`} />;
				})}
				{(props.points ?? []).map((p) => {
					const [x, y] = project(p.lon, p.lat);
					return (
						<g>
							<circle cx={x.toFixed(1)} cy={y.toFixed(1)} r="6" class="app-map__point" />
							<text
								x={x.toFixed(1)}
								y={(y + 3).toFixed(1)}
								text-anchor="middle"
								class="app-map__point-label"
							>
								{p.label}
							</text>
						</g>
					);
				})}
			</svg>
			<figcaption>
				<ul class="govuk-list govuk-body-s app-legend">
					{GAP_BANDS.map((b, i) => (
						<li>
							<span class={`app-legend__swatch app-map__shade--${i}`} aria-hidden="true" /> {b.text}
						</li>
					))}
					<li>
						<span class="app-legend__swatch app-map__shade--hidden" aria-hidden="true" /> Hidden (a
						count of 1–4 of another borough's children)
					</li>
				</ul>
				<p class="govuk-body-s">Borough boundaries: GLA, contains OS data © Crown copyright.</p>
			</figcaption>
		</figure>
	);
}

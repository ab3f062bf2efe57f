import { raw } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";
import outlines from "../../../seeds/data/borough-outlines.json" with { type: "json" };

export interface MapPoint {
	lat: number;
	lon: number;
	/** Drawn inside the marker (a rank number) and read from the table beside the map. */
	label: string;
}

const { frame } = outlines;

/**
 * The 33 boundaries as markup, rendered once per home borough (they differ only in which one is
 * shaded): escaping some 30 KB of path data on every options page cost more than the rest of the map.
 */
const layers = new Map<string, HtmlEscapedString>();
function boroughLayer(homeBorough: string | undefined): HtmlEscapedString {
	const key = homeBorough ?? "";
	let layer = layers.get(key);
	if (!layer) {
		const markup = outlines.boroughs.map((b) => (
			<path
				d={b.path}
				class={`app-map__borough${b.code === homeBorough ? " app-map__borough--home" : ""}`}
				fill={b.code === homeBorough ? "#e8deef" : "#f3f2f1"}
				stroke="#8a8d90"
				stroke-width="0.6"
			/>
		));
		layer = raw(markup.map((element) => element.toString()).join(""));
		// Only real borough codes are kept (a handful of keys at most).
		if (key === "" || outlines.boroughs.some((b) => b.code === key)) layers.set(key, layer);
	}
	return layer;
}

function project(lon: number, lat: number): [number, number] {
	return [(lon - frame.lon0) * frame.cosLat * frame.scale, (frame.lat0 - lat) * frame.scale];
}

/**
 * London's 33 boroughs from the GLA boundaries (simplified; no tile server, nothing fetched),
 * the child's home (already rounded to ~100 m) and the options numbered as in the table, which is
 * the map's text equivalent. Points outside London are pinned to the frame's edge.
 */
export function BoroughMap(props: {
	title: string;
	description: string;
	home?: { lat: number; lon: number; borough: string };
	points: MapPoint[];
}) {
	const clamp = ([x, y]: [number, number]): [number, number] => [
		Math.min(frame.width - 4, Math.max(4, x)),
		Math.min(frame.height - 4, Math.max(4, y)),
	];
	const home = props.home ? clamp(project(props.home.lon, props.home.lat)) : undefined;
	return (
		<figure class="app-figure">
			<svg
				viewBox={`0 0 ${frame.width} ${frame.height}`}
				width="600"
				role="img"
				aria-labelledby="map-title map-desc"
				xmlns="http://www.w3.org/2000/svg"
			>
				<title id="map-title">{props.title}</title>
				<desc id="map-desc">{props.description}</desc>
				{boroughLayer(props.home?.borough)}
				{props.points.map((p) => {
					const [x, y] = clamp(project(p.lon, p.lat));
					return (
						<g>
							<circle
								cx={x.toFixed(1)}
								cy={y.toFixed(1)}
								r="6"
								fill="#5b2a86"
								stroke="#ffffff"
								stroke-width="1"
							/>
							<text
								x={x.toFixed(1)}
								y={(y + 3).toFixed(1)}
								text-anchor="middle"
								font-size="8"
								fill="#ffffff"
								font-family="sans-serif"
							>
								{p.label}
							</text>
						</g>
					);
				})}
				{home ? (
					<g>
						<rect
							x={(home[0] - 5).toFixed(1)}
							y={(home[1] - 5).toFixed(1)}
							width="10"
							height="10"
							fill="#d4351c"
							stroke="#ffffff"
							stroke-width="1"
						/>
						<text
							x={home[0].toFixed(1)}
							y={(home[1] - 8).toFixed(1)}
							text-anchor="middle"
							font-size="9"
							fill="#0b0c0c"
							font-family="sans-serif"
						>
							Home
						</text>
					</g>
				) : null}
			</svg>
			<figcaption class="govuk-body-s">
				Red square: the child's home (rounded). Purple circles: the options, numbered by rank as in
				the table below. Borough boundaries: GLA, contains OS data © Crown copyright.
			</figcaption>
		</figure>
	);
}

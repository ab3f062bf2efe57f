// Borough outlines for the pages' small SVG maps: the GLA boundaries projected to a flat frame
// (equirectangular at London's latitude, so a mile is the same length across and down) and
// simplified (Douglas–Peucker) to a size a page can carry.
import type { BoroughShape } from "./geo.js";

type Point = [number, number];

/** The frame: lon/lat → SVG user units; the pages place homes and schools with the same numbers. */
export const MAP_FRAME = {
	lon0: -0.52,
	lat0: 51.71,
	scale: 700,
	cosLat: Math.cos((51.5 * Math.PI) / 180),
};

export function project(lon: number, lat: number): Point {
	return [
		(lon - MAP_FRAME.lon0) * MAP_FRAME.cosLat * MAP_FRAME.scale,
		(MAP_FRAME.lat0 - lat) * MAP_FRAME.scale,
	];
}

function distanceToSegment(p: Point, a: Point, b: Point): number {
	const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
	const length = dx * dx + dy * dy;
	const t =
		length === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length));
	return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
}

function simplify(points: Point[], tolerance: number): Point[] {
	if (points.length < 3) return points;
	const first = points[0] as Point;
	const last = points[points.length - 1] as Point;
	let [worst, at] = [0, 0];
	for (let i = 1; i < points.length - 1; i++) {
		const d = distanceToSegment(points[i] as Point, first, last);
		if (d > worst) [worst, at] = [d, i];
	}
	if (worst <= tolerance) return [first, last];
	return [
		...simplify(points.slice(0, at + 1), tolerance).slice(0, -1),
		...simplify(points.slice(at), tolerance),
	];
}

const r1 = (x: number) => Math.round(x * 10) / 10;

/** One SVG path per borough (outer rings only; the Thames is already cut out of the layer). */
export function deriveOutlines(shapes: BoroughShape[], gssToCode: Map<string, string>) {
	const boroughs = shapes
		.map((shape) => {
			const rings = shape.polygons
				.map((polygon) =>
					simplify(
						(polygon[0] ?? []).map(([lon, lat]) => project(lon, lat)),
						0.6,
					),
				)
				.filter((ring) => ring.length >= 4);
			const path = rings
				.map((ring) => `M${ring.map(([x, y]) => `${r1(x)},${r1(y)}`).join("L")}Z`)
				.join("");
			return { code: gssToCode.get(shape.gss) ?? shape.gss, name: shape.name, path };
		})
		.sort((a, b) => a.code.localeCompare(b.code));
	let [maxX, maxY] = [0, 0];
	for (const shape of shapes)
		for (const polygon of shape.polygons)
			for (const [lon, lat] of polygon[0] ?? []) {
				const [x, y] = project(lon, lat);
				[maxX, maxY] = [Math.max(maxX, x), Math.max(maxY, y)];
			}
	return {
		frame: { ...MAP_FRAME, width: Math.ceil(maxX) + 2, height: Math.ceil(maxY) + 2 },
		boroughs,
	};
}

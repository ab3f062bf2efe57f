// Point-in-polygon against the London borough boundaries (GeoJSON, CRS84 lon/lat).

type Ring = [number, number][];

export interface BoroughShape {
	gss: string;
	name: string;
	innerStatistical: boolean;
	polygons: Ring[][];
	bbox: [number, number, number, number];
}

interface Feature {
	properties: { code: string; name: string; inner_statistical: number };
	geometry: { type: "Polygon" | "MultiPolygon"; coordinates: unknown };
}

export function readBoroughShapes(geojson: string): BoroughShape[] {
	const fc = JSON.parse(geojson) as { features: Feature[] };
	return fc.features.map((f) => {
		const polygons =
			f.geometry.type === "Polygon"
				? [f.geometry.coordinates as Ring[]]
				: (f.geometry.coordinates as Ring[][]);
		let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
		for (const poly of polygons)
			for (const ring of poly)
				for (const [x, y] of ring) {
					minX = Math.min(minX, x);
					minY = Math.min(minY, y);
					maxX = Math.max(maxX, x);
					maxY = Math.max(maxY, y);
				}
		return {
			gss: f.properties.code,
			name: f.properties.name,
			innerStatistical: f.properties.inner_statistical === 1,
			polygons,
			bbox: [minX, minY, maxX, maxY],
		};
	});
}

/** Even-odd ray casting over one ring. */
function inRing(x: number, y: number, ring: Ring): boolean {
	let inside = false;
	for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
		const a = ring[i];
		const b = ring[j];
		if (!a || !b) continue;
		if (a[1] > y !== b[1] > y && x < ((b[0] - a[0]) * (y - a[1])) / (b[1] - a[1]) + a[0]) {
			inside = !inside;
		}
	}
	return inside;
}

/** Inside the outer ring of some polygon and outside its holes. */
export function contains(shape: BoroughShape, lon: number, lat: number): boolean {
	const [minX, minY, maxX, maxY] = shape.bbox;
	if (lon < minX || lon > maxX || lat < minY || lat > maxY) return false;
	return shape.polygons.some(
		([outer, ...holes]) =>
			!!outer && inRing(lon, lat, outer) && !holes.some((h) => inRing(lon, lat, h)),
	);
}

export function boroughAt(
	shapes: BoroughShape[],
	lon: number,
	lat: number,
): BoroughShape | undefined {
	return shapes.find((s) => contains(s, lon, lat));
}

/** Outcode of a UK postcode: "EC3A 5DE" → "EC3A"; "SW1A1AA" → "SW1A". */
export function outcodeOf(postcode: string): string | null {
	const p = postcode.trim().toUpperCase();
	if (!p) return null;
	const space = p.indexOf(" ");
	if (space > 0) return p.slice(0, space);
	return p.length > 3 ? p.slice(0, -3) : null;
}

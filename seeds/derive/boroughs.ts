import type { Borough, PostcodeDistrict } from "../types.js";
import { type BoroughShape, boroughAt, outcodeOf } from "./geo.js";

type Rec = Record<string, string>;

export interface DistrictCentroid {
	district: string;
	lat: number;
	lon: number;
}

/** The UK outcode table as a map district → centroid (first row wins on duplicates). */
export function readDistrictTable(rows: Rec[]): Map<string, DistrictCentroid> {
	const out = new Map<string, DistrictCentroid>();
	for (const r of rows) {
		const district = (r.postcode ?? "").trim().toUpperCase();
		const lat = Number(r.latitude);
		const lon = Number(r.longitude);
		if (!district || !Number.isFinite(lat) || !Number.isFinite(lon) || out.has(district)) continue;
		if (lat === 0 && lon === 0) continue; // non-geographic outcodes (e.g. N81) carry 0,0
		out.set(district, { district, lat, lon });
	}
	return out;
}

/** LA code ↔ GSS ↔ name, from the DfE caseload file's Local authority rows. */
export function readLaCodes(caseload: Rec[]): { code: string; gss: string; name: string }[] {
	const byCode = new Map<string, { code: string; gss: string; name: string }>();
	for (const r of caseload) {
		if (r.geographic_level !== "Local authority" || !r.old_la_code || !r.new_la_code) continue;
		byCode.set(r.old_la_code, { code: r.old_la_code, gss: r.new_la_code, name: r.la_name ?? "" });
	}
	return [...byCode.values()].sort((a, b) => a.code.localeCompare(b.code));
}

export function deriveBoroughs(input: {
	caseload: Rec[];
	centroids: Rec[];
	shapes: BoroughShape[];
	districts: Map<string, DistrictCentroid>;
	gias: Rec[];
}): { boroughs: Borough[]; postcodeDistricts: PostcodeDistrict[] } {
	const las = readLaCodes(input.caseload);
	const codeByGss = new Map(las.map((l) => [l.gss, l.code]));
	const postcodeDistricts: PostcodeDistrict[] = [];
	for (const d of input.districts.values()) {
		const shape = boroughAt(input.shapes, d.lon, d.lat);
		const code = shape && codeByGss.get(shape.gss);
		if (code) postcodeDistricts.push({ ...d, borough: code });
	}
	postcodeDistricts.sort((a, b) => compareDistricts(a.district, b.district));
	const boroughs = las.map((la): Borough => {
		const c = input.centroids.find((r) => r.gss_code === la.gss);
		if (!c) throw new Error(`no centroid for ${la.gss} ${la.name}`);
		let districts = postcodeDistricts.filter((d) => d.borough === la.code).map((d) => d.district);
		if (districts.length === 0) {
			// e.g. a borough too small to hold any outcode centroid: use its schools' outcodes.
			const own = input.gias
				.filter((s) => s.la_code === la.code)
				.map((s) => outcodeOf(s.postcode ?? ""))
				.filter((o): o is string => !!o && input.districts.has(o));
			districts = [...new Set(own)].sort(compareDistricts);
		}
		return {
			code: la.code,
			gss: la.gss,
			name: la.name,
			inner: la.code.startsWith("2"),
			centroid: { lat: Number(c.centroid_lat), lon: Number(c.centroid_lon) },
			postcodeDistricts: districts,
		};
	});
	if (boroughs.length !== 33) throw new Error(`expected 33 London LAs, found ${boroughs.length}`);
	return { boroughs, postcodeDistricts };
}

/** "N2" < "N10" < "NW1": area letters, then district number, then suffix. */
export function compareDistricts(a: string, b: string): number {
	const pa = /^([A-Z]+)(\d+)(.*)$/.exec(a);
	const pb = /^([A-Z]+)(\d+)(.*)$/.exec(b);
	if (!pa || !pb) return a.localeCompare(b);
	return (
		(pa[1] ?? "").localeCompare(pb[1] ?? "") ||
		Number(pa[2]) - Number(pb[2]) ||
		(pa[3] ?? "").localeCompare(pb[3] ?? "")
	);
}

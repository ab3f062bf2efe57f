// Year groups, secondary needs and home locations of demo children.
import type { Rng } from "../prng.js";
import type { LatLon, NeedCode, SeedData, YearGroup } from "../types.js";

/** Year group from age at 31 August: ≤2 N1, 3 N2, 4 R, 5 Y1 … 18+ Y14 (capped). */
export function yearGroupOfAge(age: number): YearGroup {
	if (age <= 2) return "N1";
	if (age === 3) return "N2";
	if (age === 4) return "R";
	return `Y${Math.min(age - 4, 14)}` as YearGroup;
}

/** Plausible secondary needs for each primary need (illustrative co-occurrence). */
const COMMON_SECONDARY: Record<NeedCode, NeedCode[]> = {
	ASD: ["SLCN", "SEMH", "MLD", "SPLD"],
	SLCN: ["ASD", "MLD", "SEMH"],
	SEMH: ["SLCN", "ASD", "SPLD"],
	MLD: ["SLCN", "ASD", "SPLD", "SEMH"],
	SLD: ["ASD", "PD", "SLCN"],
	PMLD: ["PD", "VI", "HI"],
	SPLD: ["SLCN", "SEMH"],
	HI: ["SLCN", "MLD"],
	VI: ["PD", "MLD"],
	MSI: ["PD", "SLD"],
	PD: ["SLCN", "MLD", "VI"],
	OTH: ["SEMH", "SLCN", "MLD"],
};

export function drawSecondaryNeeds(rng: Rng, primary: NeedCode): NeedCode[] {
	const n = rng.weightedIndex([45, 40, 15]);
	return rng.shuffle(COMMON_SECONDARY[primary]).slice(0, n);
}

/** Districts of a borough weighted by how many schools they hold (a population proxy). */
export function districtWeights(
	data: SeedData,
	laCode: string,
): { districts: string[]; weights: number[] } {
	const districts = data.boroughs.find((b) => b.code === laCode)?.postcodeDistricts ?? [];
	const schools = new Map<string, number>();
	for (const e of data.establishments)
		if (e.district) schools.set(e.district, (schools.get(e.district) ?? 0) + 1);
	const weights = districts.map((d) => schools.get(d) ?? 0);
	return { districts, weights: weights.some((w) => w > 0) ? weights : districts.map(() => 1) };
}

const M_PER_DEG_LAT = 111_320;

/** A point within `radiusM` of the district centroid, rounded to 3 decimals (~100 m). */
export function homeNear(rng: Rng, centre: LatLon, radiusM = 1000): LatLon {
	const r = radiusM * Math.sqrt(rng.next());
	const theta = 2 * Math.PI * rng.next();
	const lat = centre.lat + (r * Math.cos(theta)) / M_PER_DEG_LAT;
	const lon =
		centre.lon + (r * Math.sin(theta)) / (M_PER_DEG_LAT * Math.cos((centre.lat * Math.PI) / 180));
	return { lat: Math.round(lat * 1000) / 1000, lon: Math.round(lon * 1000) / 1000 };
}

/** Great-circle distance in km. */
export function distanceKm(a: LatLon, b: LatLon): number {
	const rad = Math.PI / 180;
	const dLat = (b.lat - a.lat) * rad;
	const dLon = (b.lon - a.lon) * rad;
	const h =
		Math.sin(dLat / 2) ** 2 +
		Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
	return 12_742 * Math.asin(Math.min(1, Math.sqrt(h)));
}

import type { Child, NeedType, Provision } from "../../solver/index";
import { BOROUGHS, NEED_WEIGHTS, RESOURCED_LEVELS, SPECIAL_LEVELS } from "./london-data";
import { createPicker, type Picker } from "./prng";

/**
 * Synthetic London-like rounds: children live around their borough's centroid in proportion
 * to its EHCP caseload, needs follow the DfE mix, and settings are spread the same way. Free
 * places total about `placesPerChild` × children, with autism and SEMH designations scarcer
 * than their demand, as in the seeds.
 */
export interface LondonLikeOptions {
	children: number;
	provisions: number;
	seed?: number;
	placesPerChild?: number;
}

const BOROUGH_WEIGHTS = BOROUGHS.map((b) => [b, b[3]] as const);
/** Places lag demand for ASD and SEMH: the shortage panels report. */
const DESIGNATION_WEIGHTS = NEED_WEIGHTS.map(
	([need, w]) => [need, need === "ASD" || need === "SEMH" ? w * 0.85 : w] as const,
);

const LEVEL_WEIGHTS = [
	["resourced_provision", 35],
	["sen_unit", 10],
	["esta", 2],
	["special_la_maintained", 22],
	["special_academy", 16],
	["special_non_maintained", 3],
	["special_independent", 10],
	["special_post16", 2],
] as const;

function around(pick: Picker, lat: number, lon: number): [number, number] {
	return [lat + pick.normal() * 0.025, lon + pick.normal() * 0.04];
}

function costFor(pick: Picker, level: string): Provision["cost"] {
	const band = (min: number, max: number) => pick.int(min / 500, max / 500) * 500;
	if (level === "special_independent")
		return { placeFunding: 0, topUp: 0, fee: band(40_000, 75_000) };
	if (level === "special_non_maintained") {
		return { placeFunding: 0, topUp: 0, fee: band(35_000, 55_000) };
	}
	if (RESOURCED_LEVELS.includes(level)) {
		return { placeFunding: 6_000, topUp: band(6_000, 18_000), fee: 0 };
	}
	return { placeFunding: 10_000, topUp: band(12_000, 32_000), fee: 0 };
}

function ageRangeFor(pick: Picker, level: string): [number, number] {
	if (level === "special_post16") return [16, 25];
	const ranges: [number, number][] = RESOURCED_LEVELS.includes(level)
		? [
				[4, 11],
				[11, 16],
			]
		: [
				[4, 11],
				[4, 11],
				[11, 16],
				[11, 16],
				[11, 19],
				[16, 19],
			];
	return ranges[pick.int(0, ranges.length - 1)] as [number, number];
}

export function generateProvisions(pick: Picker, count: number): Provision[] {
	const provisions: Provision[] = [];
	let setting = 100_000;
	while (provisions.length < count) {
		const [borough, bLat, bLon] = pick.weighted(BOROUGH_WEIGHTS);
		const [lat, lon] = around(pick, bLat, bLon);
		const level = pick.weighted(LEVEL_WEIGHTS);
		const hosted = level.startsWith("special") ? 1 : pick.int(1, 2);
		setting++;
		for (let k = 0; k < hosted && provisions.length < count; k++) {
			const needs = new Set<string>([pick.weighted(DESIGNATION_WEIGHTS)]);
			if (level.startsWith("special")) {
				if (pick.next() < 0.2) {
					needs.add(pick.weighted(DESIGNATION_WEIGHTS));
				}
			}
			const [ageMin, ageMax] = ageRangeFor(pick, level);
			provisions.push({
				id: `P${String(provisions.length + 1).padStart(5, "0")}`,
				settingUrn: String(setting),
				borough,
				level,
				needTypes: [...needs].sort(),
				ageMin,
				ageMax,
				capacity: 0,
				lat,
				lon,
				cost: costFor(pick, level),
			});
		}
	}
	return provisions;
}

function levelsFor(pick: Picker, age: number): string[] {
	const r = pick.next();
	if (age >= 16 && r < 0.4) return ["special_post16", "special_independent"];
	if (r < 0.35) return [...RESOURCED_LEVELS];
	return [...SPECIAL_LEVELS];
}

export function generateChildren(pick: Picker, count: number): Child[] {
	const children: Child[] = [];
	for (let k = 0; k < count; k++) {
		const [borough, bLat, bLon] = pick.weighted(BOROUGH_WEIGHTS);
		const [lat, lon] = around(pick, bLat, bLon);
		const age = pick.int(4, 18);
		children.push({
			id: `C${String(k + 1).padStart(6, "0")}`,
			borough,
			primaryNeed: pick.weighted(NEED_WEIGHTS) as NeedType,
			age,
			levels: levelsFor(pick, age),
			lat,
			lon,
			referralOrder: k + 1,
		});
	}
	return children;
}

function suits(child: Child, p: Provision): boolean {
	return (
		p.needTypes.includes(child.primaryNeed) &&
		child.levels.includes(p.level) &&
		child.age >= p.ageMin &&
		child.age <= p.ageMax
	);
}

/**
 * Free places mirror demand: each place goes to a provision that could suit a randomly drawn
 * child (ignoring distance), except that ASD and SEMH draws are thinned to make them scarce.
 */
export function allocatePlaces(
	pick: Picker,
	children: Child[],
	provisions: Provision[],
	places: number,
): void {
	const byNeed = new Map<string, Provision[]>();
	for (const p of provisions) {
		for (const need of p.needTypes) byNeed.set(need, [...(byNeed.get(need) ?? []), p]);
	}
	for (let given = 0, tries = 0; given < places && tries < places * 20; tries++) {
		const child = children[pick.int(0, children.length - 1)] as Child;
		const scarce = child.primaryNeed === "ASD" || child.primaryNeed === "SEMH";
		if (scarce && pick.next() < 0.15) continue;
		const options = (byNeed.get(child.primaryNeed) ?? []).filter((p) => suits(child, p));
		if (options.length === 0) continue;
		(options[pick.int(0, options.length - 1)] as Provision).capacity++;
		given++;
	}
}

/** Up to three settings near home designated for the need, in the child's own borough. */
function addPreferences(pick: Picker, children: Child[], provisions: Provision[]): void {
	const local = new Map<string, string[]>();
	for (const p of provisions) {
		for (const need of p.needTypes) {
			const key = `${p.borough}/${need}`;
			local.set(key, [...(local.get(key) ?? []), p.settingUrn]);
		}
	}
	for (const child of children) {
		const urns = local.get(`${child.borough}/${child.primaryNeed}`) ?? [];
		const preferences: string[] = [];
		if (pick.next() < 0.6) {
			for (let r = pick.int(1, 3); r > 0 && urns.length > 0; r--) {
				const urn = urns[pick.int(0, urns.length - 1)] as string;
				if (!preferences.includes(urn)) preferences.push(urn);
			}
		}
		child.preferences = preferences;
	}
}

export function generateLondonLike(options: LondonLikeOptions): {
	children: Child[];
	provisions: Provision[];
} {
	const pick = createPicker(options.seed ?? 20250101);
	const provisions = generateProvisions(pick, options.provisions);
	const children = generateChildren(pick, options.children);
	allocatePlaces(
		pick,
		children,
		provisions,
		Math.round(options.children * (options.placesPerChild ?? 0.95)),
	);
	addPreferences(pick, children, provisions);
	return { children, provisions };
}

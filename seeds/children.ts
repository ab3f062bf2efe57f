// Demo children with EHC plans needing a specialist place, following the DfE 2025 figures:
// by borough (∝ plans in specialist placements), plan level, primary need and age.
import type { PlanLevel } from "../schema/codes.js";
import { NEED_CODES } from "../schema/codes.js";
import { drawPreferences, preferenceIndex } from "./children/preferences.js";
import {
	districtWeights,
	drawSecondaryNeeds,
	homeNear,
	yearGroupOfAge,
} from "./children/profile.js";
import { Rng } from "./prng.js";
import { placementKeysOf } from "./reference/placements.js";
import { ageWeights, clampAges, levelCount, needWeights } from "./scenario/mix.js";
import { ESTA_BOROUGHS } from "./scenario/units.js";
import { buildLondonScenario, DEFAULT_SEED } from "./scenario.js";
import type { Child, NeedCode, Scenario, SeedData } from "./types.js";

export const DEFAULT_CHILD_COUNT = 1000;
/** Share of a Kingston or Richmond resourced-provision plan that calls for an ESTA instead. */
export const ESTA_SHARE = 0.35;

/** Ages (at 31 August) a child of each plan level may have in the demo. */
const LEVEL_AGES: Record<PlanLevel, [number, number]> = {
	resourced_provision: [4, 15],
	sen_unit: [4, 15],
	esta: [4, 15],
	special_school: [2, 18],
	post16: [16, 25],
};
const LEVELS: PlanLevel[] = ["resourced_provision", "sen_unit", "esta", "special_school", "post16"];

interface Cell {
	laCode: string;
	level: PlanLevel;
	weight: number;
	n: number;
}

/** Plans per (borough, level); Kingston and Richmond split resourced provision with ESTA. */
function demandCells(data: SeedData): Cell[] {
	const cells: Cell[] = [];
	for (const d of data.demand)
		for (const level of LEVELS) {
			const hasEsta = (ESTA_BOROUGHS[d.laCode] ?? 0) > 0;
			let weight = levelCount(d, level);
			if (level === "esta") weight = hasEsta ? weight * ESTA_SHARE : 0;
			else if (level === "resourced_provision" && hasEsta) weight *= 1 - ESTA_SHARE;
			cells.push({ laCode: d.laCode, level, weight, n: 0 });
		}
	return cells;
}

/** Largest-remainder apportionment of `count` over the cells by weight. */
function apportion(cells: Cell[], count: number): void {
	const total = cells.reduce((s, c) => s + c.weight, 0);
	const exact = cells.map((c) => (count * c.weight) / total);
	cells.forEach((c, i) => {
		c.n = Math.floor(exact[i] ?? 0);
	});
	const order = cells
		.map((c, i) => ({ i, r: (exact[i] ?? 0) - c.n }))
		.sort((a, b) => b.r - a.r || a.i - b.i);
	let left = count - cells.reduce((s, c) => s + c.n, 0);
	for (const { i } of order) {
		if (left-- <= 0) break;
		const c = cells[i];
		if (c) c.n++;
	}
}

export function generateChildren(
	data: SeedData,
	options: { count?: number; seed?: number; scenario?: Scenario } = {},
): Child[] {
	const seed = options.seed ?? DEFAULT_SEED;
	const count = options.count ?? DEFAULT_CHILD_COUNT;
	const scenario = options.scenario ?? buildLondonScenario(data, { seed });
	const index = preferenceIndex(scenario, data.planLevels);
	const cells = demandCells(data);
	apportion(cells, count);
	const children: Child[] = [];
	for (const b of data.boroughs) {
		const rng = new Rng(seed, `children:${b.code}`);
		const homes = districtWeights(data, b.code);
		const mine: Omit<Child, "caseRef">[] = [];
		for (const cell of cells.filter((c) => c.laCode === b.code && c.n > 0)) {
			const keys = placementKeysOf(cell.level === "esta" ? "resourced_provision" : cell.level);
			const needs = needWeights(data, b.code, keys);
			const [lo, hi] = LEVEL_AGES[cell.level];
			const ages = clampAges(ageWeights(data, b.code, keys), lo, hi);
			for (let i = 0; i < cell.n; i++) {
				const primaryNeed = NEED_CODES[rng.weightedIndex(needs)] as NeedCode;
				const age = rng.weightedIndex(ages);
				const district = rng.weighted(homes.districts, homes.weights);
				const centre = data.postcodeDistricts.find((d) => d.district === district) ?? b.centroid;
				const home = homeNear(rng, centre);
				const limits = data.costDefaults.journeyLimits.value;
				const profile = { planLevel: cell.level, primaryNeed, age, home };
				mine.push({
					laCode: b.code,
					yearGroup: yearGroupOfAge(age),
					age,
					primaryNeed,
					secondaryNeeds: drawSecondaryNeeds(rng, primaryNeed),
					planLevel: cell.level,
					home,
					homeDistrict: district,
					maxJourneyMinutes:
						age <= limits.primaryMaxAge ? limits.primaryMinutes : limits.secondaryMinutes,
					preferences: drawPreferences(rng, index, profile),
					synthetic: true,
				});
			}
		}
		rng.shuffle(mine).forEach((c, i) => {
			children.push({ caseRef: `${b.code}-DEMO-${String(i + 1).padStart(5, "0")}`, ...c });
		});
	}
	return children;
}

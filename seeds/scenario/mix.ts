// Weights the demo draws from: the DfE 2025 figures of each borough, blended with London's.
import { NEED_CODES } from "../../schema/codes.js";
import { placementKeysOf } from "../reference/placements.js";
import type { BoroughDemand, NeedCode, PlanLevel, SeedData } from "../types.js";

/** Share of London's mix blended into a borough's, so that small or patchy boroughs still vary. */
export const LONDON_PRIOR = 0.15;

/** Plans in the given placements; boroughs with a data-quality caveat use 2023/24 counts. */
export function placementCount(d: BoroughDemand, keys: readonly string[]): number {
	const source = d.caveat ? d.byPlacementPrevious : d.byPlacement;
	return keys.reduce((s, k) => s + (source[k] ?? 0), 0);
}

export function levelCount(d: BoroughDemand, level: PlanLevel): number {
	return placementCount(d, placementKeysOf(level === "esta" ? "resourced_provision" : level));
}

function needTotals(demand: BoroughDemand[], keys: readonly string[]): number[] {
	return NEED_CODES.map((n) =>
		demand.reduce((s, d) => s + keys.reduce((t, k) => t + (d.placementByNeed[k]?.[n] ?? 0), 0), 0),
	);
}

function normalise(xs: number[]): number[] {
	const total = xs.reduce((s, x) => s + x, 0);
	return total > 0 ? xs.map((x) => x / total) : xs.map(() => 0);
}

function blend(own: number[], london: number[]): number[] {
	const o = normalise(own);
	const l = normalise(london);
	const ownTotal = own.reduce((s, x) => s + x, 0);
	const p = ownTotal > 0 ? LONDON_PRIOR : 1;
	return o.map((x, i) => (1 - p) * x + p * (l[i] ?? 0));
}

/** Weights over NEED_CODES for children or places of a borough in the given placements. */
export function needWeights(data: SeedData, laCode: string, keys: readonly string[]): number[] {
	const own = data.demand.filter((d) => d.laCode === laCode);
	return blend(needTotals(own, keys), needTotals(data.demand, keys));
}

/** Weights raised to a power > 1: designations concentrate on the common needs. */
export function sharpen(weights: readonly number[], power = 1.5): number[] {
	return weights.map((w) => w ** power);
}

/** Draw `n` distinct needs by weight (fewer if fewer have weight). */
export function drawNeeds(
	rng: { weightedIndex(w: readonly number[]): number },
	weights: readonly number[],
	n: number,
	first?: NeedCode,
): NeedCode[] {
	const w = [...weights];
	const out: NeedCode[] = [];
	if (first) {
		out.push(first);
		w[NEED_CODES.indexOf(first)] = 0;
	}
	while (out.length < n && w.some((x) => x > 0)) {
		const i = rng.weightedIndex(w);
		out.push(NEED_CODES[i] as NeedCode);
		w[i] = 0;
	}
	return out;
}

/** Plans by age (2–25) in the given placements: the borough's, else London's. */
export function ageWeights(data: SeedData, laCode: string, keys: readonly string[]): number[] {
	const sum = (ds: BoroughDemand[]) => {
		const w = new Array<number>(26).fill(0);
		for (const d of ds)
			for (const k of keys)
				for (const [age, n] of Object.entries(d.ageByPlacement[k] ?? {})) {
					const a = Number(age);
					if (a >= 0 && a <= 25) w[a] = (w[a] ?? 0) + n;
				}
		return w;
	};
	const own = sum(data.demand.filter((d) => d.laCode === laCode));
	return own.some((x) => x > 0) ? own : sum(data.demand);
}

/** Keep weights of ages in [lo, hi]; if none are left, every age in range weighs the same. */
export function clampAges(weights: readonly number[], lo: number, hi: number): number[] {
	const w = weights.map((x, a) => (a >= lo && a <= hi ? x : 0));
	return w.some((x) => x > 0) ? w : weights.map((_, a) => (a >= lo && a <= hi ? 1 : 0));
}

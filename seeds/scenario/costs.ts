import type { Rng } from "../prng.js";
import type { AnnualCost, CostDefaults, NeedCode, ProvisionLevel } from "../types.js";

const BANDS = ["A", "B", "C", "D", "E"];
/** Band weights by need: complex and sensory needs sit in the higher bands (illustrative). */
const HIGH: NeedCode[] = ["PMLD", "SLD", "MSI", "PD", "VI", "HI"];
const MIDDLE: NeedCode[] = ["ASD", "SEMH", "SLCN"];

function bandWeights(need: NeedCode | undefined): number[] {
	if (need && HIGH.includes(need)) return [0, 1, 3, 4, 2];
	if (need && MIDDLE.includes(need)) return [1, 3, 4, 2, 0.5];
	return [3, 4, 2, 1, 0];
}

/** Place funding + a top-up band drawn for the provision's first need, or an independent fee. */
export function drawAnnualCost(
	rng: Rng,
	costs: CostDefaults,
	level: ProvisionLevel,
	mainstream: boolean,
	firstNeed: NeedCode | undefined,
): { cost: AnnualCost; synthetic: string[] } {
	if (level === "special_independent") {
		const f = costs.independentFees.value;
		const fee = Math.round(rng.triangular(f.low, f.typical, f.high) / 100) * 100;
		return { cost: { placeFunding: 0, topUp: 0, fee }, synthetic: ["fee"] };
	}
	const table = mainstream ? costs.topUpBands.value.mainstream : costs.topUpBands.value.special;
	const band = BANDS[rng.weightedIndex(bandWeights(firstNeed))] ?? "C";
	return {
		cost: { placeFunding: costs.placeFunding.value[level], topUp: table[band] ?? 0, fee: 0 },
		synthetic: ["topUp"],
	};
}

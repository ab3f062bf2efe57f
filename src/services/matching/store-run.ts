import { eq } from "drizzle-orm";
import { matchingRuns, proposals } from "../../../schema/index.js";
import type { AllocationResult, GreedyResult } from "../../../solver/index.js";
import type { Executor } from "../../db/types.js";
import { tenthsOfMinute } from "../rounding.js";
import type { ProvisionInfo } from "./load-instance.js";
import { allocationHashOf } from "./run-hash.js";

/** What the optimum saves against the greedy baseline a panel would reach alone. */
export function comparedWithGreedy(result: AllocationResult, greedy: GreedyResult) {
	const g = greedy.summary;
	const o = result.summary;
	return {
		annualCost: g.annualCost,
		journeyMinutes: tenthsOfMinute(g.journeyMinutes),
		placed: g.placed,
		unplaced: g.unplaced,
		fallback: g.fallback,
		fallbackCost: g.fallbackCost,
		noPlacementFound: g.noPlacementFound,
		objective: g.objective,
		savings: {
			annualCost: g.annualCost - o.annualCost,
			journeyMinutesPerDay: tenthsOfMinute(2 * (g.journeyMinutes - o.journeyMinutes)),
			extraChildrenPlaced: o.placed - g.placed,
			note: "Greedy: children in referral order each take the nearest suitable provision with room, or else fall back to an independent-sector place. Annual cost counts every child's place, the fallbacks' included, so the money saving is real pounds a year. Journey minutes per day count both ways, for children placed in published supply. A negative money saving can come with more children placed or shorter journeys.",
		},
	};
}

/** Stores a finished run: figures, the greedy comparison, shadow prices, and a proposal per child. */
export async function storeRunResult(
	tx: Executor,
	runId: string,
	result: AllocationResult,
	greedy: GreedyResult,
	provisions: Map<string, ProvisionInfo>,
	solveMs: number,
	now: Date,
): Promise<void> {
	const shadowPrices = (result.duals?.provisions ?? [])
		.map((d) => {
			const p = provisions.get(d.provisionId) as ProvisionInfo;
			return {
				provisionId: Number(d.provisionId),
				urn: Number(p.settingUrn),
				code: p.code,
				settingName: p.settingName,
				borough: p.borough,
				level: p.level,
				needTypes: p.needTypes,
				capacity: d.capacity,
				used: d.used,
				gainPlusOne: d.shadowPrice,
				lossMinusOne: d.lossIfOneFewer,
				fallbackCost: d.fallbackCost,
				preferencesGained: d.preferencesGained,
			};
		})
		.sort((a, b) => b.gainPlusOne - a.gainPlusOne || a.provisionId - b.provisionId);
	const rows = [
		...result.placements.map((pl) => ({
			runId,
			childId: pl.childId,
			provisionId: Number(pl.provisionId),
			annualCost: pl.cost.placeFunding + pl.cost.topUp + pl.cost.fee + pl.cost.transport,
			journeyMinutes: pl.minutes,
			explanation: { placed: true, ...pl },
		})),
		...result.unplaced.map((u) => ({
			runId,
			childId: u.childId,
			provisionId: null,
			annualCost: null,
			journeyMinutes: null,
			explanation: { placed: false, ...u },
		})),
	];
	for (let i = 0; i < rows.length; i += 500)
		await tx.insert(proposals).values(rows.slice(i, i + 500));
	await tx
		.update(matchingRuns)
		.set({
			status: "done",
			progress: 100,
			engine: result.engine,
			method: result.method,
			objective: result.objective,
			lowerBound: result.lowerBound,
			gap: result.gap,
			figures: {
				criteria: result.criteria,
				optimal: result.optimal,
				relativeGap: result.relativeGap,
				...result.summary,
				solveMs,
				stats: result.stats,
				pruning: result.pruning,
				sideConstraints: result.sideConstraints,
				...(result.fairShares ?? {}),
				warnings: result.warnings,
			},
			greedy: comparedWithGreedy(result, greedy),
			allocationHash: await allocationHashOf(result),
			shadowPrices,
			finishedAt: now,
		})
		.where(eq(matchingRuns.id, runId));
}

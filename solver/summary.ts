import type { CandidateEdges } from "./candidates";
import type { Instance } from "./instance";
import type { AllocationSummary, CostBreakdown } from "./result-types";

/** Candidate edge per child (−1 when unplaced): the common currency of every engine. */
export type Assignment = Int32Array;

export function edgeBreakdown(edges: CandidateEdges, e: number): CostBreakdown {
	return {
		placeFunding: edges.placeFunding[e] as number,
		topUp: edges.topUp[e] as number,
		fee: edges.fee[e] as number,
		transport: edges.transport[e] as number,
		valueOfTime: edges.valueOfTime[e] as number,
		preferenceCredit: edges.preferenceCredit[e] as number,
		total: edges.total[e] as number,
	};
}

/** Public money of one edge: what the boroughs actually pay. */
export function edgeMoney(edges: CandidateEdges, e: number): number {
	return (
		(edges.placeFunding[e] as number) +
		(edges.topUp[e] as number) +
		(edges.fee[e] as number) +
		(edges.transport[e] as number)
	);
}

export function summarise(
	instance: Instance,
	edges: CandidateEdges,
	assignment: Assignment,
): AllocationSummary {
	const U = instance.params.cost.unplacedPenalty;
	const summary: AllocationSummary = {
		objective: 0,
		annualCost: 0,
		fallbackCost: 0,
		valueOfTime: 0,
		preferenceCredit: 0,
		journeyMinutes: 0,
		placed: 0,
		unplaced: 0,
		fallback: 0,
		noPlacementFound: 0,
		outOfBorough: 0,
		preferencesHonoured: instance.params.cost.preferenceCredit.map(() => 0),
	};
	let minutes = 0;
	assignment.forEach((e, i) => {
		if (e < 0) {
			summary.unplaced++;
			summary.noPlacementFound++;
			summary.objective += U;
			return;
		}
		summary.objective += edges.total[e] as number;
		summary.annualCost += edgeMoney(edges, e);
		summary.valueOfTime += edges.valueOfTime[e] as number;
		if ((edges.provision[e] as number) >= instance.published) {
			summary.unplaced++;
			summary.fallback++;
			summary.fallbackCost += edgeMoney(edges, e);
			return;
		}
		summary.placed++;
		summary.preferenceCredit += edges.preferenceCredit[e] as number;
		minutes += edges.minutes[e] as number;
		const child = instance.children[i];
		const provision = instance.provisions[edges.provision[e] as number];
		if (child && provision && child.borough !== provision.borough) summary.outOfBorough++;
		const rank = edges.preferenceRank[e] as number;
		if (rank > 0) {
			while (summary.preferencesHonoured.length < rank) summary.preferencesHonoured.push(0);
			summary.preferencesHonoured[rank - 1] = (summary.preferencesHonoured[rank - 1] as number) + 1;
		}
	});
	summary.journeyMinutes = Math.round(minutes * 100) / 100;
	return summary;
}

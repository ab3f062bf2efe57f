import type { CandidateEdges } from "./candidates";
import { marginalValues } from "./core/duals";
import { solveNetwork } from "./core/network";
import { buildCsr, type Csr } from "./core/problem";
import type { Instance } from "./instance";
import { applyLawfulPreferences, type LawfulModel } from "./lawful";

/** The round's edges to solve: with the lawful priorities when a preference policy is given. */
export function roundEdges(
	instance: Instance,
	priced: CandidateEdges,
): { edges: CandidateEdges; lawful: LawfulModel | null } {
	const policy = instance.params.lawfulPreferences;
	return policy
		? applyLawfulPreferences(instance, priced, policy, costOnlyAlternatives(instance, priced))
		: { edges: priced, lawful: null };
}

export function candidateCsr(instance: Instance, edges: CandidateEdges, warnings: string[]): Csr {
	const U = instance.params.cost.unplacedPenalty;
	let priced = 0;
	for (const total of edges.total) if (total >= U) priced++;
	if (priced > 0) {
		warnings.push(`${priced} feasible edges cost at least the unplaced penalty and are never used`);
	}
	return buildCsr({
		sourceCount: instance.children.length,
		capacities: instance.provisions.map((p) => p.capacity),
		edges: { source: edges.child, sink: edges.provision, cost: edges.total },
		unplacedCost: U,
	});
}

/**
 * Each child's best alternative (candidate edge, −1 for none) in the round solved on cost
 * alone: of its options that are not preferences, with a place, the one dearest to none at the
 * round's prices (its cost plus the smallest optimal price of the place, the child's own place
 * among them by complementary slackness). Prices, unlike an optimal allocation, are unique, so
 * the alternative does not depend on how ties between children fell.
 */
function costOnlyAlternatives(instance: Instance, edges: CandidateEdges): Int32Array {
	const cost = Float64Array.from(edges.total, (t, e) => t + (edges.preferenceCredit[e] as number));
	const csr = buildCsr({
		sourceCount: instance.children.length,
		capacities: instance.provisions.map((p) => p.capacity),
		edges: { source: edges.child, sink: edges.provision, cost },
		unplacedCost: instance.params.cost.unplacedPenalty,
	});
	const flow = solveNetwork(csr);
	const price = marginalValues(csr, flow, flow.potential).gain;
	const best = new Int32Array(instance.children.length).fill(-1);
	for (let i = 0; i < instance.children.length; i++) {
		let bestValue = Number.POSITIVE_INFINITY;
		for (let e = edges.childStart[i] as number; e < (edges.childStart[i + 1] as number); e++) {
			const j = edges.provision[e] as number;
			if ((edges.preferenceRank[e] as number) > 0 || instance.provisions[j]?.capacity === 0)
				continue;
			if ((cost[e] as number) >= instance.params.cost.unplacedPenalty) continue;
			const value = (cost[e] as number) + (price[j] as number);
			const a = best[i] as number;
			if (
				value < bestValue ||
				(value === bestValue &&
					((cost[e] as number) < (cost[a] as number) ||
						(cost[e] === cost[a] && j < (edges.provision[a] as number))))
			) {
				bestValue = value;
				best[i] = e;
			}
		}
	}
	return best;
}

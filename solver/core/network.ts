import type { Csr } from "./problem";
import { type FlowState, PENDING, Residual, UNPLACED } from "./residual";
import { augmentFrom, SearchSpace } from "./search";

export interface NetworkFlow extends FlowState {
	/** Potentials proving optimality (sources, then sinks; T at 0): see Residual. */
	potential: Float64Array;
	/** Sources routed by a shortest-path search after the warm start. */
	augmentations: number;
	/** Nodes settled over all searches: a measure of work, not of time. */
	settled: number;
}

/**
 * Min-cost flow for the transportation core, exact on integer costs.
 *
 * Warm start: with every sink priced at 0 and π(i) = −(cheapest cost of i), a source on one of
 * its cheapest edges leaves every residual arc with reduced cost ≥ 0, so "everyone takes a
 * cheapest place that still has room" is already an optimal partial flow. The sources left
 * over are then routed by successive shortest paths (see augmentFrom). Every step keeps all
 * reduced costs ≥ 0, so the final potentials certify optimality (see certify).
 */
export function solveNetwork(csr: Csr): NetworkFlow {
	const res = new Residual(csr);
	const pending = warmStart(res);
	const space = new SearchSpace(res);
	for (const s of pending) augmentFrom(space, s);
	return {
		assign: res.assign,
		assignAt: res.assignAt,
		load: res.load,
		potential: res.potential,
		augmentations: pending.length,
		settled: space.settledTotal,
	};
}

function warmStart(res: Residual): number[] {
	const { start, cost, sink } = res.csr;
	const pending: number[] = [];
	for (let i = 0; i < res.n; i++) {
		const first = start[i] as number;
		const end = start[i + 1] as number;
		if (first === end) {
			res.assign[i] = UNPLACED;
			res.potential[i] = -res.csr.unplacedCost;
			continue;
		}
		const cheapest = cost[first] as number;
		res.potential[i] = -cheapest;
		for (let at = first; at < end && cost[at] === cheapest; at++) {
			const j = sink[at] as number;
			if (res.hasRoom(j)) {
				res.place(i, j, at);
				break;
			}
		}
		if (res.assign[i] === PENDING) pending.push(i);
	}
	return pending;
}

import { groupSourcesBySink } from "./locality";
import type { Csr } from "./problem";
import { type FlowState, Residual } from "./residual";
import { augmentFrom } from "./search";
import { SearchSpace } from "./search-space";
import { warmStart } from "./warm-start";

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
 * The warm start (see warmStart) places most sources and prices the scarce sinks while
 * keeping every residual reduced cost ≥ 0, so it is an optimal partial flow. The sources left
 * over are then routed by successive shortest paths (see augmentFrom), fewest options first:
 * near the end the tight arcs form one large plateau that every search must cross, and the
 * sources with many options are the ones that find room soonest. Every step keeps all
 * reduced costs ≥ 0, so the final potentials certify optimality (see certify).
 */
export function solveNetwork(csr: Csr): NetworkFlow {
	const { csr: local, original } = groupSourcesBySink(csr);
	const flow = solveLocal(local);
	const n = csr.sourceCount;
	const assign = new Int32Array(n);
	const assignAt = new Int32Array(n);
	const potential = new Float64Array(flow.potential.length);
	potential.set(flow.potential.subarray(n), n);
	for (let k = 0; k < n; k++) {
		const i = original[k] as number;
		const at = flow.assignAt[k] as number;
		assign[i] = flow.assign[k] as number;
		assignAt[i] = at < 0 ? -1 : (csr.start[i] as number) + at - (local.start[k] as number);
		potential[i] = flow.potential[k] as number;
	}
	return { ...flow, assign, assignAt, potential };
}

function solveLocal(csr: Csr): NetworkFlow {
	const res = new Residual(csr);
	const pending = warmStart(res);
	const space = new SearchSpace(res);
	const degree = (i: number) => (csr.start[i + 1] as number) - (csr.start[i] as number);
	// Array.prototype.sort is stable: equal degrees keep source order.
	pending.sort((a, b) => degree(a) - degree(b));
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

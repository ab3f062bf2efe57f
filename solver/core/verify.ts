import type { Csr } from "./problem";
import type { FlowState } from "./residual";

/**
 * Complementary slackness, checked arc by arc: with potentials π (T at 0), a feasible flow is
 * optimal exactly when every arc of its residual network has reduced cost ≥ 0. Costs and
 * potentials are integers, so the check is exact.
 */
export interface OptimalityCertificate {
	feasible: boolean;
	optimal: boolean;
	arcsChecked: number;
	/** Smallest reduced cost seen (≥ 0 when optimal). */
	minReducedCost: number;
}

export function flowIsFeasible(csr: Csr, flow: FlowState): boolean {
	const load = new Int32Array(csr.sinkCount);
	for (let i = 0; i < csr.sourceCount; i++) {
		const j = flow.assign[i] as number;
		if (j < 0) continue;
		const at = flow.assignAt[i] as number;
		if (at < (csr.start[i] as number) || at >= (csr.start[i + 1] as number)) return false;
		if (csr.sink[at] !== j) return false;
		load[j] = (load[j] as number) + 1;
	}
	for (let j = 0; j < csr.sinkCount; j++) {
		if ((load[j] as number) > (csr.capacity[j] as number) || load[j] !== flow.load[j]) return false;
	}
	return true;
}

export function certify(csr: Csr, flow: FlowState, potential: Float64Array): OptimalityCertificate {
	const n = csr.sourceCount;
	const U = csr.unplacedCost;
	let min = Number.POSITIVE_INFINITY;
	let arcs = 0;
	const see = (reduced: number): void => {
		arcs++;
		if (reduced < min) min = reduced;
	};
	for (let i = 0; i < n; i++) {
		const pi = potential[i] as number;
		const current = flow.assign[i] as number;
		for (let at = csr.start[i] as number; at < (csr.start[i + 1] as number); at++) {
			const j = csr.sink[at] as number;
			const reduced = (csr.cost[at] as number) + pi - (potential[n + j] as number);
			see(j === current ? -reduced : reduced);
		}
		see(current >= 0 ? U + pi : -U - pi);
	}
	for (let j = 0; j < csr.sinkCount; j++) {
		const pj = potential[n + j] as number;
		if ((flow.load[j] as number) < (csr.capacity[j] as number)) see(pj);
		if ((flow.load[j] as number) > 0) see(-pj);
	}
	const feasible = flowIsFeasible(csr, flow);
	const minReducedCost = arcs === 0 ? 0 : min;
	return { feasible, optimal: feasible && minReducedCost >= 0, arcsChecked: arcs, minReducedCost };
}

export function flowObjective(csr: Csr, flow: FlowState): number {
	let total = 0;
	for (let i = 0; i < csr.sourceCount; i++) {
		const at = flow.assignAt[i] as number;
		total += at >= 0 ? (csr.cost[at] as number) : csr.unplacedCost;
	}
	return total;
}

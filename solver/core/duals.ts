import { IndexedHeap } from "./heap";
import { sourcesBySink } from "./potentials";
import type { Csr } from "./problem";
import type { FlowState } from "./residual";
import { transpose } from "./transpose";

/**
 * Exact one-sided marginal values of an optimal flow.
 *
 * Degeneracy: at a full provision the LP dual of its capacity row is not unique — any value
 * between the saving from one more place and the loss from one fewer is optimal, and an LP
 * code returns whichever its basis happens to give. So no raw dual is reported. Adding a place
 * at sink b adds an arc b→T of cost 0; the new optimum is the old one plus the cheapest
 * residual cycle through it, i.e. plus min(0, dist(T→b)). Removing a place from a full b
 * forces one unit round a cycle through T→b: plus dist(b→T). Both come from two Dijkstra runs
 * over the optimal residual network (reduced costs ≥ 0 under the certified potentials):
 *   gain(+1)_b = max(0, −dist(T→b))      loss(−1)_b = dist(b→T) when b is full, else 0.
 * The gains are the smallest optimal prices, so they form a valid dual solution themselves;
 * a child's dual is then u_i = −dist(T→i) = w(i, its place) + gain(its place), or U if
 * unplaced: what child i costs the system, counting the place it takes from others.
 */
export interface MarginalValues {
	/** Per sink: annual saving of one more place (≥ 0). */
	gain: Float64Array;
	/** Per sink: annual loss from one fewer place (≥ 0; 0 when it has room; NaN at capacity 0). */
	loss: Float64Array;
	/** Per source: u_i. */
	sourceDual: Float64Array;
}

export function marginalValues(csr: Csr, flow: FlowState, potential: Float64Array): MarginalValues {
	const n = csr.sourceCount;
	const p = csr.sinkCount;
	const fromT = distancesFromT(csr, flow, potential);
	const toT = distancesToT(csr, flow, potential);
	const gain = new Float64Array(p);
	const loss = new Float64Array(p);
	for (let j = 0; j < p; j++) {
		const d = fromT[n + j] as number;
		gain[j] = d < 0 ? -d : 0;
		const cap = csr.capacity[j] as number;
		loss[j] = cap === 0 ? Number.NaN : (flow.load[j] as number) < cap ? 0 : (toT[n + j] as number);
	}
	const sourceDual = new Float64Array(n);
	for (let i = 0; i < n; i++) sourceDual[i] = -(fromT[i] as number);
	return { gain, loss, sourceDual };
}

/** True distances dist(T→v), found on reduced costs and translated back (+π(v)). */
function distancesFromT(csr: Csr, flow: FlowState, pi: Float64Array): Float64Array {
	const n = csr.sourceCount;
	const nodes = n + csr.sinkCount;
	const dist = new Float64Array(nodes).fill(Number.POSITIVE_INFINITY);
	const done = new Uint8Array(nodes);
	const heap = new IndexedHeap(nodes, dist);
	const relax = (v: number, d: number): void => {
		if (done[v] === 1 || d >= (dist[v] as number)) return;
		dist[v] = d;
		heap.push(v);
	};
	for (let j = 0; j < csr.sinkCount; j++) {
		if ((flow.load[j] as number) > 0) relax(n + j, -(pi[n + j] as number));
	}
	for (let i = 0; i < n; i++) {
		if ((flow.assign[i] as number) < 0) relax(i, -csr.unplacedCost - (pi[i] as number));
	}
	const slots = sourcesBySink(csr, flow);
	while (heap.size > 0) {
		const v = heap.pop();
		done[v] = 1;
		const base = (dist[v] as number) + (pi[v] as number);
		if (v < n) {
			const current = flow.assign[v] as number;
			for (let at = csr.start[v] as number; at < (csr.start[v + 1] as number); at++) {
				const j = csr.sink[at] as number;
				if (j !== current) relax(n + j, base + (csr.cost[at] as number) - (pi[n + j] as number));
			}
		} else {
			for (const i of slots[v - n] ?? []) {
				const w = csr.cost[flow.assignAt[i] as number] as number;
				relax(i, base - w - (pi[i] as number));
			}
		}
	}
	for (let v = 0; v < nodes; v++) dist[v] = (dist[v] as number) + (pi[v] as number);
	return dist;
}

/** True distances dist(v→T): Dijkstra from T over reversed residual arcs, then −π(v). */
function distancesToT(csr: Csr, flow: FlowState, pi: Float64Array): Float64Array {
	const n = csr.sourceCount;
	const nodes = n + csr.sinkCount;
	const dist = new Float64Array(nodes).fill(Number.POSITIVE_INFINITY);
	const done = new Uint8Array(nodes);
	const heap = new IndexedHeap(nodes, dist);
	const relax = (v: number, d: number): void => {
		if (done[v] === 1 || d >= (dist[v] as number)) return;
		dist[v] = d;
		heap.push(v);
	};
	for (let i = 0; i < n; i++) {
		if ((flow.assign[i] as number) >= 0) relax(i, csr.unplacedCost + (pi[i] as number));
	}
	for (let j = 0; j < csr.sinkCount; j++) {
		if ((flow.load[j] as number) < (csr.capacity[j] as number)) relax(n + j, pi[n + j] as number);
	}
	const t = transpose(csr);
	while (heap.size > 0) {
		const v = heap.pop();
		done[v] = 1;
		const dv = dist[v] as number;
		if (v < n) {
			const j = flow.assign[v] as number;
			if (j < 0) continue;
			const w = csr.cost[flow.assignAt[v] as number] as number;
			relax(n + j, dv - w + (pi[n + j] as number) - (pi[v] as number));
			continue;
		}
		const j = v - n;
		const pj = pi[v] as number;
		for (let k = t.tStart[j] as number; k < (t.tStart[j + 1] as number); k++) {
			const i = t.tSource[k] as number;
			if (flow.assign[i] === j) continue;
			relax(i, dv + (csr.cost[t.tAt[k] as number] as number) + (pi[i] as number) - pj);
		}
	}
	for (let v = 0; v < nodes; v++) dist[v] = (dist[v] as number) - (pi[v] as number);
	return dist;
}

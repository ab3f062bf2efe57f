import type { Csr } from "./problem";
import type { FlowState } from "./residual";

/**
 * Shortest distances from T over the residual network of `flow`, by label correcting
 * (Bellman–Ford with a FIFO queue), for flows that came without potentials (the LP engine).
 * They are valid potentials — every residual arc gets reduced cost ≥ 0 — exactly when the
 * flow is optimal; a negative cycle (the flow is not optimal) returns null.
 */
export function potentialsFromFlow(csr: Csr, flow: FlowState): Float64Array | null {
	const n = csr.sourceCount;
	const p = csr.sinkCount;
	const nodes = n + p;
	const dist = new Float64Array(nodes).fill(Number.POSITIVE_INFINITY);
	const inQueue = new Uint8Array(nodes);
	const passes = new Int32Array(nodes);
	const queue: number[] = [];
	let head = 0;
	const relax = (v: number, d: number): boolean => {
		if (d >= (dist[v] as number)) return true;
		dist[v] = d;
		if (inQueue[v] === 0) {
			passes[v] = (passes[v] as number) + 1;
			if ((passes[v] as number) > nodes) return false;
			inQueue[v] = 1;
			queue.push(v);
		}
		return true;
	};
	for (let j = 0; j < p; j++) if ((flow.load[j] as number) > 0) relax(n + j, 0);
	for (let i = 0; i < n; i++) if ((flow.assign[i] as number) < 0) relax(i, -csr.unplacedCost);
	const slots = sourcesBySink(csr, flow);
	while (head < queue.length) {
		const v = queue[head++] as number;
		inQueue[v] = 0;
		const dv = dist[v] as number;
		if (v < n) {
			const current = flow.assign[v] as number;
			for (let at = csr.start[v] as number; at < (csr.start[v + 1] as number); at++) {
				const j = csr.sink[at] as number;
				if (j !== current && !relax(n + j, dv + (csr.cost[at] as number))) return null;
			}
		} else {
			for (const i of slots[v - n] ?? []) {
				const w = csr.cost[flow.assignAt[i] as number] as number;
				if (!relax(i, dv - w)) return null;
			}
		}
		if (head > 1 << 20) {
			queue.splice(0, head);
			head = 0;
		}
	}
	for (let v = 0; v < nodes; v++) if (dist[v] === Number.POSITIVE_INFINITY) dist[v] = 0;
	return dist;
}

export function sourcesBySink(csr: Csr, flow: FlowState): number[][] {
	const lists: number[][] = Array.from({ length: csr.sinkCount }, () => []);
	for (let i = 0; i < csr.sourceCount; i++) {
		const j = flow.assign[i] as number;
		if (j >= 0) lists[j]?.push(i);
	}
	return lists;
}

import type { Csr } from "./problem";

/**
 * The same edges under new integer costs (one per position of `base`), regrouped cheapest
 * first per source; edges costing at least `unplacedCost` are dropped. `edge` still points at
 * the caller's original edge index.
 */
export function reweightCsr(base: Csr, cost: Float64Array, unplacedCost: number): Csr {
	const m = base.sink.length;
	const out: Csr = {
		...base,
		unplacedCost,
		start: new Int32Array(base.sourceCount + 1),
		sink: new Int32Array(m),
		cost: new Float64Array(m),
		edge: new Int32Array(m),
	};
	const segment: number[] = [];
	let w = 0;
	for (let i = 0; i < base.sourceCount; i++) {
		out.start[i] = w;
		segment.length = 0;
		for (let at = base.start[i] as number; at < (base.start[i + 1] as number); at++) {
			if ((cost[at] as number) < unplacedCost) segment.push(at);
		}
		segment.sort(
			(a, b) =>
				(cost[a] as number) - (cost[b] as number) ||
				(base.sink[a] as number) - (base.sink[b] as number),
		);
		for (const at of segment) {
			out.sink[w] = base.sink[at] as number;
			out.cost[w] = cost[at] as number;
			out.edge[w] = base.edge[at] as number;
			w++;
		}
	}
	out.start[base.sourceCount] = w;
	return {
		...out,
		sink: out.sink.subarray(0, w),
		cost: out.cost.subarray(0, w),
		edge: out.edge.subarray(0, w),
	};
}

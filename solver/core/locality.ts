import type { Csr } from "./problem";

/** A copy of a CSR with its sources renumbered; `original[k]` is local source k's number. */
export interface RenumberedCsr {
	csr: Csr;
	original: Int32Array;
}

/**
 * Renumbers the sources so that those whose cheapest edge goes to the same sink sit side by
 * side (a counting sort by that sink; ties keep their order, so the result is deterministic).
 * A search settles a sink and then scans the sources placed there one after another: laid
 * out together, their potentials and edge lists share cache lines instead of each costing a
 * trip to memory. Sinks and each source's own edge order are unchanged.
 */
export function groupSourcesBySink(csr: Csr): RenumberedCsr {
	const { sourceCount: n, sinkCount: p, start } = csr;
	const keyOf = (i: number) =>
		(start[i] as number) < (start[i + 1] as number) ? (csr.sink[start[i] as number] as number) : p;
	const bucket = new Int32Array(p + 2);
	for (let i = 0; i < n; i++) bucket[keyOf(i) + 1] = (bucket[keyOf(i) + 1] as number) + 1;
	for (let k = 0; k <= p; k++) bucket[k + 1] = (bucket[k + 1] as number) + (bucket[k] as number);
	const original = new Int32Array(n);
	for (let i = 0; i < n; i++) {
		const key = keyOf(i);
		original[bucket[key] as number] = i;
		bucket[key] = (bucket[key] as number) + 1;
	}
	const m = csr.sink.length;
	const local: Csr = {
		...csr,
		start: new Int32Array(n + 1),
		sink: new Int32Array(m),
		cost: new Float64Array(m),
		edge: new Int32Array(m),
	};
	let at = 0;
	for (let k = 0; k < n; k++) {
		const i = original[k] as number;
		const from = start[i] as number;
		const end = start[i + 1] as number;
		local.sink.set(csr.sink.subarray(from, end), at);
		local.cost.set(csr.cost.subarray(from, end), at);
		local.edge.set(csr.edge.subarray(from, end), at);
		at += end - from;
		local.start[k + 1] = at;
	}
	return { csr: local, original };
}

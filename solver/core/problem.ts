/**
 * The transportation core: `sourceCount` sources (children) with one unit each, sinks
 * (provisions) with integer capacities, integer edge costs, and a cost `unplacedCost` for a
 * source left unassigned. Geography-free, so OR-Library matrices can be fed straight in.
 */
export interface TransportEdge {
	source: number;
	sink: number;
	cost: number;
}

export interface TransportEdgeArrays {
	source: Int32Array;
	sink: Int32Array;
	cost: Float64Array;
}

export interface TransportInput {
	sourceCount: number;
	capacities: ArrayLike<number>;
	edges: TransportEdge[] | TransportEdgeArrays;
	unplacedCost: number;
}

/** Edges grouped by source (CSR), cheapest first; `edge` maps back to the input index. */
export interface Csr {
	sourceCount: number;
	sinkCount: number;
	capacity: Int32Array;
	unplacedCost: number;
	start: Int32Array;
	sink: Int32Array;
	cost: Float64Array;
	edge: Int32Array;
}

function toArrays(edges: TransportInput["edges"]): TransportEdgeArrays {
	if (!Array.isArray(edges)) return edges;
	const m = edges.length;
	const out = { source: new Int32Array(m), sink: new Int32Array(m), cost: new Float64Array(m) };
	edges.forEach((e, k) => {
		out.source[k] = e.source;
		out.sink[k] = e.sink;
		out.cost[k] = e.cost;
	});
	return out;
}

/**
 * Validates and packs the input. Edges costing at least `unplacedCost` are dropped (leaving
 * the source unassigned is never worse); of parallel edges only the cheapest is kept.
 */
export function buildCsr(input: TransportInput): Csr {
	const { sourceCount: n, unplacedCost } = input;
	const p = input.capacities.length;
	const capacity = Int32Array.from(input.capacities, (c) => {
		if (!Number.isInteger(c) || c < 0) throw new Error("capacities must be integers ≥ 0");
		return c;
	});
	if (!Number.isSafeInteger(unplacedCost)) throw new Error("unplacedCost must be an integer");
	const arrays = toArrays(input.edges);
	const order: number[] = [];
	for (let k = 0; k < arrays.cost.length; k++) {
		const s = arrays.source[k] as number;
		const t = arrays.sink[k] as number;
		const c = arrays.cost[k] as number;
		if (!(s >= 0 && s < n && t >= 0 && t < p)) throw new Error(`edge ${k} out of range`);
		if (!Number.isSafeInteger(c)) throw new Error(`edge ${k}: cost must be an integer`);
		if (c < unplacedCost) order.push(k);
	}
	const kept = isPacked(arrays, order, p) ? order : sortAndDedupe(arrays, order);
	const m = kept.length;
	const csr: Csr = {
		sourceCount: n,
		sinkCount: p,
		capacity,
		unplacedCost,
		start: new Int32Array(n + 1),
		sink: new Int32Array(m),
		cost: new Float64Array(m),
		edge: new Int32Array(m),
	};
	kept.forEach((k, at) => {
		csr.sink[at] = arrays.sink[k] as number;
		csr.cost[at] = arrays.cost[k] as number;
		csr.edge[at] = k;
		const next = (arrays.source[k] as number) + 1;
		csr.start[next] = (csr.start[next] as number) + 1;
	});
	for (let i = 0; i < n; i++)
		csr.start[i + 1] = (csr.start[i + 1] as number) + (csr.start[i] as number);
	return csr;
}

/** True when edges already come grouped by source, cheapest first, with no parallel edges. */
function isPacked(arrays: TransportEdgeArrays, order: number[], sinkCount: number): boolean {
	const seen = new Int32Array(sinkCount).fill(-1);
	for (let at = 0; at < order.length; at++) {
		const k = order[at] as number;
		const s = arrays.source[k] as number;
		const t = arrays.sink[k] as number;
		if (seen[t] === s) return false;
		seen[t] = s;
		if (at === 0) continue;
		const prev = order[at - 1] as number;
		const ps = arrays.source[prev] as number;
		if (ps > s) return false;
		if (ps < s) continue;
		const dc = (arrays.cost[prev] as number) - (arrays.cost[k] as number);
		if (dc > 0 || (dc === 0 && (arrays.sink[prev] as number) > t)) return false;
	}
	return true;
}

function sortAndDedupe(arrays: TransportEdgeArrays, order: number[]): number[] {
	const { source, sink, cost } = arrays;
	const bySink = [...order].sort(
		(a, b) =>
			(source[a] as number) - (source[b] as number) ||
			(sink[a] as number) - (sink[b] as number) ||
			(cost[a] as number) - (cost[b] as number) ||
			a - b,
	);
	const kept = bySink.filter((k, at) => {
		const prev = bySink[at - 1];
		return prev === undefined || source[prev] !== source[k] || sink[prev] !== sink[k];
	});
	return kept.sort(
		(a, b) =>
			(source[a] as number) - (source[b] as number) ||
			(cost[a] as number) - (cost[b] as number) ||
			(sink[a] as number) - (sink[b] as number),
	);
}

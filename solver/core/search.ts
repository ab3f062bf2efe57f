import { IndexedHeap } from "./heap";
import type { Residual } from "./residual";

/** Scratch arrays shared by every shortest-path search on one residual network. */
export class SearchSpace {
	readonly dist: Float64Array;
	/** A label is valid only when its stamp equals the current epoch: no O(n) resets. */
	readonly stamp: Int32Array;
	readonly predSource: Int32Array;
	readonly predAt: Int32Array;
	readonly settled: Int32Array;
	readonly moves: Int32Array;
	/**
	 * Each source's edges (CSR positions) in ascending order of a stale value w − π(sink):
	 * sink potentials only decrease, so a stale value is a lower bound on the current one and
	 * a scan can stop at the first edge whose bound already reaches the best route to T.
	 */
	readonly order: Int32Array;
	readonly staleValue: Float64Array;
	readonly heap: IndexedHeap;
	epoch = 0;
	settledTotal = 0;

	constructor(readonly residual: Residual) {
		const nodes = residual.n + residual.p;
		this.dist = new Float64Array(nodes);
		this.stamp = new Int32Array(nodes);
		this.predSource = new Int32Array(residual.p);
		this.predAt = new Int32Array(residual.p);
		this.settled = new Int32Array(nodes);
		this.moves = new Int32Array(3 * (residual.n + 1));
		this.order = Int32Array.from(residual.csr.sink, (_, at) => at);
		this.staleValue = Float64Array.from(residual.csr.cost);
		this.heap = new IndexedHeap(nodes, this.dist);
	}
}

/**
 * Routes pending source s along a shortest residual path to T (Dijkstra on reduced costs).
 * A source has a single incoming residual arc (from its sink), so its label is final when
 * that sink settles: sources are scanned at once and only sinks enter the heap. The search
 * stops when no heap label can beat the best route to T found so far (D); potentials then
 * move only on nodes settled below D (π += d − D), which keeps every reduced cost ≥ 0 and
 * makes each search cost only the region it explored. Sink potentials only ever decrease.
 */
export function augmentFrom(space: SearchSpace, s: number): void {
	const res = space.residual;
	const { n, assign, assignAt, load, potential, slots, slotStart } = res;
	const { start, sink, cost, capacity } = res.csr;
	const U = res.csr.unplacedCost;
	const { dist, stamp, predSource, predAt, settled, heap, order, staleValue } = space;
	const epoch = ++space.epoch;
	let bestT = U + (potential[s] as number);
	let predT = s;
	let settledCount = 0;

	const scanSource = (v: number, dv: number): void => {
		stamp[v] = epoch;
		dist[v] = dv;
		settled[settledCount++] = v;
		const base = dv + (potential[v] as number);
		const current = assign[v] as number;
		const from = start[v] as number;
		const end = start[v + 1] as number;
		let wasted = 0;
		for (let q = from; q < end; q++) {
			if (base + (staleValue[q] as number) >= bestT) break;
			const at = order[q] as number;
			const j = sink[at] as number;
			if (j === current) continue;
			const node = n + j;
			const nd = base + (cost[at] as number) - (potential[node] as number);
			if (nd >= bestT) {
				wasted++;
				continue;
			}
			if (stamp[node] === epoch && nd >= (dist[node] as number)) continue;
			dist[node] = nd;
			stamp[node] = epoch;
			predSource[j] = v;
			predAt[j] = at;
			heap.push(node);
			if ((load[j] as number) < (capacity[j] as number)) {
				const viaRoom = nd + (potential[node] as number);
				if (viaRoom < bestT) {
					bestT = viaRoom;
					predT = node;
				}
			}
		}
		if (wasted >= WASTE_LIMIT) refresh(space, from, end);
		if (v !== s && base + U < bestT) {
			bestT = base + U;
			predT = v;
		}
	};

	scanSource(s, 0);
	while (heap.size > 0) {
		const node = heap.peek();
		const dj = dist[node] as number;
		if (dj >= bestT) break;
		heap.pop();
		settled[settledCount++] = node;
		const j = node - n;
		const base = dj + (potential[node] as number);
		const end = (slotStart[j] as number) + (load[j] as number);
		for (let k = slotStart[j] as number; k < end; k++) {
			const i = slots[k] as number;
			const di = base - (cost[assignAt[i] as number] as number) - (potential[i] as number);
			if (di < bestT) scanSource(i, di);
		}
	}
	heap.clear();
	space.settledTotal += settledCount;
	for (let k = 0; k < settledCount; k++) {
		const v = settled[k] as number;
		const dv = dist[v] as number;
		if (dv < bestT) potential[v] = (potential[v] as number) + dv - bestT;
	}
	res.applyMoves(space.moves, tracePath(space, s, predT));
}

/** Writes the path ending at predT as (source, new sink or −1, CSR position) triples. */
function tracePath(space: SearchSpace, s: number, predT: number): number {
	const { n, assign } = space.residual;
	const { moves, predSource, predAt } = space;
	let count = 0;
	let target: number;
	let v: number;
	if (predT < n) {
		moves[count++] = predT;
		moves[count++] = -1;
		moves[count++] = -1;
		target = assign[predT] as number;
		v = predT === s ? -1 : (predSource[target] as number);
	} else {
		target = predT - n;
		v = predSource[target] as number;
	}
	while (v >= 0) {
		moves[count++] = v;
		moves[count++] = target;
		moves[count++] = predAt[target] as number;
		if (v === s) break;
		target = assign[v] as number;
		v = predSource[target] as number;
	}
	return count;
}

/** A source whose scan passed this many useless edges gets its edge order refreshed. */
const WASTE_LIMIT = 4;

/** Re-reads the stale values of one source's edges and sorts them (insertion sort). */
function refresh(space: SearchSpace, from: number, end: number): void {
	const { order, staleValue } = space;
	const { n, potential } = space.residual;
	const { cost, sink } = space.residual.csr;
	for (let q = from; q < end; q++) {
		const at = order[q] as number;
		staleValue[q] = (cost[at] as number) - (potential[n + (sink[at] as number)] as number);
	}
	resort(order, staleValue, from, end);
}

/** Insertion sort of order[from..end) by staleValue (nearly sorted: a few values rose). */
function resort(order: Int32Array, value: Float64Array, from: number, end: number): void {
	for (let q = from + 1; q < end; q++) {
		const v = value[q] as number;
		const at = order[q] as number;
		let k = q - 1;
		while (k >= from && (value[k] as number) > v) {
			value[k + 1] = value[k] as number;
			order[k + 1] = order[k] as number;
			k--;
		}
		value[k + 1] = v;
		order[k + 1] = at;
	}
}

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
	/** Depth-first search stack and per-node cursor (admissible routing). */
	readonly stack: Int32Array;
	readonly cursor: Int32Array;
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
		this.stack = new Int32Array(nodes);
		this.cursor = new Int32Array(nodes);
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
	const { dist, stamp, predSource, predAt, settled, heap } = space;
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
		const end = start[v + 1] as number;
		for (let at = start[v] as number; at < end; at++) {
			// Sink potentials are ≤ 0, so base + cost bounds every later label from below.
			const reach = base + (cost[at] as number);
			if (reach >= bestT) break;
			const j = sink[at] as number;
			if (j === current) continue;
			const node = n + j;
			const nd = reach - (potential[node] as number);
			if (nd >= bestT || (stamp[node] === epoch && nd >= (dist[node] as number))) continue;
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

import { refresh, type SearchSpace, syncSlots, WASTE_LIMIT } from "./search-space";

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
	const { n, assign, load, potential, slots, slotStart, slotPos } = res;
	const { start, capacity } = res.csr;
	const U = res.csr.unplacedCost;
	const { dist, stamp, predSource, predAt, settled, heap, order, staleValue, slotKey } = space;
	const { edgeCost, edgeSink } = space;
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
			const j = edgeSink[q] as number;
			if (j === current) continue;
			const node = n + j;
			const nd = base + (edgeCost[q] as number) - (potential[node] as number);
			if (nd >= bestT) {
				wasted++;
				continue;
			}
			if (stamp[node] === epoch && nd >= (dist[node] as number)) continue;
			dist[node] = nd;
			stamp[node] = epoch;
			predSource[j] = v;
			predAt[j] = order[q] as number;
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
			const di = base - (slotKey[k] as number);
			if (di < bestT) scanSource(slots[k] as number, di);
		}
	}
	heap.clear();
	space.settledTotal += settledCount;
	for (let k = 0; k < settledCount; k++) {
		const v = settled[k] as number;
		const dv = dist[v] as number;
		if (dv >= bestT) continue;
		potential[v] = (potential[v] as number) + dv - bestT;
		const slot = v < n ? (slotPos[v] as number) : -1;
		if (slot >= 0) slotKey[slot] = (slotKey[slot] as number) + dv - bestT;
	}
	const count = tracePath(space, s, predT);
	res.applyMoves(space.moves, count);
	for (let k = 1; k < count; k += 3)
		if ((space.moves[k] as number) >= 0) syncSlots(space, space.moves[k] as number);
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

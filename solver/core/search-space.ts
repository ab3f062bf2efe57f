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
	/** Cost and sink of the edge at each position of `order`, so a scan reads in order. */
	readonly edgeCost: Float64Array;
	readonly edgeSink: Int32Array;
	/**
	 * Per slot (see Residual.slots), w + π of the source in it: a sink's scan then reads two
	 * arrays in order instead of chasing each source's edge and potential.
	 */
	readonly slotKey: Float64Array;
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
		this.order = new Int32Array(residual.csr.sink.length);
		for (let at = 0; at < this.order.length; at++) this.order[at] = at;
		this.staleValue = Float64Array.from(residual.csr.cost);
		this.edgeCost = Float64Array.from(residual.csr.cost);
		this.edgeSink = Int32Array.from(residual.csr.sink);
		this.slotKey = new Float64Array(residual.slots.length);
		for (let j = 0; j < residual.p; j++) syncSlots(this, j);
		this.heap = new IndexedHeap(nodes, this.dist);
	}
}

/** Recomputes the slot keys of sink j (after its sources moved). */
export function syncSlots(space: SearchSpace, j: number): void {
	const { slots, slotStart, load, assignAt, potential } = space.residual;
	const cost = space.residual.csr.cost;
	const end = (slotStart[j] as number) + (load[j] as number);
	for (let k = slotStart[j] as number; k < end; k++) {
		const i = slots[k] as number;
		space.slotKey[k] = (cost[assignAt[i] as number] as number) + (potential[i] as number);
	}
}

/** A source whose scan passed this many useless edges gets its edge order refreshed. */
export const WASTE_LIMIT = 4;

/** Re-reads the stale values of one source's edges and sorts them (insertion sort). */
export function refresh(space: SearchSpace, from: number, end: number): void {
	const { order, staleValue, edgeCost, edgeSink } = space;
	const { n, potential } = space.residual;
	for (let q = from; q < end; q++) {
		staleValue[q] = (edgeCost[q] as number) - (potential[n + (edgeSink[q] as number)] as number);
	}
	// Nearly sorted (a few values rose): insertion sort, moving the edge's fields along.
	for (let q = from + 1; q < end; q++) {
		const v = staleValue[q] as number;
		const at = order[q] as number;
		const c = edgeCost[q] as number;
		const j = edgeSink[q] as number;
		let k = q - 1;
		while (k >= from && (staleValue[k] as number) > v) {
			staleValue[k + 1] = staleValue[k] as number;
			order[k + 1] = order[k] as number;
			edgeCost[k + 1] = edgeCost[k] as number;
			edgeSink[k + 1] = edgeSink[k] as number;
			k--;
		}
		staleValue[k + 1] = v;
		order[k + 1] = at;
		edgeCost[k + 1] = c;
		edgeSink[k + 1] = j;
	}
}

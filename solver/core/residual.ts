import type { Csr } from "./problem";

export const UNPLACED = -1;
export const PENDING = -2;

/** An integral flow: where each source went, through which CSR position, and sink loads. */
export interface FlowState {
	/** Sink per source, UNPLACED (−1) when left unassigned. */
	assign: Int32Array;
	/** CSR position of the assigned edge, −1 when unassigned. */
	assignAt: Int32Array;
	load: Int32Array;
}

/**
 * The residual network of a partial flow, with node potentials π (sources 0..n−1, sinks
 * n..n+p−1, the super-sink T fixed at 0). Residual arcs: i→j for an edge not in use
 * (cost w), j→i for the edge in use (−w), i→T for a source that is placed or pending (U),
 * T→i for an unplaced one (−U), j→T while j has room (0), T→j while j has a source (0).
 * The engines keep every residual arc's reduced cost c + π(u) − π(v) ≥ 0.
 */
export class Residual implements FlowState {
	readonly n: number;
	readonly p: number;
	readonly assign: Int32Array;
	readonly assignAt: Int32Array;
	readonly load: Int32Array;
	readonly potential: Float64Array;
	/** Sources at sink j are slots[slotStart[j] .. slotStart[j] + load[j]). */
	readonly slotStart: Int32Array;
	readonly slots: Int32Array;
	/** Slot index of each placed source, −1 otherwise. */
	readonly slotPos: Int32Array;

	constructor(readonly csr: Csr) {
		const n = csr.sourceCount;
		const p = csr.sinkCount;
		this.n = n;
		this.p = p;
		this.assign = new Int32Array(n).fill(PENDING);
		this.assignAt = new Int32Array(n).fill(-1);
		this.load = new Int32Array(p);
		this.potential = new Float64Array(n + p);
		const inDegree = new Int32Array(p);
		for (const j of csr.sink) inDegree[j] = (inDegree[j] as number) + 1;
		this.slotStart = new Int32Array(p + 1);
		for (let j = 0; j < p; j++) {
			this.slotStart[j + 1] =
				(this.slotStart[j] as number) + Math.min(csr.capacity[j] as number, inDegree[j] as number);
		}
		this.slots = new Int32Array(this.slotStart[p] as number);
		this.slotPos = new Int32Array(n).fill(-1);
	}

	hasRoom(j: number): boolean {
		return (this.load[j] as number) < (this.csr.capacity[j] as number);
	}

	place(i: number, j: number, at: number): void {
		const k = (this.slotStart[j] as number) + (this.load[j] as number);
		this.load[j] = (this.load[j] as number) + 1;
		this.slots[k] = i;
		this.slotPos[i] = k;
		this.assign[i] = j;
		this.assignAt[i] = at;
	}

	/** Takes source i off its sink (if any) and marks it unplaced. */
	release(i: number): void {
		const j = this.assign[i] as number;
		if (j >= 0) {
			this.load[j] = (this.load[j] as number) - 1;
			const last = (this.slotStart[j] as number) + (this.load[j] as number);
			const moved = this.slots[last] as number;
			const k = this.slotPos[i] as number;
			this.slots[k] = moved;
			this.slotPos[moved] = k;
			this.slotPos[i] = -1;
		}
		this.assign[i] = UNPLACED;
		this.assignAt[i] = -1;
	}

	/**
	 * Applies an augmenting path given as (source, new sink or −1, CSR position) triples:
	 * all sources leave their old sinks first, so no slot range overflows midway.
	 */
	applyMoves(moves: Int32Array, count: number): void {
		for (let k = 0; k < count; k += 3) this.release(moves[k] as number);
		for (let k = 0; k < count; k += 3) {
			const j = moves[k + 1] as number;
			if (j >= 0) this.place(moves[k] as number, j, moves[k + 2] as number);
		}
	}
}

import type { Csr } from "../problem";
import { flowObjective } from "../verify";
import { costFitsWarm, setArcCapacity, setArcCost } from "./changes";
import { NetworkSimplex } from "./network-simplex";
import { type SimplexFlow, transportFlow, transportNetwork } from "./transport-simplex";

/**
 * A transportation core solved once by the simplex and then re-solved warm, from its optimal
 * basis, after small changes: a provision's capacity, an edge's cost, a child's options taken
 * away. It owns a copy of the CSR that follows the changes, so the flow it answers can be
 * certified and priced (certify, marginalValues) against the changed problem. Edge costs
 * changed here no longer come cheapest first in the copy, which only the network engine's
 * warm start relies on. A cost too large for the basis's artificial arcs (possible on a small
 * network, whose artificial price follows its own small costs) makes the next re-solve a cold one
 * on the changed copy: still exact, only slower.
 *
 * Children come and go too: a child made absent (at the start, `absent`, or later by
 * removeChild) keeps its node but has every option priced above leaving it unplaced, so it
 * takes no place and the others' problem is exactly the one without it; the objective leaves
 * its unplaced cost out. addChild gives it its own edge costs back. A child known to be coming
 * (a what-if's new referrals, say) is therefore added warm by starting it absent.
 */
export class WarmTransport {
	readonly csr: Csr;
	private simplex: NetworkSimplex;
	/** True when a change did not fit the basis: the next re-solve starts afresh. */
	private stale = false;
	/** Pivots of cold solves (the first, and any afresh). */
	private coldPivotCount = 0;
	private pivotsBeforeThisSimplex = 0;
	/** Re-solves so far. */
	resolves = 0;
	/** Edge costs as given or last set, also for absent children's edges. */
	private readonly ownCost: Float64Array;
	private readonly absent: Uint8Array;
	private absentTotal = 0;

	constructor(csr: Csr, options: { absent?: Iterable<number> } = {}) {
		this.csr = { ...csr, capacity: csr.capacity.slice(), cost: csr.cost.slice() };
		this.ownCost = csr.cost.slice();
		this.absent = new Uint8Array(csr.sourceCount);
		for (const i of options.absent ?? []) {
			this.checkSource(i);
			if (this.absent[i]) continue;
			this.absent[i] = 1;
			this.absentTotal++;
			this.priceOut(i, (at, cost) => {
				this.csr.cost[at] = cost;
			});
		}
		this.simplex = this.solveCold();
	}

	/** Children absent now. */
	get absentCount(): number {
		return this.absentTotal;
	}

	isPresent(i: number): boolean {
		this.checkSource(i);
		return this.absent[i] === 0;
	}

	/** Takes child i out of the round (warm); it shows as unplaced and costs nothing. */
	removeChild(i: number): void {
		if (!this.isPresent(i)) throw new Error(`child ${i} is already absent`);
		this.priceOut(i, (at, cost) => this.applyCost(at, cost));
		this.absent[i] = 1;
		this.absentTotal++;
	}

	/** Brings absent child i (back) into the round with its own edge costs (warm). */
	addChild(i: number): void {
		if (this.isPresent(i)) throw new Error(`child ${i} is already in the round`);
		this.absent[i] = 0;
		this.absentTotal--;
		const { start } = this.csr;
		for (let at = start[i] as number; at < (start[i + 1] as number); at++)
			this.applyCost(at, this.ownCost[at] as number);
	}

	private checkSource(i: number): void {
		if (!(Number.isInteger(i) && i >= 0 && i < this.csr.sourceCount))
			throw new Error(`no child ${i}`);
	}

	/** Every edge of source i priced just above leaving it unplaced. */
	private priceOut(i: number, set: (at: number, cost: number) => void): void {
		const { start, unplacedCost } = this.csr;
		for (let at = start[i] as number; at < (start[i + 1] as number); at++)
			set(at, unplacedCost + 1);
	}

	private solveCold(): NetworkSimplex {
		const simplex = new NetworkSimplex(transportNetwork(this.csr));
		if (!simplex.solve()) throw new Error("the transportation network has no feasible flow");
		this.coldPivotCount += simplex.pivots;
		return simplex;
	}

	/** Pivots of the cold solve(s). */
	get coldPivots(): number {
		return this.coldPivotCount;
	}

	/** Pivots since the cold solve (the changes' own and the re-solves'). */
	get warmPivots(): number {
		return this.pivotsBeforeThisSimplex + this.simplex.pivots - this.coldPivotCount;
	}

	setCapacity(sink: number, capacity: number): void {
		const { sourceCount: n, sinkCount: p } = this.csr;
		if (!(Number.isInteger(sink) && sink >= 0 && sink < p)) throw new Error(`no sink ${sink}`);
		if (!(Number.isSafeInteger(capacity) && capacity >= 0))
			throw new Error("capacity must be an integer ≥ 0");
		this.csr.capacity[sink] = capacity;
		if (!this.stale) setArcCapacity(this.simplex, this.csr.sink.length + n + sink, capacity);
	}

	/** A new cost for the edge at CSR position `at`. */
	setEdgeCost(at: number, cost: number): void {
		if (!(Number.isInteger(at) && at >= 0 && at < this.csr.sink.length))
			throw new Error(`no edge at ${at}`);
		if (!Number.isSafeInteger(cost)) throw new Error(`edge at ${at}: cost must be an integer`);
		this.ownCost[at] = cost;
		// An absent child's edge keeps its price-out until the child is added.
		if (this.absent[sourceOf(this.csr, at)] === 0) this.applyCost(at, cost);
	}

	private applyCost(at: number, cost: number): void {
		this.csr.cost[at] = cost;
		if (!this.stale && costFitsWarm(this.simplex, at, cost)) setArcCost(this.simplex, at, cost);
		else this.stale = true;
	}

	/** Takes every option away from source i (each edge then costs more than leaving it unplaced). */
	removeOptions(i: number): void {
		const { start, unplacedCost } = this.csr;
		for (let at = start[i] as number; at < (start[i + 1] as number); at++)
			this.setEdgeCost(at, unplacedCost + 1);
	}

	/** Re-optimises from the current basis. */
	resolve(): { flow: SimplexFlow; objective: number } {
		if (this.stale) {
			this.pivotsBeforeThisSimplex += this.simplex.pivots;
			this.simplex = this.solveCold();
			this.stale = false;
		} else if (!this.simplex.solve())
			throw new Error("the transportation network has no feasible flow");
		this.resolves++;
		const flow = transportFlow(this.csr, this.simplex);
		const objective = flowObjective(this.csr, flow) - this.absentTotal * this.csr.unplacedCost;
		return { flow, objective };
	}
}

/** The source whose edges include CSR position `at`. */
function sourceOf(csr: Csr, at: number): number {
	let lo = 0;
	let hi = csr.sourceCount - 1;
	while (lo < hi) {
		const mid = (lo + hi + 1) >> 1;
		if ((csr.start[mid] as number) <= at) lo = mid;
		else hi = mid - 1;
	}
	return lo;
}

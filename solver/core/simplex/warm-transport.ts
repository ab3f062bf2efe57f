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

	constructor(csr: Csr) {
		this.csr = { ...csr, capacity: csr.capacity.slice(), cost: csr.cost.slice() };
		this.simplex = this.solveCold();
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
		return { flow, objective: flowObjective(this.csr, flow) };
	}
}

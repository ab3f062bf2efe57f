import type { Csr } from "../problem";
import { flowObjective } from "../verify";
import { setArcCapacity, setArcCost } from "./changes";
import { NetworkSimplex } from "./network-simplex";
import { type SimplexFlow, transportFlow, transportNetwork } from "./transport-simplex";

/**
 * A transportation core solved once by the simplex and then re-solved warm, from its optimal
 * basis, after small changes: a provision's capacity, an edge's cost, a child's options taken
 * away. It owns a copy of the CSR that follows the changes, so the flow it answers can be
 * certified and priced (certify, marginalValues) against the changed problem. Edge costs
 * changed here no longer come cheapest first in the copy, which only the network engine's
 * warm start relies on.
 */
export class WarmTransport {
	readonly csr: Csr;
	private readonly simplex: NetworkSimplex;
	readonly coldPivots: number;
	/** Re-solves so far. */
	resolves = 0;

	constructor(csr: Csr) {
		this.csr = { ...csr, capacity: csr.capacity.slice(), cost: csr.cost.slice() };
		this.simplex = new NetworkSimplex(transportNetwork(this.csr));
		if (!this.simplex.solve()) throw new Error("the transportation network has no feasible flow");
		this.coldPivots = this.simplex.pivots;
	}

	/** Pivots since the cold solve (the changes' own and the re-solves'). */
	get warmPivots(): number {
		return this.simplex.pivots - this.coldPivots;
	}

	setCapacity(sink: number, capacity: number): void {
		const { sourceCount: n, sinkCount: p } = this.csr;
		if (!(Number.isInteger(sink) && sink >= 0 && sink < p)) throw new Error(`no sink ${sink}`);
		if (!(Number.isSafeInteger(capacity) && capacity >= 0))
			throw new Error("capacity must be an integer ≥ 0");
		this.csr.capacity[sink] = capacity;
		setArcCapacity(this.simplex, this.csr.sink.length + n + sink, capacity);
	}

	/** A new cost for the edge at CSR position `at`. */
	setEdgeCost(at: number, cost: number): void {
		if (!(Number.isInteger(at) && at >= 0 && at < this.csr.sink.length))
			throw new Error(`no edge at ${at}`);
		this.csr.cost[at] = cost;
		setArcCost(this.simplex, at, cost);
	}

	/** Takes every option away from source i (each edge then costs more than leaving it unplaced). */
	removeOptions(i: number): void {
		const { start, unplacedCost } = this.csr;
		for (let at = start[i] as number; at < (start[i + 1] as number); at++)
			this.setEdgeCost(at, unplacedCost + 1);
	}

	/** Re-optimises from the current basis. */
	resolve(): { flow: SimplexFlow; objective: number } {
		if (!this.simplex.solve()) throw new Error("the transportation network has no feasible flow");
		this.resolves++;
		const flow = transportFlow(this.csr, this.simplex);
		return { flow, objective: flowObjective(this.csr, flow) };
	}
}

import { type HighsModule, solveHighs } from "./highs";
import { solveLp } from "./lp";
import { solveNetwork } from "./network";
import { potentialsFromFlow } from "./potentials";
import { buildCsr, type Csr, type TransportInput } from "./problem";
import type { FlowState } from "./residual";
import { solveSimplex } from "./simplex/transport-simplex";
import { certify, flowObjective, type OptimalityCertificate } from "./verify";

export type TransportEngine = "network" | "simplex" | "lp" | "highs";

/** An optimal flow with the potentials that prove it, ready for duals and explanations. */
export interface SolvedCore {
	engine: TransportEngine;
	csr: Csr;
	flow: FlowState;
	/** Certified potentials, or null when the flow could not be certified. */
	potential: Float64Array | null;
	objective: number;
	certificate: OptimalityCertificate;
	/** Sources routed by shortest-path searches (network engine; 0 for the others). */
	augmentations: number;
	/** Pivots (simplex engine only). */
	pivots?: number;
	/** Simplex iterations (HiGHS only). */
	iterations?: number;
}

export interface CoreOptions {
	engine?: TransportEngine;
	lpMaxTableauBytes?: number;
	/** The loaded HiGHS module: required by engine "highs" (solver/ never loads it itself). */
	highs?: HighsModule;
	highsTimeLimitSeconds?: number;
}

export function solveCore(csr: Csr, options: CoreOptions = {}): SolvedCore {
	const engine = options.engine ?? "network";
	let flow: FlowState;
	let potential: Float64Array | null;
	let augmentations = 0;
	let iterations: number | undefined;
	let pivots: number | undefined;
	if (engine === "simplex") {
		const result = solveSimplex(csr);
		flow = result;
		potential = result.potential;
		pivots = result.pivots;
	} else if (engine === "network") {
		const result = solveNetwork(csr);
		flow = result;
		potential = result.potential;
		augmentations = result.augmentations;
	} else if (engine === "highs") {
		if (!options.highs) throw new Error('engine "highs" needs the loaded HiGHS module');
		const run = solveHighs(csr, options.highs, { timeLimitSeconds: options.highsTimeLimitSeconds });
		flow = run.flow;
		iterations = run.iterations;
		potential = potentialsFromFlow(csr, flow);
	} else {
		flow = solveLp(csr, options.lpMaxTableauBytes);
		potential = potentialsFromFlow(csr, flow);
	}
	const certificate = potential
		? certify(csr, flow, potential)
		: { feasible: false, optimal: false, arcsChecked: 0, minReducedCost: Number.NEGATIVE_INFINITY };
	return {
		engine,
		csr,
		flow,
		potential,
		objective: flowObjective(csr, flow),
		certificate,
		augmentations,
		...(iterations === undefined ? {} : { iterations }),
		...(pivots === undefined ? {} : { pivots }),
	};
}

/** Plain-data answer of solveTransportation. */
export interface TransportResult {
	engine: TransportEngine;
	/** Σ cost of used edges + unplacedCost × unassigned sources. */
	objective: number;
	/** Sink per source, −1 when unassigned. */
	sinkOf: number[];
	/** Index (in the input edge list) of the edge used per source, −1 when unassigned. */
	edgeOf: number[];
	unassigned: number;
	certificate: OptimalityCertificate;
}

/**
 * The geography-free core: unit sources, capacitated sinks, integer edge costs, a cost for
 * leaving a source unassigned. A square assignment problem is the case of unit capacities.
 */
export function solveTransportation(
	input: TransportInput,
	options: CoreOptions = {},
): TransportResult {
	const core = solveCore(buildCsr(input), options);
	const { flow, csr } = core;
	const sinkOf = Array.from(flow.assign, (j) => (j >= 0 ? j : -1));
	const edgeOf = Array.from(flow.assignAt, (at) => (at >= 0 ? (csr.edge[at] as number) : -1));
	return {
		engine: core.engine,
		objective: core.objective,
		sinkOf,
		edgeOf,
		unassigned: sinkOf.filter((j) => j < 0).length,
		certificate: core.certificate,
	};
}

import type { CandidateEdges } from "../candidates";
import { DEFAULT_LP_MAX_TABLEAU_BYTES, estimateTableauBytes } from "../core/lp";
import type { Csr } from "../core/problem";
import type { Instance } from "../instance";
import type { Outcome } from "../outcome";
import type { SolveOptions } from "../types";
import { relaxationBound, solveIntegerModel } from "./integer-model";
import { type Incumbent, solveLagrangian } from "./lagrangian";
import { EdgeRowTable } from "./row-state";
import type { SideModel } from "./rows";

export const DEFAULT_INTEGER_MAX_EDGES = 300;
export const DEFAULT_INTEGER_TIMEOUT_MS = 10_000;
export const DEFAULT_LAGRANGIAN_ITERATIONS = 30;

/**
 * Side constraints break total unimodularity. Small instances (or engine "lp") go to
 * javascript-lp-solver's integer model, bounded by its LP relaxation; the Lagrangian
 * relaxation over the network engine then always runs too — as the fallback when branch and
 * bound gives nothing usable, as a second lower bound, and as a competitor: the cheaper
 * feasible allocation wins. The result carries the best proven lower bound and the gap.
 * Determinism: byte-identical output holds when branch and bound finishes inside its time
 * limit (it always does for the small models sent to it by default); if the limit cuts it
 * short, what it returns depends on the machine's speed — the Lagrangian path never does.
 */
export function solveSideConstrained(
	instance: Instance,
	edges: CandidateEdges,
	csr: Csr,
	side: SideModel,
	options: SolveOptions,
	warnings: string[],
): Outcome {
	const table = new EdgeRowTable(side, instance, edges);
	const engine = options.engine ?? "auto";
	if (engine === "highs") {
		warnings.push(
			'engine "highs" solves rounds without side constraints only: network engine used',
		);
	}
	const small = csr.sink.length <= (options.integerMaxEdges ?? DEFAULT_INTEGER_MAX_EDGES);
	let incumbent: Incumbent | null = null;
	let method: Outcome["method"] = "lagrangian";
	let bound = Number.NEGATIVE_INFINITY;
	const fits =
		estimateTableauBytes(csr) <= (options.lpMaxTableauBytes ?? DEFAULT_LP_MAX_TABLEAU_BYTES);
	if (!fits && engine === "lp")
		warnings.push("the integer model is too large for javascript-lp-solver");
	if (fits && (engine === "lp" || (engine === "auto" && small))) {
		const integer = solveIntegerModel(
			instance,
			edges,
			side,
			options.integerTimeoutMs ?? DEFAULT_INTEGER_TIMEOUT_MS,
		);
		if (integer) {
			incumbent = integer;
			method = "lp-integer";
		} else {
			warnings.push("the integer model gave no integral feasible answer in time: Lagrangian used");
		}
		bound = relaxationBound(instance, edges, side);
	}
	const lagrangian = solveLagrangian(
		instance,
		edges,
		side,
		table,
		csr,
		options.lagrangianIterations ?? DEFAULT_LAGRANGIAN_ITERATIONS,
		incumbent,
	);
	if (incumbent === null || lagrangian.objective < incumbent.objective) method = "lagrangian";
	const objective = lagrangian.objective;
	return {
		method,
		engine: method === "lp-integer" ? "lp" : "network",
		assignment: lagrangian.assignment,
		objective,
		lowerBound: Math.min(objective, Math.max(bound, lagrangian.lowerBound)),
		core: null,
		pruning: { applied: false },
		augmentations: 0,
	};
}

import { LpTooLargeError } from "./core/lp";
import type { Csr } from "./core/problem";
import { solvePruned } from "./core/prune";
import { type SolvedCore, solveCore } from "./core/transport";
import { certify, flowObjective } from "./core/verify";
import type { Outcome } from "./outcome";
import type { SolveOptions } from "./types";

/**
 * The transportation problem without side constraints: totally unimodular, so every engine
 * reaches the same integral optimum, which the reduced-cost certificate then proves.
 * "auto" always takes the network engine: it is exact and the fastest at every size.
 */
export function solvePure(csr: Csr, options: SolveOptions, warnings: string[]): Outcome {
	let core: SolvedCore | null = null;
	let pruning: Outcome["pruning"] = { applied: false };
	if (options.engine === "lp") {
		try {
			core = solveCore(csr, { engine: "lp", lpMaxTableauBytes: options.lpMaxTableauBytes });
		} catch (error) {
			if (!(error instanceof LpTooLargeError)) throw error;
			warnings.push(`${error.message}: solved with the network engine instead`);
		}
	}
	if (core === null && options.pruneK !== undefined && options.pruneK > 0) {
		const pruned = solvePruned(csr, options.pruneK);
		core = {
			engine: "network",
			csr,
			flow: pruned.flow,
			potential: pruned.potential,
			objective: flowObjective(csr, pruned.flow),
			certificate: certify(csr, pruned.flow, pruned.potential),
			augmentations: pruned.augmentations,
		};
		pruning = {
			applied: true,
			keptPerChild: options.pruneK,
			rounds: pruned.rounds,
			edgesReAdded: pruned.edgesReAdded,
		};
	}
	core ??= solveCore(csr, { engine: "network" });
	if (!core.certificate.optimal) {
		warnings.push("the allocation could not be certified optimal by reduced costs");
	}
	const assignment = Int32Array.from(core.flow.assignAt, (at) =>
		at >= 0 ? (csr.edge[at] as number) : -1,
	);
	return {
		method: core.engine === "lp" ? "lp-exact" : "network-exact",
		engine: core.engine,
		assignment,
		objective: core.objective,
		lowerBound: core.certificate.optimal ? core.objective : Number.NEGATIVE_INFINITY,
		core,
		pruning,
		augmentations: core.augmentations,
	};
}

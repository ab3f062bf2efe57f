import { fastestExactEngine } from "./core/engine-choice";
import { HighsNotSolvedError } from "./core/highs";
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
 * "auto" takes the faster of the two exact graph engines for the instance (network or simplex,
 * see fastestExactEngine). "lp" and "highs" fall back to the network engine (with a warning)
 * when their model is too large or unsolved in time.
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
	if (options.engine === "highs") core = solveWithHighs(csr, options, warnings);
	if (options.engine === "simplex") core = solveCore(csr, { engine: "simplex" });
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
	core ??= solveCore(csr, {
		engine:
			options.engine === "auto" || options.engine === undefined
				? fastestExactEngine(csr)
				: "network",
	});
	if (!core.certificate.optimal) {
		warnings.push("the allocation could not be certified optimal by reduced costs");
	}
	const assignment = Int32Array.from(core.flow.assignAt, (at) =>
		at >= 0 ? (csr.edge[at] as number) : -1,
	);
	return {
		method: METHOD[core.engine],
		engine: core.engine,
		assignment,
		objective: core.objective,
		lowerBound: core.certificate.optimal ? core.objective : Number.NEGATIVE_INFINITY,
		core,
		pruning,
		augmentations: core.augmentations,
	};
}

const METHOD = {
	network: "network-exact",
	simplex: "simplex-exact",
	lp: "lp-exact",
	highs: "highs-exact",
} as const;

function solveWithHighs(csr: Csr, options: SolveOptions, warnings: string[]): SolvedCore | null {
	if (!options.highs) {
		warnings.push('engine "highs" was asked for without the loaded module: network engine used');
		return null;
	}
	try {
		return solveCore(csr, {
			engine: "highs",
			highs: options.highs,
			highsTimeLimitSeconds: options.highsTimeLimitSeconds,
		});
	} catch (error) {
		if (!(error instanceof HighsNotSolvedError)) throw error;
		warnings.push(`${error.message}: solved with the network engine instead`);
		return null;
	}
}

import type { CandidateEdges } from "./candidates";
import { boroughFigures, boroughFlows, homeBoroughs, ownBoroughEdges } from "./fair-shares";
import { solveGuaranteed } from "./guarantee";
import type { Instance } from "./instance";
import type { LawfulModel } from "./lawful";
import type { Outcome } from "./outcome";
import { solvePure } from "./pure-solve";
import type { BoroughFigures, FairShares } from "./result-types";
import { candidateCsr, roundEdges } from "./round-model";
import type { Assignment } from "./summary";
import type { SolveOptions } from "./types";

/**
 * The edges of matching alone, for a round over two or more home boroughs (else null). Taken
 * before the pooled round's lawful priorities are written, which rewrite the priced edges.
 */
export function aloneEdgesOf(instance: Instance, priced: CandidateEdges): CandidateEdges | null {
	return homeBoroughs(instance).length >= 2 ? ownBoroughEdges(instance, priced) : null;
}

export interface FairRound {
	/** The round's allocation: the guaranteed one when the guarantee is on. */
	outcome: Outcome;
	instance: Instance;
	/** Marginal values at or above this would break the guarantee (no money); null: none. */
	breaks: number | null;
	fairShares: FairShares;
}

const sum = (figures: Map<string, BoroughFigures>, key: keyof BoroughFigures) =>
	[...figures.values()].reduce((total, f) => total + f[key], 0);

function lawfulHonoured(lawful: LawfulModel | null, assignment: Assignment): number {
	if (!lawful) return 0;
	return assignment.reduce((n, e) => n + (e >= 0 && (lawful.priority[e] as number) > 0 ? 1 : 0), 0);
}

/**
 * Fair shares: every borough alone (its children, its own borough's published places, the same
 * fallback, and in lawful mode preferences judged against its own alternatives), then, with the
 * guarantee on and some borough worse off pooled, the no-borough-worse-off network solved
 * exactly; the figures per borough pooled against alone, and the money between boroughs.
 */
export function fairRound(
	instance: Instance,
	edges: CandidateEdges,
	lawful: LawfulModel | null,
	alone: CandidateEdges,
	pooled: Outcome,
	sideConstrained: boolean,
	options: SolveOptions,
	warnings: string[],
): FairRound {
	const own = roundEdges(instance, alone);
	const aloneOutcome = solvePure(candidateCsr(instance, own.edges, []), options, []);
	const aloneFigures = boroughFigures(instance, own.edges, aloneOutcome.assignment);
	const unconstrained = boroughFigures(instance, edges, pooled.assignment);
	const worseOffWithout = [...unconstrained]
		.filter(([b, f]) => f.placed < (aloneFigures.get(b) as BoroughFigures).placed)
		.map(([b]) => b);
	let on = options.guarantee ?? false;
	if (on && sideConstrained) {
		warnings.push("the no-borough-worse-off guarantee is not applied under side constraints");
		on = false;
	}
	let outcome = pooled;
	let guaranteed = instance;
	let breaks: number | null = null;
	if (on && worseOffWithout.length > 0) {
		const placed = new Map([...aloneFigures].map(([b, f]) => [b, f.placed]));
		const solved = solveGuaranteed(instance, edges, placed, options, warnings);
		if (solved) {
			outcome = solved.outcome;
			guaranteed = solved.model.instance;
			breaks = solved.model.breaks;
		} else {
			warnings.push("the round is too large for the guarantee's exact weights: not applied");
			on = false;
		}
	}
	const figures =
		outcome === pooled ? unconstrained : boroughFigures(instance, edges, outcome.assignment);
	const lawfulFewer =
		lawfulHonoured(lawful, pooled.assignment) - lawfulHonoured(lawful, outcome.assignment);
	return {
		outcome,
		instance: guaranteed,
		breaks,
		fairShares: {
			boroughs: [...figures].map(([borough, f]) => ({
				borough,
				pooled: f,
				alone: aloneFigures.get(borough) as BoroughFigures,
			})),
			flows: boroughFlows(instance, edges, outcome.assignment),
			alone: {
				objective: aloneOutcome.objective,
				optimal: aloneOutcome.core?.certificate.optimal ?? false,
				annualCost: sum(aloneFigures, "annualCost"),
				placed: sum(aloneFigures, "placed"),
			},
			guarantee: {
				on,
				worseOffWithout,
				price: on
					? {
							objective: outcome.objective - pooled.objective,
							annualCost: sum(figures, "annualCost") - sum(unconstrained, "annualCost"),
							placedFewer: sum(unconstrained, "placed") - sum(figures, "placed"),
							...(lawful ? { lawfulPreferencesFewer: lawfulFewer } : {}),
						}
					: null,
			},
		},
	};
}

import { buildCandidates, type CandidateEdges } from "./candidates";
import { marginalValues } from "./core/duals";
import { criteriaOf, lawfulSummary } from "./criteria";
import {
	type ExplainContext,
	explainPlacement,
	explainUnplaced,
	provisionsBySetting,
} from "./explain";
import { aloneEdgesOf, type FairRound, fairRound } from "./fair-round";
import { withFallback } from "./fallback";
import { buildInstance, type Instance } from "./instance";
import { type LawfulModel, splitGain } from "./lawful";
import type { Outcome } from "./outcome";
import { holdersOf } from "./preference-reasons";
import { solvePure } from "./pure-solve";
import type { AllocationResult } from "./result-types";
import { candidateCsr, roundEdges } from "./round-model";
import { buildSideModel, type SideModel, sideUsage } from "./side/rows";
import { solveSideConstrained } from "./side/solve-side";
import { summarise } from "./summary";
import type { AllocationInput, SolveOptions } from "./types";

/**
 * Told how far a solve has come (0–1: candidates built, the round solved, fair shares), so a
 * caller in another thread can say so; it never changes the answer.
 */
export type SolveProgress = (fraction: number) => void;

/**
 * Proposes the allocation of a round of children to provisions that minimises total annual
 * cost (placement, transport, children's time, less preference credits, plus the penalty for
 * anyone left unplaced), explains it child by child, and prices every provision's places.
 * Pure: the same input always gives the same output, byte for byte.
 */
export function solveAllocation(
	input: AllocationInput,
	progress: SolveProgress = () => {},
): AllocationResult {
	const base = buildInstance(input);
	const { instance, edges: priced } = withFallback(base, buildCandidates(base));
	const options = input.options ?? {};
	const alone = options.fairShares === false ? null : aloneEdgesOf(instance, priced);
	const { edges, lawful } = roundEdges(instance, priced);
	const warnings: string[] = [];
	const csr = candidateCsr(instance, edges, warnings);
	progress(0.2);
	const side = buildSideModel(instance, input.sideConstraints, warnings);
	const outcome = side
		? solveSideConstrained(instance, edges, csr, side, options, warnings)
		: solvePure(csr, options, warnings);
	progress(0.6);
	const fair = alone
		? fairRound(instance, edges, lawful, alone, outcome, side !== null, options, warnings)
		: null;
	progress(0.8);
	return assemble(
		fair?.instance ?? instance,
		edges,
		lawful,
		fair?.outcome ?? outcome,
		side,
		options,
		warnings,
		fair,
	);
}

/** Re-exported for the planner and the benchmarks. */
export { candidateCsr } from "./round-model";

function assemble(
	instance: Instance,
	edges: CandidateEdges,
	lawful: LawfulModel | null,
	outcome: Outcome,
	side: SideModel | null,
	options: SolveOptions,
	warnings: string[],
	fair: FairRound | null,
): AllocationResult {
	const { assignment, core } = outcome;
	const detailed = options.explain ?? true;
	const certified = core?.potential && core.certificate.optimal ? core : null;
	const marginal =
		certified && (detailed || (options.duals ?? true))
			? marginalValues(certified.csr, certified.flow, certified.potential as Float64Array)
			: null;
	// Under the guarantee one fewer place can break it: that loss is no money, so not given.
	const breaks = fair?.breaks ?? null;
	if (marginal && breaks !== null) {
		marginal.loss.forEach((v, j) => {
			if (v >= breaks) marginal.loss[j] = Number.NaN;
		});
	}
	const fallbackBounds = marginal ? fallbackCostBounds(instance, edges) : [];
	const load = new Int32Array(instance.provisions.length);
	for (const e of assignment) {
		if (e < 0) continue;
		const j = edges.provision[e] as number;
		load[j] = (load[j] as number) + 1;
	}
	const ctx = {
		instance,
		edges,
		assignment,
		load,
		marginal,
		bySetting: provisionsBySetting(instance.provisions),
		detailed,
		lawful: null as ExplainContext["lawful"],
	};
	if (lawful) ctx.lawful = { model: lawful, holders: holdersOf(ctx) };
	const split = (value: number) =>
		lawful ? splitGain(value, lawful.weight) : { units: 0, pounds: value };
	const placed: number[] = [];
	const unplaced: number[] = [];
	assignment.forEach((e, i) => {
		const published = e >= 0 && (edges.provision[e] as number) < instance.published;
		(published ? placed : unplaced).push(i);
	});
	const explained = {
		placements: placed.map((i) => explainPlacement(ctx, i)),
		unplaced: unplaced.map((i) => explainUnplaced(ctx, i)),
	};
	const lowerBound = Number.isFinite(outcome.lowerBound) ? outcome.lowerBound : null;
	const gap = lowerBound === null ? null : outcome.objective - lowerBound;
	return {
		method: outcome.method,
		engine: outcome.engine,
		optimal: gap === 0,
		objective: outcome.objective,
		lowerBound,
		gap,
		relativeGap:
			gap === null ? null : outcome.objective === 0 ? 0 : gap / Math.abs(outcome.objective),
		criteria: criteriaOf(instance, lawful),
		summary: lawfulSummary(summarise(instance, edges, assignment), ctx, explained),
		placements: explained.placements,
		unplaced: explained.unplaced,
		duals:
			marginal && (options.duals ?? true)
				? {
						provisions: instance.provisions.slice(0, instance.published).map((p, j) => ({
							provisionId: p.id,
							capacity: p.capacity,
							used: load[j] as number,
							shadowPrice: split(marginal.gain[j] as number).pounds,
							lossIfOneFewer: Number.isNaN(marginal.loss[j])
								? null
								: split(marginal.loss[j] as number).pounds,
							fallbackCost: fallbackBounds[j] ?? null,
							preferencesGained: split(marginal.gain[j] as number).units,
						})),
						children: instance.children.map((c, i) => ({
							childId: c.id,
							dual: marginal.sourceDual[i] as number,
						})),
					}
				: null,
		certificate: core?.certificate ?? null,
		pruning: outcome.pruning,
		sideConstraints: side ? sideUsage(side, instance, edges, assignment) : null,
		stats: {
			children: instance.children.length,
			provisions: instance.published,
			edges: edges.count,
			augmentations: outcome.augmentations,
		},
		fairShares: fair?.fairShares ?? null,
		warnings,
	};
}

/**
 * Per published provision, the dearest fallback (fee + transport) among the children who could
 * take a place there: one more place there saves at most that child's fallback less its cost
 * there, so this is the figure that bounds its shadow price. Null when one of them has no
 * fallback (or no child could take a place there): then nothing money-like bounds it.
 */
function fallbackCostBounds(instance: Instance, edges: CandidateEdges): (number | null)[] {
	const bound = new Float64Array(instance.published).fill(-1);
	for (let e = 0; e < edges.count; e++) {
		const j = edges.provision[e] as number;
		if (j >= instance.published || Number.isNaN(bound[j])) continue;
		const fallback = instance.fallback[edges.child[e] as number];
		bound[j] = fallback ? Math.max(bound[j] as number, fallback.money) : Number.NaN;
	}
	return Array.from(bound, (b) => (Number.isNaN(b) || b < 0 ? null : b));
}

import type { CandidateEdges } from "./candidates";
import type { Instance } from "./instance";
import type { LawfulModel } from "./lawful";
import { unhonouredPreferences } from "./preference-reasons";
import type {
	ExtraCostEstimate,
	Placement,
	PreferenceExplanation,
	PreferenceOutcome,
	UnplacedChild,
} from "./result-types";
import { checkPair, RULES, type RuleFailure } from "./rules";
import { type Assignment, edgeBreakdown, edgeMoney } from "./summary";
import type { Child, Provision } from "./types";

export interface ExplainContext {
	instance: Instance;
	edges: CandidateEdges;
	assignment: Assignment;
	/** Places used per provision. */
	load: Int32Array;
	/** Exact one-sided marginal values per provision, when the allocation is network-optimal. */
	marginal: { gain: Float64Array; loss: Float64Array } | null;
	/** Provision indices per setting URN. */
	bySetting: Map<string, number[]>;
	/** Explain preferences and count failed rules (off: the bare facts only). */
	detailed: boolean;
	/** Lawful mode: which edges carry the lawful priority, and who holds each place. */
	lawful: { model: LawfulModel; holders: Map<number, number[]> } | null;
}

export function provisionsBySetting(provisions: Provision[]): Map<string, number[]> {
	const map = new Map<string, number[]>();
	provisions.forEach((p, j) => {
		map.set(p.settingUrn, [...(map.get(p.settingUrn) ?? []), j]);
	});
	return map;
}

export function explainPlacement(ctx: ExplainContext, i: number): Placement {
	const { instance, edges } = ctx;
	const e = ctx.assignment[i] as number;
	const child = instance.children[i] as Child;
	const provision = instance.provisions[edges.provision[e] as number] as Provision;
	const cost = edgeBreakdown(edges, e);
	return {
		childId: child.id,
		provisionId: provision.id,
		settingUrn: provision.settingUrn,
		miles: edges.miles[e] as number,
		minutes: edges.minutes[e] as number,
		outOfBorough: child.borough !== provision.borough,
		cost,
		payers: {
			homeBorough: child.borough,
			homePays: cost.topUp + cost.fee + cost.transport,
			hostBorough: provision.borough,
			hostPays: cost.placeFunding,
		},
		preference: preferenceOutcome(ctx, i),
	};
}

export function explainUnplaced(ctx: ExplainContext, i: number): UnplacedChild {
	const { instance, edges } = ctx;
	const child = instance.children[i] as Child;
	const first = edges.childStart[i] as number;
	const end = edges.childStart[i + 1] as number;
	const preference = preferenceOutcome(ctx, i);
	const fallback = instance.fallback[i] ?? null;
	const U = fallback ? fallback.total : instance.params.cost.unplacedPenalty;
	const binding: string[] = [];
	let published = 0;
	let hasRoom = false;
	let affordable = false;
	for (let e = first; e < end; e++) {
		const j = edges.provision[e] as number;
		if (j >= instance.published) continue;
		published++;
		const p = instance.provisions[j] as Provision;
		if ((edges.total[e] as number) >= U) continue;
		affordable = true;
		if ((ctx.load[j] as number) < p.capacity) hasRoom = true;
		else binding.push(p.id);
	}
	const base = { childId: child.id, fallback, preference };
	if (published === 0) {
		const unplaced: UnplacedChild = { ...base, reason: "no-feasible-provision" };
		if (ctx.detailed) unplaced.ruleCounts = ruleCounts(ctx, child);
		return withOrder(unplaced);
	}
	if (!affordable) {
		return withOrder({
			...base,
			reason: fallback ? "fallback-cheaper" : "cost-above-unplaced-penalty",
		});
	}
	if (hasRoom) return withOrder({ ...base, reason: "side-constraints" });
	return withOrder({ ...base, reason: "capacity-exhausted", bindingProvisions: binding });
}

/** The explanation's keys in one order (childId, reason first), whatever was known when. */
function withOrder(u: UnplacedChild): UnplacedChild {
	const { childId, reason, ruleCounts, bindingProvisions, fallback, preference } = u;
	return {
		childId,
		reason,
		...(ruleCounts ? { ruleCounts } : {}),
		...(bindingProvisions ? { bindingProvisions } : {}),
		fallback,
		preference,
	};
}

function ruleCounts(ctx: ExplainContext, child: Child): Record<RuleFailure, number> {
	const counts = Object.fromEntries(RULES.map((r) => [r, 0])) as Record<RuleFailure, number>;
	const { params, matrix } = ctx.instance;
	for (const p of ctx.instance.provisions.slice(0, ctx.instance.published)) {
		const outcome = checkPair(child, p, params, matrix);
		if (typeof outcome === "string") counts[outcome]++;
	}
	return counts;
}

function preferenceOutcome(ctx: ExplainContext, i: number): PreferenceOutcome | null {
	const child = ctx.instance.children[i] as Child;
	const preferences = child.preferences ?? [];
	const urn = preferences[0];
	if (urn === undefined) return null;
	const e = ctx.assignment[i] as number;
	const rank = e >= 0 ? (ctx.edges.preferenceRank[e] as number) : 0;
	const outcome: PreferenceOutcome = { honouredRank: rank > 0 ? rank : null };
	if (ctx.lawful) {
		outcome.lawful = rank > 0 && (ctx.lawful.model.priority[e] as number) > 0;
		outcome.unhonoured = unhonouredPreferences(ctx, ctx.lawful.model, ctx.lawful.holders, i);
		return outcome;
	}
	if (rank !== 1 && ctx.detailed) outcome.bestRanked = explainPreference(ctx, i, urn);
	return outcome;
}

function explainPreference(ctx: ExplainContext, i: number, urn: string): PreferenceExplanation {
	const { instance, edges } = ctx;
	const hosted = ctx.bySetting.get(urn) ?? [];
	if (hosted.length === 0) return { settingUrn: urn, rank: 1, status: "not-published" };
	let best: { e: number; extra: ExtraCostEstimate } | null = null;
	for (let e = edges.childStart[i] as number; e < (edges.childStart[i + 1] as number); e++) {
		const j = edges.provision[e] as number;
		if (!hosted.includes(j) || (instance.provisions[j]?.capacity ?? 0) === 0) continue;
		const extra = extraCost(ctx, i, e);
		if (best === null || extra.estimate < best.extra.estimate) best = { e, extra };
	}
	if (best === null) {
		const child = instance.children[i] as Child;
		const failures = hosted.map((j) => {
			const p = instance.provisions[j] as Provision;
			const outcome = checkPair(child, p, instance.params, instance.matrix);
			return { provisionId: p.id, rule: typeof outcome === "string" ? outcome : "no-capacity" };
		});
		return { settingUrn: urn, rank: 1, status: "infeasible", failures };
	}
	const provision = instance.provisions[edges.provision[best.e] as number] as Provision;
	return {
		settingUrn: urn,
		rank: 1,
		status: "feasible-but-lost",
		provisionId: provision.id,
		extraCost: best.extra,
	};
}

/**
 * Re-solve-free estimate of the annual cost of moving child i onto edge e: the edge
 * difference, plus what one fewer place at the preferred provision costs everyone else
 * (its exact loss(−1)), minus what the place the child frees is worth to them (gain(+1)).
 * Without exact marginal values (side-constrained runs) only the edge difference is given.
 */
function extraCost(ctx: ExplainContext, i: number, e: number): ExtraCostEstimate {
	const { edges, instance } = ctx;
	const current = ctx.assignment[i] as number;
	const currentTotal =
		current >= 0 ? (edges.total[current] as number) : instance.params.cost.unplacedPenalty;
	const edgeCostDifference = (edges.total[e] as number) - currentTotal;
	const moneyDifference = edgeMoney(edges, e) - (current >= 0 ? edgeMoney(edges, current) : 0);
	const preferred = edges.provision[e] as number;
	const full = (ctx.load[preferred] as number) >= (instance.provisions[preferred]?.capacity ?? 0);
	if (!ctx.marginal) {
		return {
			edgeCostDifference,
			displacementCost: 0,
			releasedPlaceValue: 0,
			estimate: Math.max(0, edgeCostDifference),
			moneyDifference,
			basis: "edge cost difference only (no exact marginal values under side constraints)",
		};
	}
	const displacementCost = full ? (ctx.marginal.loss[preferred] as number) : 0;
	const releasedPlaceValue =
		current >= 0 ? (ctx.marginal.gain[edges.provision[current] as number] as number) : 0;
	return {
		edgeCostDifference,
		displacementCost,
		releasedPlaceValue,
		estimate: Math.max(0, edgeCostDifference + displacementCost - releasedPlaceValue),
		moneyDifference,
		basis:
			"edge cost difference + loss(−1) at the preferred provision − gain(+1) at the proposed one",
	};
}

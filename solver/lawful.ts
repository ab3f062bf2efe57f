import type { CandidateEdges } from "./candidates";
import { EdgeBuffer } from "./edge-buffer";
import type { Instance } from "./instance";
import { edgeMoney } from "./summary";
import type { PreferencePolicy, ResourcesTest } from "./types";

/** Level of an independent special school: under the s.39 duty only when on the s.41 list. */
export const INDEPENDENT_LEVEL = "special_independent";

/** Why a suitable preference does not carry the lawful priority. */
export type NotLawful =
	| { code: "independent-not-approved" }
	| {
			code: "resources-test";
			/** Extra public money a year over the child's best alternative. */
			extraAnnualCost: number;
			threshold: ResourcesTest;
			alternative: { provisionId: string | null; annualCost: number };
	  };

/** Per edge: 0 when not a lawful preference, else its priority units (rank 1 highest). */
export interface LawfulModel {
	/** £ of the objective per unit of preference priority: larger than any cost difference. */
	weight: number;
	/** Priority units of a lawful preference of each rank: index r − 1. */
	units: number[];
	priority: Int32Array;
	/** Per edge that is a suitable preference without the priority, why (else null). */
	notLawful: (NotLawful | null)[];
}

export function resourcesTestFor(policy: PreferencePolicy, borough: string): ResourcesTest {
	return policy.resourcesTest.byBorough?.[borough] ?? policy.resourcesTest.default;
}

/** The resources test fails when the extra exceeds a configured limit (absolute or percent). */
function failsResourcesTest(extra: number, alternative: number, test: ResourcesTest): boolean {
	if (test.absolute !== null && extra > test.absolute) return true;
	return test.percent !== null && extra > (test.percent / 100) * alternative;
}

/**
 * Preferences as the lawful default (s.39). A suitable preference (it has an edge: need, age,
 * level, journey) carries the lawful priority unless it is an independent school off the s.41
 * list (without the borough's agreement) or it fails the resources test: its public money over
 * the child's best alternative exceeds the home borough's threshold. The best alternative
 * (`alternativeEdge`) is the child's cheapest option at the prices of the round solved on cost
 * alone (no preference weighed, the fallback included), so that the comparison is with a place
 * the child could really have, not one another child takes. The priority is a lexicographic weight: each
 * unit is worth more than every cost difference the round can hold together, so no saving,
 * however large, can buy a lower count of honoured lawful preferences (criterion 1 before 2).
 */
export function applyLawfulPreferences(
	instance: Instance,
	edges: CandidateEdges,
	policy: PreferencePolicy,
	alternativeEdge: Int32Array,
): { edges: CandidateEdges; lawful: LawfulModel } {
	const maxRank = instance.children.reduce((m, c) => Math.max(m, c.preferences?.length ?? 0), 0);
	const units = Array.from({ length: maxRank }, (_, r) => maxRank - r);
	const priority = new Int32Array(edges.count);
	const notLawful: (NotLawful | null)[] = new Array(edges.count).fill(null);
	let spread = 0;
	let largest = 0;
	instance.children.forEach((child, i) => {
		const from = edges.childStart[i] as number;
		const to = edges.childStart[i + 1] as number;
		const unplaced = instance.fallback[i] ? Number.NaN : instance.params.cost.unplacedPenalty;
		let lo = Number.isNaN(unplaced) ? Number.POSITIVE_INFINITY : unplaced;
		let hi = Number.isNaN(unplaced) ? Number.NEGATIVE_INFINITY : unplaced;
		for (let e = from; e < to; e++) {
			const total = (edges.total[e] as number) + (edges.preferenceCredit[e] as number);
			lo = Math.min(lo, total);
			hi = Math.max(hi, total);
		}
		const a = alternativeEdge[i] as number;
		const alternative =
			a < 0
				? null
				: {
						provisionId:
							(edges.provision[a] as number) < instance.published
								? (instance.provisions[edges.provision[a] as number]?.id ?? null)
								: null,
						annualCost: edgeMoney(edges, a),
					};
		spread += hi - lo;
		largest += Math.max(Math.abs(lo), Math.abs(hi));
		const test = resourcesTestFor(policy, child.borough);
		for (let e = from; e < to; e++) {
			const rank = edges.preferenceRank[e] as number;
			if (rank === 0) continue;
			const p = instance.provisions[edges.provision[e] as number];
			if (
				p?.level === INDEPENDENT_LEVEL &&
				!p.s41Approved &&
				!policy.nonApprovedIndependentByAgreement
			) {
				notLawful[e] = { code: "independent-not-approved" };
				continue;
			}
			const extra = alternative ? edgeMoney(edges, e) - alternative.annualCost : 0;
			if (alternative && failsResourcesTest(extra, alternative.annualCost, test)) {
				notLawful[e] = {
					code: "resources-test",
					extraAnnualCost: extra,
					threshold: test,
					alternative,
				};
				continue;
			}
			priority[e] = units[rank - 1] ?? 0;
		}
	});
	// Twice the widest possible lower-criteria difference, so that a priced objective splits
	// back exactly into its priority units and its pounds (see splitObjective).
	const weight = 2 * spread + 1;
	if ((units[0] ?? 0) * instance.children.length * weight + largest > Number.MAX_SAFE_INTEGER) {
		throw new Error("the round is too large for exact lexicographic weights");
	}
	const sorted = prioritised(edges, priority, weight);
	return {
		edges: sorted.edges,
		lawful: {
			weight,
			units,
			priority: Int32Array.from(sorted.oldOf, (e) => priority[e] as number),
			notLawful: Array.from(sorted.oldOf, (e) => notLawful[e] ?? null),
		},
	};
}

/**
 * The edges with each lawful preference's priority as its credit, re-sorted per child (cheapest
 * first, as everywhere); oldOf maps each new edge index back to the old one.
 */
function prioritised(
	edges: CandidateEdges,
	priority: Int32Array,
	weight: number,
): { edges: CandidateEdges; oldOf: Int32Array } {
	const source = edges as unknown as EdgeBuffer;
	const out = new EdgeBuffer(edges.childStart.length - 1, edges.count);
	const oldOf = new Int32Array(edges.count);
	const order: number[] = [];
	for (let i = 0; i + 1 < edges.childStart.length; i++) {
		const from = edges.childStart[i] as number;
		const to = edges.childStart[i + 1] as number;
		order.length = 0;
		for (let e = from; e < to; e++) {
			const base = (edges.total[e] as number) + (edges.preferenceCredit[e] as number);
			edges.preferenceCredit[e] = (priority[e] as number) * weight;
			edges.total[e] = base - (edges.preferenceCredit[e] as number);
			order.push(e);
		}
		order.sort(
			(a, b) =>
				(edges.total[a] as number) - (edges.total[b] as number) ||
				(edges.provision[a] as number) - (edges.provision[b] as number),
		);
		out.childStart[i] = out.count;
		for (const e of order) {
			oldOf[out.count] = e;
			out.copyFrom(source, e, i);
		}
	}
	out.childStart[edges.childStart.length - 1] = out.count;
	return { edges: out.finish(), oldOf };
}

/**
 * A difference of two objectives (a shadow price, a what-if saving) as the priority units it
 * gains and the pounds it saves. Exact: the pounds of any two allocations of the round differ by
 * less than half the weight.
 */
export function splitGain(gain: number, weight: number): { units: number; pounds: number } {
	const units = Math.round(gain / weight);
	return { units, pounds: gain - units * weight };
}

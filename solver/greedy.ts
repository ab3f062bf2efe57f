import { buildCandidates, type CandidateEdges } from "./candidates";
import { withFallback } from "./fallback";
import { buildInstance, compareIds, type Instance } from "./instance";
import type { AllocationSummary } from "./result-types";
import { type Assignment, summarise } from "./summary";
import type { AllocationInput } from "./types";

export interface GreedyResult {
	summary: AllocationSummary;
	/** Per child, in id order: the provision taken, or null. */
	assignments: { childId: string; provisionId: string | null }[];
}

/**
 * The baseline a panel working alone would reach: children in referral order (then id), each
 * taking the nearest feasible provision (shortest journey, then fewest miles, then id) that
 * still has room, or else the independent-sector fallback. Same cost model, so its objective
 * compares directly with the optimum.
 */
export function greedyAssignment(instance: Instance, edges: CandidateEdges): Assignment {
	const order = instance.children.map((_, i) => i);
	const key = (i: number): number =>
		instance.children[i]?.referralOrder ?? Number.POSITIVE_INFINITY;
	order.sort(
		(a, b) =>
			key(a) - key(b) || compareIds(instance.children[a]?.id ?? "", instance.children[b]?.id ?? ""),
	);
	const room = Int32Array.from(instance.provisions, (p) => p.capacity);
	const assignment: Assignment = new Int32Array(instance.children.length).fill(-1);
	for (const i of order) {
		let best = -1;
		let fallback = -1;
		for (let e = edges.childStart[i] as number; e < (edges.childStart[i + 1] as number); e++) {
			const j = edges.provision[e] as number;
			if ((room[j] as number) <= 0) continue;
			if (j >= instance.published) fallback = e;
			else if (best < 0 || nearer(edges, e, best)) best = e;
		}
		if (best < 0) best = fallback;
		if (best < 0) continue;
		assignment[i] = best;
		const j = edges.provision[best] as number;
		room[j] = (room[j] as number) - 1;
	}
	return assignment;
}

function nearer(edges: CandidateEdges, a: number, b: number): boolean {
	const dm = (edges.minutes[a] as number) - (edges.minutes[b] as number);
	if (dm !== 0) return dm < 0;
	const dl = (edges.miles[a] as number) - (edges.miles[b] as number);
	if (dl !== 0) return dl < 0;
	return (edges.provision[a] as number) < (edges.provision[b] as number);
}

export function solveGreedy(input: AllocationInput): GreedyResult {
	const base = buildInstance(input);
	const { instance, edges } = withFallback(base, buildCandidates(base));
	const assignment = greedyAssignment(instance, edges);
	return {
		summary: summarise(instance, edges, assignment),
		assignments: instance.children.map((child, i) => {
			const e = assignment[i] as number;
			const j = e >= 0 ? (edges.provision[e] as number) : -1;
			const provision = j >= 0 && j < instance.published ? instance.provisions[j] : undefined;
			return { childId: child.id, provisionId: provision?.id ?? null };
		}),
	};
}

import type { CandidateEdges } from "./candidates";
import { buildCsr, type Csr } from "./core/problem";
import type { Instance } from "./instance";
import type { Outcome } from "./outcome";
import { solvePure } from "./pure-solve";
import type { SolveOptions } from "./types";

/** The no-borough-worse-off network: one sink per home borough for all it does not place. */
export interface GuaranteeModel {
	csr: Csr;
	/** Per csr input edge: its candidate edge, or −1 for "no placement found" at its sink. */
	origin: Int32Array;
	/** The instance with each fallback sink's capacity set to the borough's guaranteed room. */
	instance: Instance;
	/** Home borough → children minus its alone count: the most it may leave out of published supply. */
	room: Map<string, number>;
	/** A marginal value at or above this breaks the guarantee: it is no money (see solveGuaranteed). */
	breaks: number;
}

/**
 * The guarantee as a transportation problem, still totally unimodular: every child not placed
 * in published supply goes to its home borough's sink (by its fallback edge, or, with no
 * fallback, by an edge costing the unplaced penalty: "no placement found", as before), whose
 * capacity is the borough's children minus the number it places alone. Leaving a child out of
 * every sink costs U′ = 2B + 1, B above any cost difference a chain of moves can make (the
 * widest edge spread summed over children, plus the dearest edge): matching alone is a complete
 * feasible point, so an optimum never uses U′ and the solve is exact with the usual certificate.
 */
export function guaranteeModel(
	instance: Instance,
	edges: CandidateEdges,
	alonePlaced: Map<string, number>,
): GuaranteeModel | null {
	const U = instance.params.cost.unplacedPenalty;
	const n = instance.children.length;
	const children = new Map<string, number>();
	for (const c of instance.children) children.set(c.borough, (children.get(c.borough) ?? 0) + 1);
	const room = new Map(
		[...children].map(([b, k]) => [b, k - (alonePlaced.get(b) ?? 0)] as [string, number]),
	);
	const capacities = instance.provisions.map((p) => p.capacity);
	const sinkOf = new Map<string, number>();
	instance.provisions.forEach((p, j) => {
		if (j >= instance.published) sinkOf.set(p.borough, j);
	});
	for (const b of [...room.keys()].sort()) {
		if (!sinkOf.has(b)) sinkOf.set(b, capacities.push(0) - 1);
		capacities[sinkOf.get(b) as number] = room.get(b) as number;
	}
	const source: number[] = [];
	const sink: number[] = [];
	const cost: number[] = [];
	const origin: number[] = [];
	let spread = 0;
	let dearest = Number.NEGATIVE_INFINITY;
	for (let i = 0; i < n; i++) {
		let lo = Number.POSITIVE_INFINITY;
		let hi = Number.NEGATIVE_INFINITY;
		const add = (j: number, c: number, from: number) => {
			source.push(i);
			sink.push(j);
			cost.push(c);
			origin.push(from);
			lo = Math.min(lo, c);
			hi = Math.max(hi, c);
		};
		for (let e = edges.childStart[i] as number; e < (edges.childStart[i + 1] as number); e++) {
			if ((edges.total[e] as number) < U)
				add(edges.provision[e] as number, edges.total[e] as number, e);
		}
		if (!instance.fallback[i])
			add(sinkOf.get(instance.children[i]?.borough as string) as number, U, -1);
		spread += hi - lo;
		dearest = Math.max(dearest, hi);
	}
	const breaks = Math.max(U, dearest + spread);
	if (4 * (2 * breaks + 1) > Number.MAX_SAFE_INTEGER) return null;
	const csr = buildCsr({
		sourceCount: n,
		capacities,
		edges: {
			source: Int32Array.from(source),
			sink: Int32Array.from(sink),
			cost: Float64Array.from(cost),
		},
		unplacedCost: 2 * breaks + 1,
	});
	const provisions = instance.provisions.map((p, j) =>
		j >= instance.published ? { ...p, capacity: capacities[j] as number } : p,
	);
	return {
		csr,
		origin: Int32Array.from(origin),
		instance: { ...instance, provisions },
		room,
		breaks,
	};
}

/**
 * Solves the guarantee network with the round's engine; the allocation comes back in candidate
 * edges (−1: no placement found), with the same objective as the unconstrained round counts it.
 */
export function solveGuaranteed(
	model: GuaranteeModel,
	options: SolveOptions,
	warnings: string[],
): Outcome {
	const outcome = solvePure(model.csr, options, warnings);
	const flow = outcome.core?.flow;
	if (flow?.assign.some((j) => j < 0)) {
		throw new Error("the no-borough-worse-off guarantee left a child out of every sink");
	}
	return {
		...outcome,
		assignment: Int32Array.from(outcome.assignment, (k) =>
			k < 0 ? -1 : (model.origin[k] as number),
		),
	};
}

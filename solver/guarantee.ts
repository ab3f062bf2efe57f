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
 * every sink costs `outCost`; matching alone is a complete feasible point, so for a large enough
 * outCost the optimum leaves nobody out (see solveGuaranteed).
 */
export function guaranteeModel(
	instance: Instance,
	edges: CandidateEdges,
	alonePlaced: Map<string, number>,
	outCost: number,
): GuaranteeModel {
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
	const add = (i: number, j: number, c: number, from: number) => {
		source.push(i);
		sink.push(j);
		cost.push(c);
		origin.push(from);
	};
	for (let i = 0; i < n; i++) {
		for (let e = edges.childStart[i] as number; e < (edges.childStart[i + 1] as number); e++) {
			const total = edges.total[e] as number;
			if (total < U) add(i, edges.provision[e] as number, total, e);
		}
		const home = instance.children[i]?.borough as string;
		if (!instance.fallback[i]) add(i, sinkOf.get(home) as number, U, -1);
	}
	const csr = buildCsr({
		sourceCount: n,
		capacities,
		edges: {
			source: Int32Array.from(source),
			sink: Int32Array.from(sink),
			cost: Float64Array.from(cost),
		},
		unplacedCost: outCost,
	});
	const provisions = instance.provisions.map((p, j) =>
		j >= instance.published ? { ...p, capacity: capacities[j] as number } : p,
	);
	return {
		csr,
		origin: Int32Array.from(origin),
		instance: { ...instance, provisions },
		room,
		breaks: (outCost - 1) / 2,
	};
}

/**
 * Solves the guarantee network with the round's engine, exactly: first with leaving a child out
 * at 2(U + the dearest |edge|) + 1, then 16 times dearer until nobody is left out. A complete
 * allocation optimal with the option of leaving children out is optimal among complete ones,
 * and the certificate proves it. The allocation comes back in candidate edges (−1: no
 * placement found), with the objective counted as in the unconstrained round. Null when the
 * cost of leaving a child out outgrows exact integers first.
 */
export function solveGuaranteed(
	instance: Instance,
	edges: CandidateEdges,
	alonePlaced: Map<string, number>,
	options: SolveOptions,
	warnings: string[],
): { outcome: Outcome; model: GuaranteeModel } | null {
	let dearest = 0;
	for (const c of edges.total) dearest = Math.max(dearest, Math.abs(c));
	const U = instance.params.cost.unplacedPenalty;
	for (let out = 2 * (U + dearest) + 1; ; out = 16 * (out - 1) + 1) {
		// The simplex prices its artificial arcs at 4 Σ|cost| + 1 and needs 4 times that exact.
		if ((edges.count + instance.children.length) * out > Number.MAX_SAFE_INTEGER / 64) return null;
		const model = guaranteeModel(instance, edges, alonePlaced, out);
		const tried: string[] = [];
		const outcome = solvePure(model.csr, options, tried);
		if (outcome.core?.flow.assign.some((j) => j < 0)) continue;
		warnings.push(...tried);
		const assignment = Int32Array.from(outcome.assignment, (k) =>
			k < 0 ? -1 : (model.origin[k] as number),
		);
		return { outcome: { ...outcome, assignment }, model };
	}
}

import type { CandidateEdges } from "../candidates";
import { solveNetwork } from "../core/network";
import type { Csr } from "../core/problem";
import { reweightCsr } from "../core/reweight";
import type { Instance } from "../instance";
import type { Assignment } from "../summary";
import { repairAllocation } from "./repair";
import type { EdgeRowTable } from "./row-state";
import type { SideModel } from "./rows";

/** Costs are priced in hundredths of a pound and floored, so every bound stays valid. */
const SCALE = 100;

export interface Incumbent {
	assignment: Assignment;
	objective: number;
}

export interface LagrangianOutcome extends Incumbent {
	/** Best Lagrangian dual value, rounded up (costs are integers): a proven lower bound. */
	lowerBound: number;
	iterations: number;
	/** Final multipliers per row (budgets, then ceilings), in £ per unit of normalised row. */
	multipliers: number[];
}

/**
 * Lagrangian relaxation of the budget and out-of-borough rows. Each row r, normalised by its
 * limit, is priced into the edges at λ_r ≥ 0, and the priced transportation problem is solved
 * exactly by the network engine: L(λ) = min Σ (w + Σ_r λ_r a_r / s_r) x − Σ_r λ_r (limit_r / s_r)
 * is a lower bound on the constrained optimum for any λ ≥ 0 (groups are simply relaxed, which
 * keeps it a bound). λ moves by subgradient steps (Polyak step towards the best feasible
 * objective, halving θ after three steps without progress); every relaxed solution is
 * repaired into a feasible allocation, and the best one is kept.
 */
export function solveLagrangian(
	instance: Instance,
	edges: CandidateEdges,
	side: SideModel,
	table: EdgeRowTable,
	base: Csr,
	maxIterations: number,
	incumbent: Incumbent | null,
): LagrangianOutcome {
	const U = instance.params.cost.unplacedPenalty;
	const budgetRows = side.budgets.length;
	const limits = [...side.budgets.map((b) => b.cap), ...side.ceilings.map((c) => c.ceiling)];
	const scale = limits.map((l) => Math.max(1, l));
	const lambda = limits.map(() => 0);
	let best: Incumbent | null = incumbent;
	let bound = Number.NEGATIVE_INFINITY;
	let theta = 2;
	let stale = 0;
	let iterations = 0;
	const cost = new Float64Array(base.sink.length);
	for (; iterations < maxIterations; iterations++) {
		for (let at = 0; at < cost.length; at++) {
			const e = base.edge[at] as number;
			let priced = edges.total[e] as number;
			let extra = 0;
			for (let r = 0; r < limits.length; r++) {
				const l = lambda[r] as number;
				if (l !== 0) extra += (l * table.use(e, budgetRows, r)) / (scale[r] as number);
			}
			priced *= SCALE;
			// The margin keeps floating-point error from ever rounding a price up.
			cost[at] = extra === 0 ? priced : Math.floor(priced + extra * SCALE - 1e-6);
		}
		const csr = reweightCsr(base, cost, U * SCALE);
		const flow = solveNetwork(csr);
		const relaxed: Assignment = new Int32Array(instance.children.length).fill(-1);
		let scaled = 0;
		flow.assignAt.forEach((at, i) => {
			if (at >= 0) relaxed[i] = csr.edge[at] as number;
			scaled += at >= 0 ? (csr.cost[at] as number) : U * SCALE;
		});
		const usage = limits.map(() => 0);
		for (const e of relaxed) {
			if (e < 0) continue;
			for (let r = 0; r < limits.length; r++)
				usage[r] = (usage[r] as number) + table.use(e, budgetRows, r);
		}
		const value =
			scaled / SCALE -
			lambda.reduce((sum, l, r) => sum + (l * (limits[r] as number)) / (scale[r] as number), 0);
		if (value > bound + 1e-9) {
			bound = value;
			stale = 0;
		} else if (++stale >= 3) {
			theta /= 2;
			stale = 0;
		}
		const repaired = repairAllocation(side, instance, edges, table, relaxed);
		const objective = objectiveOf(edges, repaired, U);
		if (best === null || objective < best.objective) best = { assignment: repaired, objective };
		if (provenBound(bound, best.objective) >= best.objective) break;
		const g = usage.map((u, r) => (u - (limits[r] as number)) / (scale[r] as number));
		const norm = g.reduce((sum, x, r) => sum + (x < 0 && lambda[r] === 0 ? 0 : x * x), 0);
		if (norm === 0) break;
		const step = (theta * Math.max(best.objective - value, 1)) / norm;
		for (let r = 0; r < limits.length; r++) {
			lambda[r] = Math.max(0, (lambda[r] as number) + step * (g[r] as number));
		}
	}
	const final = best as Incumbent;
	return {
		assignment: final.assignment,
		objective: final.objective,
		lowerBound: Math.min(provenBound(bound, final.objective), final.objective),
		iterations,
		multipliers: lambda,
	};
}

/** Integer costs: the optimum is an integer, so a bound may be rounded up (after a margin). */
function provenBound(bound: number, scaleHint: number): number {
	if (!Number.isFinite(bound)) return bound;
	return Math.ceil(bound - 1e-9 * Math.max(1, Math.abs(scaleHint)));
}

export function objectiveOf(edges: CandidateEdges, assignment: Assignment, U: number): number {
	let total = 0;
	for (const e of assignment) total += e >= 0 ? (edges.total[e] as number) : U;
	return total;
}

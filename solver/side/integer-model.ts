import solver, { type Model } from "javascript-lp-solver";
import type { CandidateEdges } from "../candidates";
import type { Instance } from "../instance";
import type { Assignment } from "../summary";
import { edgeRows, type SideModel, sideUsage } from "./rows";

/**
 * The side-constrained allocation as a javascript-lp-solver integer model: maximise the saving
 * U − w of placed children subject to one place per child, capacities, budget and
 * out-of-borough rows, and for each group a choice of one setting (y variables) that every
 * placed member must be at. All rows are ≤ rows; `ints` (not `binaries`, which add rows).
 */
export function buildIntegerModel(
	instance: Instance,
	edges: CandidateEdges,
	side: SideModel,
	integer: boolean,
): Model {
	const U = instance.params.cost.unplacedPenalty;
	const constraints: Model["constraints"] = {};
	const variables: Model["variables"] = {};
	const ints: Record<string, 1> = {};
	side.budgets.forEach((b, r) => {
		constraints[`b${r}`] = { max: b.cap };
	});
	side.ceilings.forEach((c, r) => {
		constraints[`o${r}`] = { max: c.ceiling };
	});
	for (let e = 0; e < edges.count; e++) {
		const total = edges.total[e] as number;
		if (total >= U) continue;
		const i = edges.child[e] as number;
		const j = edges.provision[e] as number;
		constraints[`s${i}`] = { max: 1 };
		constraints[`k${j}`] = { max: instance.provisions[j]?.capacity ?? 0 };
		const column: Record<string, number> = { saving: U - total, [`s${i}`]: 1, [`k${j}`]: 1 };
		const rows = edgeRows(side, instance, edges, e);
		for (const [r, amount] of rows.budget) column[`b${r}`] = amount;
		if (rows.ceiling >= 0) column[`o${rows.ceiling}`] = 1;
		const g = side.groupOf[i] as number;
		if (g >= 0 && j < instance.published) {
			const urn = instance.provisions[j]?.settingUrn ?? "";
			const row = `m${g}_${i}_${urn}`;
			column[row] = 1;
			constraints[row] = { max: 0 };
			const choice = `y${g}_${urn}`;
			variables[choice] ??= { saving: 0, [`g${g}`]: 1 };
			(variables[choice] as Record<string, number>)[row] = -1;
			constraints[`g${g}`] = { max: 1 };
			ints[choice] = 1;
		}
		variables[`x${e}`] = column;
		ints[`x${e}`] = 1;
	}
	const model: Model = { optimize: "saving", opType: "max", constraints, variables };
	if (integer) model.ints = ints;
	return model;
}

export interface IntegerOutcome {
	assignment: Assignment;
	objective: number;
}

/**
 * Solves the integer model. javascript-lp-solver's timeout only bounds branch and bound and it
 * does not say whether the search finished, so the caller bounds the result independently.
 * Returns null when the answer is not integral or breaks a row (checked here, not trusted).
 */
export function solveIntegerModel(
	instance: Instance,
	edges: CandidateEdges,
	side: SideModel,
	timeoutMs: number,
): IntegerOutcome | null {
	const model = buildIntegerModel(instance, edges, side, true);
	model.timeout = timeoutMs;
	const result = solver.Solve(model);
	if (!result.feasible) return null;
	const assignment: Assignment = new Int32Array(instance.children.length).fill(-1);
	for (const key of Object.keys(result)) {
		if (!key.startsWith("x")) continue;
		const value = result[key];
		if (typeof value !== "number" || Math.abs(value - Math.round(value)) > 1e-6) return null;
		if (Math.round(value) === 0) continue;
		const e = Number(key.slice(1));
		const i = edges.child[e] as number;
		if (Math.round(value) !== 1 || (assignment[i] as number) >= 0) return null;
		assignment[i] = e;
	}
	const load = new Int32Array(instance.provisions.length);
	for (const e of assignment) {
		if (e < 0) continue;
		const j = edges.provision[e] as number;
		load[j] = (load[j] as number) + 1;
		if ((load[j] as number) > (instance.provisions[j]?.capacity ?? 0)) return null;
	}
	if (!sideUsage(side, instance, edges, assignment).satisfied) return null;
	const U = instance.params.cost.unplacedPenalty;
	let objective = 0;
	for (const e of assignment) objective += e >= 0 ? (edges.total[e] as number) : U;
	return { assignment, objective };
}

/**
 * Lower bound from the LP relaxation (no ints): nU − max relaxed saving, rounded up because
 * costs are integers, after allowing for the simplex's floating-point error.
 */
export function relaxationBound(
	instance: Instance,
	edges: CandidateEdges,
	side: SideModel,
): number {
	const result = solver.Solve(buildIntegerModel(instance, edges, side, false));
	const nU = instance.children.length * instance.params.cost.unplacedPenalty;
	if (!result.feasible || !Number.isFinite(result.result)) return Number.NEGATIVE_INFINITY;
	const tolerance = 1e-7 * Math.max(1, nU);
	return Math.ceil(nU - result.result - tolerance);
}

import solver, { type Model, type SolveResult } from "javascript-lp-solver";
import type { Csr } from "./problem";
import { type FlowState, UNPLACED } from "./residual";

/** javascript-lp-solver keeps a dense tableau: refuse models whose estimate exceeds this. */
export const DEFAULT_LP_MAX_TABLEAU_BYTES = 1_500_000_000;

export class LpTooLargeError extends Error {
	constructor(readonly estimatedBytes: number) {
		super(`the whole-model LP would need about ${Math.round(estimatedBytes / 1e6)} MB of tableau`);
		this.name = "LpTooLargeError";
	}
}

/**
 * Rows × (columns + slacks) × 8 bytes. Rows count only sources and sinks that have edges,
 * since the model leaves out empty rows.
 */
export function estimateTableauBytes(csr: Csr): number {
	const m = csr.sink.length;
	const sinks = new Set<number>(csr.sink);
	let sources = 0;
	for (let i = 0; i < csr.sourceCount; i++) if (csr.start[i + 1] !== csr.start[i]) sources++;
	const rows = sources + sinks.size + 1;
	return rows * (m + rows + 1) * 8;
}

/**
 * The transportation core as javascript-lp-solver's JSON model. It is written as "maximise
 * the saving U − w over placed children" with only ≤ rows (Σ_j x_ij ≤ 1, Σ_i x_ij ≤ c_j), so
 * the slack basis is feasible from the start, no unplaced variables are needed and no
 * `equal` row is doubled. The matrix is totally unimodular, so the vertex it returns is
 * integral; we still check that, and recompute the objective ourselves in integers.
 */
export function buildTransportModel(csr: Csr): Model {
	const constraints: Model["constraints"] = {};
	const variables: Model["variables"] = {};
	const U = csr.unplacedCost;
	for (let i = 0; i < csr.sourceCount; i++) {
		const first = csr.start[i] as number;
		const end = csr.start[i + 1] as number;
		if (first === end) continue;
		constraints[`s${i}`] = { max: 1 };
		for (let at = first; at < end; at++) {
			const j = csr.sink[at] as number;
			constraints[`k${j}`] ??= { max: csr.capacity[j] as number };
			variables[`x${at}`] = { saving: U - (csr.cost[at] as number), [`s${i}`]: 1, [`k${j}`]: 1 };
		}
	}
	return { optimize: "saving", opType: "max", constraints, variables };
}

/** Reads x values back as a flow; throws if a value is fractional or a row is broken. */
export function flowFromLp(csr: Csr, result: SolveResult): FlowState {
	if (!result.feasible) throw new Error("javascript-lp-solver reported the model infeasible");
	const n = csr.sourceCount;
	const flow: FlowState = {
		assign: new Int32Array(n).fill(UNPLACED),
		assignAt: new Int32Array(n).fill(-1),
		load: new Int32Array(csr.sinkCount),
	};
	for (const key of Object.keys(result)) {
		if (key.charCodeAt(0) !== 120 /* x */) continue;
		const value = result[key];
		if (typeof value !== "number") continue;
		const rounded = Math.round(value);
		if (Math.abs(value - rounded) > 1e-6)
			throw new Error(`LP value ${key} = ${value} is fractional`);
		if (rounded === 0) continue;
		const at = Number(key.slice(1));
		let i = 0;
		let hi = n - 1;
		while (i < hi) {
			const mid = (i + hi + 1) >> 1;
			if ((csr.start[mid] as number) <= at) i = mid;
			else hi = mid - 1;
		}
		if (rounded !== 1 || flow.assign[i] !== UNPLACED) throw new Error(`LP broke row s${i}`);
		const j = csr.sink[at] as number;
		flow.assign[i] = j;
		flow.assignAt[i] = at;
		flow.load[j] = (flow.load[j] as number) + 1;
		if ((flow.load[j] as number) > (csr.capacity[j] as number))
			throw new Error(`LP broke row k${j}`);
	}
	return flow;
}

export function solveLp(csr: Csr, maxTableauBytes = DEFAULT_LP_MAX_TABLEAU_BYTES): FlowState {
	const estimate = estimateTableauBytes(csr);
	if (estimate > maxTableauBytes) throw new LpTooLargeError(estimate);
	return flowFromLp(csr, solver.Solve(buildTransportModel(csr)));
}

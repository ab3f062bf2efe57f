import type { Highs } from "highs";
import type { Csr } from "./problem";
import { type FlowState, UNPLACED } from "./residual";

/** The loaded HiGHS WebAssembly module (`await loadHighs()` from the `highs` package). */
export type HighsModule = Highs;

export interface HighsOptions {
	/** Wall-clock limit handed to HiGHS (seconds); default 120. */
	timeLimitSeconds?: number;
	/**
	 * Refuse models with more nonzeros than this: WebAssembly memory ends at 2 GiB, and the
	 * 15,000 × 1,500 model (654k nonzeros) already takes about 330 MB of it. Default 4 million.
	 */
	maxNonzeros?: number;
}

export class HighsNotSolvedError extends Error {
	constructor(readonly status: string) {
		super(`HiGHS did not prove an optimum (status: ${status})`);
		this.name = "HighsNotSolvedError";
	}
}

export interface HighsRun {
	flow: FlowState;
	/** HiGHS's own objective (floating point); the caller recomputes it in integers. */
	reportedObjective: number;
	iterations: number;
	/** WebAssembly linear memory after the solve (it only grows). */
	wasmBytes: number;
}

/**
 * The transportation core as an LP for HiGHS, passed as CSC arrays: one column per edge
 * (0 ≤ x ≤ 1) with a 1 in its source's row (Σ_j x_ij ≤ 1) and its sink's row (Σ_i x_ij ≤ c_j).
 * Minimising Σ (w − U) x plus the constant nU is the same as Σ w x + U × (sources left
 * unplaced), so no unplaced columns are needed. The matrix is totally unimodular, so the
 * simplex vertex is integral; that is checked, never assumed. Presolve is off: on this model
 * it costs more time and memory than it saves. The native model is always disposed.
 */
export function solveHighs(csr: Csr, highs: HighsModule, options: HighsOptions = {}): HighsRun {
	const n = csr.sourceCount;
	const p = csr.sinkCount;
	const m = csr.sink.length;
	const maxNonzeros = options.maxNonzeros ?? 4_000_000;
	if (2 * m > maxNonzeros) {
		throw new HighsNotSolvedError(`model too large: ${2 * m} nonzeros, limit ${maxNonzeros}`);
	}
	// With no edges at all HiGHS has nothing to solve (status "empty"): everyone is unplaced.
	if (m === 0)
		return {
			flow: flowFromColumns(csr, new Float64Array(0)),
			reportedObjective: n * csr.unplacedCost,
			iterations: 0,
			wasmBytes: highs.memoryBytes,
		};
	const U = csr.unplacedCost;
	const starts = new Int32Array(m + 1);
	const indices = new Int32Array(2 * m);
	const colCost = new Float64Array(m);
	for (let i = 0; i < n; i++) {
		for (let at = csr.start[i] as number; at < (csr.start[i + 1] as number); at++) {
			indices[2 * at] = i;
			indices[2 * at + 1] = n + (csr.sink[at] as number);
			colCost[at] = (csr.cost[at] as number) - U;
			starts[at + 1] = 2 * at + 2;
		}
	}
	const rowUpper = new Float64Array(n + p).fill(1, 0, n);
	rowUpper.set(csr.capacity, n);
	const model = highs.createModel({
		numCols: m,
		numRows: n + p,
		offset: n * U,
		colCost,
		colLower: new Float64Array(m),
		colUpper: new Float64Array(m).fill(1),
		rowLower: new Float64Array(n + p).fill(-highs.infinity),
		rowUpper,
		matrix: {
			format: "csc",
			numRows: n + p,
			numCols: m,
			starts,
			indices,
			values: new Float64Array(2 * m).fill(1),
		},
	});
	try {
		model.options.set({
			output_flag: false,
			solver: "simplex",
			presolve: "off",
			time_limit: options.timeLimitSeconds ?? 120,
		});
		model.run();
		const status = model.getModelStatus();
		if (status !== highs.constants.modelStatus.optimal) {
			throw new HighsNotSolvedError(statusName(highs, status));
		}
		return {
			flow: flowFromColumns(csr, model.getSolution().colValue),
			reportedObjective: model.getObjectiveValue(),
			iterations: Number(model.info.get("simplex_iteration_count")),
			wasmBytes: highs.memoryBytes,
		};
	} finally {
		model.dispose();
	}
}

function statusName(highs: HighsModule, status: number): string {
	const names = Object.entries(highs.constants.modelStatus);
	return names.find(([, code]) => code === status)?.[0] ?? `code ${status}`;
}

/** Reads column values back as a flow; refuses a fractional value or a broken row. */
export function flowFromColumns(csr: Csr, value: Float64Array): FlowState {
	const n = csr.sourceCount;
	const flow: FlowState = {
		assign: new Int32Array(n).fill(UNPLACED),
		assignAt: new Int32Array(n).fill(-1),
		load: new Int32Array(csr.sinkCount),
	};
	for (let i = 0; i < n; i++) {
		for (let at = csr.start[i] as number; at < (csr.start[i + 1] as number); at++) {
			const x = value[at] as number;
			const rounded = Math.round(x);
			if (Math.abs(x - rounded) > 1e-6)
				throw new HighsNotSolvedError(`x${at} = ${x} is fractional`);
			if (rounded === 0) continue;
			if (rounded !== 1 || flow.assign[i] !== UNPLACED) {
				throw new HighsNotSolvedError(`row s${i} broken`);
			}
			const j = csr.sink[at] as number;
			flow.assign[i] = j;
			flow.assignAt[i] = at;
			flow.load[j] = (flow.load[j] as number) + 1;
			if ((flow.load[j] as number) > (csr.capacity[j] as number)) {
				throw new HighsNotSolvedError(`row k${j} broken`);
			}
		}
	}
	return flow;
}

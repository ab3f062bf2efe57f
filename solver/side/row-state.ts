import type { CandidateEdges } from "../candidates";
import type { Instance } from "../instance";
import type { Assignment } from "../summary";
import { edgeRows, type SideModel } from "./rows";

/** Per-edge row coefficients, precomputed once: at most two budget rows and one ceiling. */
export class EdgeRowTable {
	readonly budgetRowA: Int32Array;
	readonly budgetAmountA: Float64Array;
	readonly budgetRowB: Int32Array;
	readonly budgetAmountB: Float64Array;
	readonly ceilingRow: Int32Array;

	constructor(side: SideModel, instance: Instance, edges: CandidateEdges) {
		const m = edges.count;
		this.budgetRowA = new Int32Array(m).fill(-1);
		this.budgetAmountA = new Float64Array(m);
		this.budgetRowB = new Int32Array(m).fill(-1);
		this.budgetAmountB = new Float64Array(m);
		this.ceilingRow = new Int32Array(m).fill(-1);
		for (let e = 0; e < m; e++) {
			const rows = edgeRows(side, instance, edges, e);
			const [a, b] = rows.budget;
			if (a) [this.budgetRowA[e], this.budgetAmountA[e]] = a;
			if (b) [this.budgetRowB[e], this.budgetAmountB[e]] = b;
			this.ceilingRow[e] = rows.ceiling;
		}
	}

	/** Usage of row r (budget rows first, then ceilings) by edge e. */
	use(e: number, budgetRows: number, r: number): number {
		if (r < budgetRows) {
			if (this.budgetRowA[e] === r) return this.budgetAmountA[e] as number;
			if (this.budgetRowB[e] === r) return this.budgetAmountB[e] as number;
			return 0;
		}
		return this.ceilingRow[e] === r - budgetRows ? 1 : 0;
	}
}

/**
 * An allocation with running row usage and loads, so that moves can be checked and applied in
 * O(1). Rows are numbered budgets first, then out-of-borough ceilings.
 */
export class RowState {
	readonly used: Float64Array;
	readonly limit: Float64Array;
	readonly load: Int32Array;
	readonly budgetRows: number;

	constructor(
		readonly side: SideModel,
		readonly instance: Instance,
		readonly edges: CandidateEdges,
		readonly table: EdgeRowTable,
		readonly assignment: Assignment,
	) {
		this.budgetRows = side.budgets.length;
		const rows = side.budgets.length + side.ceilings.length;
		this.used = new Float64Array(rows);
		this.limit = Float64Array.from([
			...side.budgets.map((b) => b.cap),
			...side.ceilings.map((c) => c.ceiling),
		]);
		this.load = new Int32Array(instance.provisions.length);
		for (const e of assignment) if (e >= 0) this.add(e, 1);
	}

	private add(e: number, sign: number): void {
		const t = this.table;
		const j = this.edges.provision[e] as number;
		this.load[j] = (this.load[j] as number) + sign;
		const a = t.budgetRowA[e] as number;
		if (a >= 0) this.used[a] = (this.used[a] as number) + sign * (t.budgetAmountA[e] as number);
		const b = t.budgetRowB[e] as number;
		if (b >= 0) this.used[b] = (this.used[b] as number) + sign * (t.budgetAmountB[e] as number);
		const c = t.ceilingRow[e] as number;
		if (c >= 0) {
			const r = this.budgetRows + c;
			this.used[r] = (this.used[r] as number) + sign;
		}
	}

	/** Moves child i onto edge e (or −1: unplaced). */
	set(i: number, e: number): void {
		const old = this.assignment[i] as number;
		if (old >= 0) this.add(old, -1);
		this.assignment[i] = e;
		if (e >= 0) this.add(e, 1);
	}

	/** Would child i on edge e (leaving its current edge) fit capacity, and push no row over? */
	fits(i: number, e: number): boolean {
		const old = this.assignment[i] as number;
		const j = this.edges.provision[e] as number;
		const sameSink = old >= 0 && this.edges.provision[old] === j;
		if (!sameSink && (this.load[j] as number) >= (this.instance.provisions[j]?.capacity ?? 0)) {
			return false;
		}
		for (const r of this.rowsOf(e)) {
			const change =
				this.table.use(e, this.budgetRows, r) -
				(old >= 0 ? this.table.use(old, this.budgetRows, r) : 0);
			if (change > 0 && (this.used[r] as number) + change > (this.limit[r] as number)) return false;
		}
		return true;
	}

	rowsOf(e: number): number[] {
		const t = this.table;
		const rows: number[] = [];
		if ((t.budgetRowA[e] as number) >= 0) rows.push(t.budgetRowA[e] as number);
		if ((t.budgetRowB[e] as number) >= 0) rows.push(t.budgetRowB[e] as number);
		if ((t.ceilingRow[e] as number) >= 0) rows.push(this.budgetRows + (t.ceilingRow[e] as number));
		return rows;
	}

	violated(): number[] {
		const out: number[] = [];
		this.used.forEach((u, r) => {
			if (u > (this.limit[r] as number)) out.push(r);
		});
		return out;
	}
}

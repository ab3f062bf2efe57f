import type { CandidateEdges } from "../candidates";
import { compareIds, type Instance } from "../instance";
import type { Assignment } from "../summary";
import { type EdgeRowTable, RowState } from "./row-state";
import type { SideModel } from "./rows";

/**
 * Turns any capacity-feasible allocation into one that meets every side constraint, then
 * improves it greedily. Groups: placed members move to the setting most of them are at, or
 * are unplaced. Rows: for each row over its limit, children are moved (to a cheaper-for-the-
 * row edge that fits) or unplaced in order of extra cost per unit of excess removed; an
 * unplaced child pays nothing, so this always ends feasible. Group members are only ever
 * unplaced here, which keeps their group together. Last, every child tries, cheapest first,
 * edges cheaper than its current one that fit and keep its group together.
 */
export function repairAllocation(
	side: SideModel,
	instance: Instance,
	edges: CandidateEdges,
	table: EdgeRowTable,
	start: Assignment,
): Assignment {
	const state = new RowState(side, instance, edges, table, Int32Array.from(start));
	keepGroupsTogether(state);
	fixRows(state);
	improve(state);
	improve(state);
	return state.assignment;
}

/** The setting of edge e; null for the independent-sector fallback, which groups ignore. */
function settingOf(state: RowState, e: number): string | null {
	const j = state.edges.provision[e] as number;
	if (j >= state.instance.published) return null;
	return state.instance.provisions[j]?.settingUrn ?? "";
}

function keepGroupsTogether(state: RowState): void {
	for (const members of state.side.groups) {
		const count = new Map<string, number>();
		for (const i of members) {
			const e = state.assignment[i] as number;
			const urn = e >= 0 ? settingOf(state, e) : null;
			if (urn !== null) count.set(urn, (count.get(urn) ?? 0) + 1);
		}
		if (count.size <= 1) continue;
		const target = [...count.entries()].sort(
			(a, b) => b[1] - a[1] || compareIds(a[0], b[0]),
		)[0]?.[0];
		for (const i of members) {
			const e = state.assignment[i] as number;
			if (e < 0 || settingOf(state, e) === null || settingOf(state, e) === target) continue;
			state.set(i, -1);
			for (
				let k = state.edges.childStart[i] as number;
				k < (state.edges.childStart[i + 1] as number);
				k++
			) {
				if (settingOf(state, k) === target && state.fits(i, k)) {
					state.set(i, k);
					break;
				}
			}
		}
	}
}

function fixRows(state: RowState): void {
	const { edges, table } = state;
	const U = state.instance.params.cost.unplacedPenalty;
	for (let pass = 0; pass < 20; pass++) {
		const violated = state.violated();
		if (violated.length === 0) return;
		for (const r of violated) {
			const moves: { i: number; e: number; ratio: number }[] = [];
			state.assignment.forEach((e, i) => {
				const use = e >= 0 ? table.use(e, state.budgetRows, r) : 0;
				if (use <= 0) return;
				let best = { i, e: -1, ratio: (U - (edges.total[e] as number)) / use };
				if ((state.side.groupOf[i] as number) < 0) {
					for (
						let k = edges.childStart[i] as number;
						k < (edges.childStart[i + 1] as number);
						k++
					) {
						const relief = use - table.use(k, state.budgetRows, r);
						if (k === e || relief <= 0 || (edges.total[k] as number) >= U || !state.fits(i, k))
							continue;
						const ratio = ((edges.total[k] as number) - (edges.total[e] as number)) / relief;
						if (ratio < best.ratio) best = { i, e: k, ratio };
					}
				}
				moves.push(best);
			});
			moves.sort((a, b) => a.ratio - b.ratio || a.i - b.i);
			for (const move of moves) {
				if ((state.used[r] as number) <= (state.limit[r] as number)) break;
				state.set(move.i, move.e >= 0 && state.fits(move.i, move.e) ? move.e : -1);
			}
		}
	}
	// Unplacing only lowers usage, so a last sweep guarantees feasibility.
	for (const r of state.violated()) {
		state.assignment.forEach((e, i) => {
			if (
				e >= 0 &&
				(state.used[r] as number) > (state.limit[r] as number) &&
				table.use(e, state.budgetRows, r) > 0
			) {
				state.set(i, -1);
			}
		});
	}
}

function improve(state: RowState): void {
	const { edges, side } = state;
	const U = state.instance.params.cost.unplacedPenalty;
	for (let i = 0; i < state.assignment.length; i++) {
		const current = state.assignment[i] as number;
		const currentCost = current >= 0 ? (edges.total[current] as number) : U;
		const g = side.groupOf[i] as number;
		const together = g >= 0 ? groupSetting(state, g, i) : null;
		for (let k = edges.childStart[i] as number; k < (edges.childStart[i + 1] as number); k++) {
			if ((edges.total[k] as number) >= currentCost) break;
			const urn = settingOf(state, k);
			if (together !== null && urn !== null && urn !== together) continue;
			if (state.fits(i, k)) {
				state.set(i, k);
				break;
			}
		}
	}
}

/** Setting of the other placed members of group g (null when none is placed). */
function groupSetting(state: RowState, g: number, except: number): string | null {
	for (const i of state.side.groups[g] ?? []) {
		const e = state.assignment[i] as number;
		const urn = i !== except && e >= 0 ? settingOf(state, e) : null;
		if (urn !== null) return urn;
	}
	return null;
}

import type { CandidateEdges } from "../candidates";
import { compareIds, type Instance } from "../instance";
import type { SideConstraintUsage } from "../result-types";
import type { Assignment } from "../summary";
import type { Child, Provision, SideConstraints } from "../types";

/**
 * Side constraints in index form. A budget row for borough b counts what b pays: top-up, fee
 * and transport of its own children, plus place funding of any child placed in a setting b
 * hosts. An out-of-borough row counts b's children placed in another borough's settings.
 * A group's placed members must all be at one setting (members may still be unplaced, each
 * at the unplaced penalty); groups sharing a child are merged.
 */
export interface SideModel {
	budgets: { borough: string; cap: number }[];
	ceilings: { borough: string; ceiling: number }[];
	groups: number[][];
	budgetRow: Map<string, number>;
	ceilingRow: Map<string, number>;
	/** Group index per child, −1 when in none. */
	groupOf: Int32Array;
}

export function buildSideModel(
	instance: Instance,
	side: SideConstraints | undefined,
	warnings: string[],
): SideModel | null {
	if (!side) return null;
	const budgets = Object.entries(side.budgetCaps ?? {})
		.map(([borough, cap]) => ({ borough, cap }))
		.sort((a, b) => compareIds(a.borough, b.borough));
	const ceilings = Object.entries(side.outOfBoroughCeilings ?? {})
		.map(([borough, ceiling]) => ({ borough, ceiling }))
		.sort((a, b) => compareIds(a.borough, b.borough));
	const groups = mergeGroups(instance, side.sameSettingGroups ?? [], warnings);
	if (budgets.length + ceilings.length + groups.length === 0) return null;
	const groupOf = new Int32Array(instance.children.length).fill(-1);
	groups.forEach((members, g) => {
		for (const i of members) groupOf[i] = g;
	});
	return {
		budgets,
		ceilings,
		groups,
		budgetRow: new Map(budgets.map((b, r) => [b.borough, r])),
		ceilingRow: new Map(ceilings.map((c, r) => [c.borough, r])),
		groupOf,
	};
}

function mergeGroups(instance: Instance, raw: string[][], warnings: string[]): number[][] {
	const parent = instance.children.map((_, i) => i);
	const find = (i: number): number => {
		while (parent[i] !== i) i = parent[i] as number;
		return i;
	};
	const inGroup = new Set<number>();
	for (const ids of raw) {
		const members = ids.flatMap((id) => {
			const i = instance.childIndex.get(id);
			if (i === undefined) warnings.push(`same-setting group names unknown child ${id}`);
			return i === undefined ? [] : [i];
		});
		for (const i of members) inGroup.add(i);
		for (const i of members.slice(1)) parent[find(i)] = find(members[0] as number);
	}
	const byRoot = new Map<number, number[]>();
	for (const i of [...inGroup].sort((a, b) => a - b)) {
		byRoot.set(find(i), [...(byRoot.get(find(i)) ?? []), i]);
	}
	return [...byRoot.values()]
		.filter((g) => g.length > 1)
		.sort((a, b) => (a[0] as number) - (b[0] as number));
}

/** Row coefficients of edge e: [budget row, amount] pairs and the ceiling row it counts in. */
export function edgeRows(
	model: SideModel,
	instance: Instance,
	edges: CandidateEdges,
	e: number,
): { budget: [number, number][]; ceiling: number } {
	// The independent-sector fallback is bought outside the round: no budget or ceiling row.
	if ((edges.provision[e] as number) >= instance.published) return { budget: [], ceiling: -1 };
	const child = instance.children[edges.child[e] as number] as Child;
	const provision = instance.provisions[edges.provision[e] as number] as Provision;
	const budget: [number, number][] = [];
	const home = model.budgetRow.get(child.borough);
	const host = model.budgetRow.get(provision.borough);
	const homePays =
		(edges.topUp[e] as number) + (edges.fee[e] as number) + (edges.transport[e] as number);
	const hostPays = edges.placeFunding[e] as number;
	if (home !== undefined && home === host) budget.push([home, homePays + hostPays]);
	else {
		if (home !== undefined && homePays !== 0) budget.push([home, homePays]);
		if (host !== undefined && hostPays !== 0) budget.push([host, hostPays]);
	}
	const out = child.borough !== provision.borough;
	const ceiling = out ? (model.ceilingRow.get(child.borough) ?? -1) : -1;
	return { budget, ceiling };
}

export function sideUsage(
	model: SideModel,
	instance: Instance,
	edges: CandidateEdges,
	assignment: Assignment,
): SideConstraintUsage {
	const budgetUsed = model.budgets.map(() => 0);
	const ceilingUsed = model.ceilings.map(() => 0);
	assignment.forEach((e) => {
		if (e < 0) return;
		const rows = edgeRows(model, instance, edges, e);
		for (const [r, amount] of rows.budget) budgetUsed[r] = (budgetUsed[r] as number) + amount;
		if (rows.ceiling >= 0) ceilingUsed[rows.ceiling] = (ceilingUsed[rows.ceiling] as number) + 1;
	});
	const groups = model.groups.map((members) => {
		const urns = new Set<string>();
		for (const i of members) {
			const e = assignment[i] as number;
			const j = e >= 0 ? (edges.provision[e] as number) : -1;
			if (j >= 0 && j < instance.published) urns.add(instance.provisions[j]?.settingUrn ?? "");
		}
		return {
			childIds: members.map((i) => instance.children[i]?.id ?? ""),
			settingUrns: [...urns].sort(compareIds),
			together: urns.size <= 1,
		};
	});
	const budgets = model.budgets.map((b, r) => ({ ...b, used: budgetUsed[r] as number }));
	const outOfBorough = model.ceilings.map((c, r) => ({ ...c, used: ceilingUsed[r] as number }));
	const satisfied =
		budgets.every((b) => b.used <= b.cap) &&
		outOfBorough.every((c) => c.used <= c.ceiling) &&
		groups.every((g) => g.together);
	return { budgets, outOfBorough, groups, satisfied };
}

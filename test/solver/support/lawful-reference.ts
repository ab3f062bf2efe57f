/**
 * The lawful preference rule restated from the issue and DOMAIN.md (s.39), independently of the
 * solver: which preferences carry the priority, and the lexicographic optimum by enumeration.
 */
import type { Child, Params, Provision } from "../../../solver/index";
import { type ReferenceEdge, referenceEdges, referenceUnplacedCost } from "./reference";

/**
 * Priority units of child's edge to provision (0 when not a lawful preference). `alternatives`:
 * each child's best alternative's public money (the place a cost-only round gives it; null for
 * none), against which the resources test compares.
 */
export function referencePriority(
	child: Child,
	provision: Provision,
	edges: Map<string, ReferenceEdge>,
	alternatives: Map<string, number | null>,
	params: Params,
	maxRank: number,
): number {
	const policy = params.lawfulPreferences;
	const rank = (child.preferences ?? []).indexOf(provision.settingUrn) + 1;
	const edge = edges.get(`${child.id}→${provision.id}`);
	if (!policy || rank === 0 || !edge) return 0;
	if (provision.level === "special_independent" && !provision.s41Approved) {
		if (!policy.nonApprovedIndependentByAgreement) return 0;
	}
	const alt = alternatives.get(child.id) ?? null;
	if (alt !== null) {
		const extra = edge.money - alt;
		const test = policy.resourcesTest.byBorough?.[child.borough] ?? policy.resourcesTest.default;
		if (test.absolute !== null && extra > test.absolute) return 0;
		if (test.percent !== null && extra > (test.percent / 100) * alt) return 0;
	}
	return maxRank + 1 - rank;
}

/** The lexicographic optimum: most priority units, then the least cost (no credits). */
export function bruteForceLexicographic(
	children: Child[],
	provisions: Provision[],
	params: Params,
	alternatives: Map<string, number | null>,
): { units: number; cost: number } {
	const edges = referenceEdges(children, provisions, params);
	const maxRank = Math.max(0, ...children.map((c) => c.preferences?.length ?? 0));
	const room = new Map(provisions.map((p) => [p.id, p.capacity]));
	let best = { units: -1, cost: Number.POSITIVE_INFINITY };
	const visit = (k: number, units: number, cost: number): void => {
		const child = children[k];
		if (!child) {
			if (units > best.units || (units === best.units && cost < best.cost)) best = { units, cost };
			return;
		}
		for (const p of provisions) {
			const edge = edges.get(`${child.id}→${p.id}`);
			const left = room.get(p.id) ?? 0;
			if (!edge || left <= 0) continue;
			const credit = (child.preferences ?? []).includes(p.settingUrn)
				? Math.round(
						params.cost.preferenceCredit[(child.preferences ?? []).indexOf(p.settingUrn)] ?? 0,
					)
				: 0;
			room.set(p.id, left - 1);
			visit(
				k + 1,
				units + referencePriority(child, p, edges, alternatives, params, maxRank),
				cost + edge.total + credit,
			);
			room.set(p.id, left);
		}
		visit(k + 1, units, cost + referenceUnplacedCost(child, params));
	};
	visit(0, 0, 0);
	return best;
}

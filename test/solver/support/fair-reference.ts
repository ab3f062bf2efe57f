import type { Child, Params, Provision } from "../../../solver/index";
import { referenceEdges, referenceUnplacedCost } from "./reference";

/**
 * The optimum by exhaustive enumeration among allocations that place at least `atLeast[b]`
 * of each home borough b's children in published supply (an empty map: no such floor). For
 * tiny instances only.
 */
export function bruteForceWithFloors(
	children: Child[],
	provisions: Provision[],
	params: Params,
	atLeast: Map<string, number>,
): number {
	const edges = referenceEdges(children, provisions, params);
	const U = params.cost.unplacedPenalty;
	const room = new Map(provisions.map((p) => [p.id, p.capacity]));
	const placed = new Map<string, number>();
	let best = Number.POSITIVE_INFINITY;
	const visit = (k: number, cost: number): void => {
		const child = children[k];
		if (!child) {
			for (const [b, floor] of atLeast) if ((placed.get(b) ?? 0) < floor) return;
			best = Math.min(best, cost);
			return;
		}
		for (const p of provisions) {
			const edge = edges.get(`${child.id}→${p.id}`);
			const left = room.get(p.id) ?? 0;
			if (!edge || left <= 0 || edge.total >= U) continue;
			room.set(p.id, left - 1);
			placed.set(child.borough, (placed.get(child.borough) ?? 0) + 1);
			visit(k + 1, cost + edge.total);
			placed.set(child.borough, (placed.get(child.borough) ?? 0) - 1);
			room.set(p.id, left);
		}
		visit(k + 1, cost + referenceUnplacedCost(child, params));
	};
	visit(0, 0);
	return best;
}

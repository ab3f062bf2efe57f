import type {
	Child,
	Params,
	Provision,
	SideConstraints,
	TravelMatrix,
} from "../../../solver/index";
import { meetsSideConstraints, referenceEdges, referenceUnplacedCost } from "./reference";

/**
 * The optimum by exhaustive enumeration: every child either takes one of its feasible
 * provisions (with room) or stays out of published supply (its fallback, or unplaced). For tiny instances only (≤ 6 × 3 or so).
 */
export function bruteForceOptimum(
	children: Child[],
	provisions: Provision[],
	params: Params,
	options: { matrix?: TravelMatrix; side?: SideConstraints } = {},
): number {
	const edges = referenceEdges(children, provisions, params, options.matrix);
	const U = params.cost.unplacedPenalty;
	const room = new Map(provisions.map((p) => [p.id, p.capacity]));
	const proposal = new Map<string, string>();
	let best = Number.POSITIVE_INFINITY;
	// No pruning on the partial cost: preference credits make edge costs negative, so a partial
	// sum above the best so far can still end below it. Tiny instances enumerate fully anyway.
	const visit = (k: number, cost: number): void => {
		const child = children[k];
		if (!child) {
			if (
				!options.side ||
				meetsSideConstraints(proposal, children, provisions, edges, options.side)
			) {
				best = Math.min(best, cost);
			}
			return;
		}
		for (const p of provisions) {
			const edge = edges.get(`${child.id}→${p.id}`);
			const left = room.get(p.id) ?? 0;
			if (!edge || left <= 0 || edge.total >= U) continue;
			room.set(p.id, left - 1);
			proposal.set(child.id, p.id);
			visit(k + 1, cost + edge.total);
			proposal.delete(child.id);
			room.set(p.id, left);
		}
		visit(k + 1, cost + referenceUnplacedCost(child, params));
	};
	visit(0, 0);
	return best;
}

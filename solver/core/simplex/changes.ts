import type { NetworkSimplex } from "./network-simplex";
import { AT_LOWER, AT_UPPER, IN_TREE } from "./spanning-tree";

/**
 * Changes to a solved network that keep its basis, so that `solve()` re-optimises from there
 * (a warm re-solve) instead of from scratch. Each leaves a feasible basis whose potentials
 * price every tree arc at 0; the pivots that follow repair optimality.
 */

/**
 * Whether arc e can take this cost warm: the artificial arcs must stay dearer than any path of
 * real arcs, so a cost that lifts the sum of |costs| to their price needs a solve afresh.
 */
export function costFitsWarm(simplex: NetworkSimplex, e: number, cost: number): boolean {
	const costSum = simplex.costSum - Math.abs(simplex.cost[e] as number) + Math.abs(cost);
	return costSum < simplex.artificialCost;
}

/** A new cost for arc e: a tree arc moves the potentials below it, a nontree arc may now enter. */
export function setArcCost(simplex: NetworkSimplex, e: number, cost: number): void {
	if (!Number.isSafeInteger(cost)) throw new Error(`arc ${e}: cost must be an integer`);
	if (e < 0 || e >= simplex.arcCount) throw new Error(`arc ${e} does not exist`);
	if (!costFitsWarm(simplex, e, cost)) throw new Error("cost too large for a warm re-solve");
	const old = simplex.cost[e] as number;
	simplex.costSum = simplex.costSum - Math.abs(old) + Math.abs(cost);
	simplex.cost[e] = cost;
	if (simplex.state[e] !== IN_TREE) return;
	const below = childEnd(simplex, e);
	shiftSubtree(simplex, below, -(simplex.tree.dir[below] as number) * (cost - old));
}

/**
 * A new capacity for arc e. Flow within the new bound: nothing moves, unless a nontree arc at
 * its old upper bound now sits between bounds, when it pushes the new room round its cycle (its
 * reduced cost is ≤ 0, so that never costs more). Flow above it: a nontree arc first sheds what
 * its cycle takes; whatever is still too much on a tree arc moves onto the parallel artificial
 * arc, which the pivots then empty (so e must touch the root, as every capacity arc of the
 * transportation network does).
 */
export function setArcCapacity(simplex: NetworkSimplex, e: number, capacity: number): void {
	if (!(Number.isSafeInteger(capacity) && capacity >= 0) && capacity !== Number.POSITIVE_INFINITY)
		throw new Error(`arc ${e}: capacity must be an integer ≥ 0`);
	if (e < 0 || e >= simplex.arcCount) throw new Error(`arc ${e} does not exist`);
	const { flow, state } = simplex;
	simplex.capacity[e] = capacity;
	const f = flow[e] as number;
	if (state[e] !== IN_TREE) {
		if (f === 0) state[e] = AT_LOWER;
		else if (f === capacity) state[e] = AT_UPPER;
		else if (f < capacity) simplex.pivot(e, true, capacity - f);
		else simplex.pivot(e, false, f - capacity);
	}
	const excess = (flow[e] as number) - capacity;
	if (state[e] === IN_TREE && excess > 0) moveExcessToArtificial(simplex, e, excess);
}

/** The node below tree arc e (the one whose parent arc it is). */
function childEnd(simplex: NetworkSimplex, e: number): number {
	const s = simplex.source[e] as number;
	return simplex.tree.pred[s] === e ? s : (simplex.target[e] as number);
}

function shiftSubtree(simplex: NetworkSimplex, top: number, shift: number): void {
	const { thread, succNum } = simplex.tree;
	const { pi } = simplex;
	for (let x = top, left = succNum[top] as number; left > 0; left--, x = thread[x] as number) {
		pi[x] = (pi[x] as number) + shift;
	}
}

function moveExcessToArtificial(simplex: NetworkSimplex, e: number, excess: number): void {
	const { tree, source, target, flow, state } = simplex;
	const below = childEnd(simplex, e);
	if (tree.parent[below] !== tree.root)
		throw new Error(`arc ${e}: only an arc at the root can lose capacity below its flow`);
	const a = simplex.arcCount + below;
	if (state[a] === IN_TREE || (flow[a] as number) > 0) throw new Error("artificial arc in use");
	// The artificial arc runs the same way as e, carries the excess, and takes e's place.
	source[a] = source[e] as number;
	target[a] = target[e] as number;
	flow[a] = excess;
	flow[e] = (flow[e] as number) - excess;
	state[a] = IN_TREE;
	state[e] = AT_UPPER;
	tree.pred[below] = a;
	const dir = tree.dir[below] as number;
	shiftSubtree(simplex, below, -dir * ((simplex.cost[a] as number) - (simplex.cost[e] as number)));
}

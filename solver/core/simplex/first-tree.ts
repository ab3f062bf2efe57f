import type { NetworkSimplex } from "./network-simplex";
import { AT_LOWER, AT_UPPER, DOWN, IN_TREE, UP } from "./spanning-tree";

/**
 * Builds the simplex's spanning tree from one arc per node (`pred[v]`, joining v to its parent;
 * ignored at the root) and the current arc flows: parents, directions, the preorder thread,
 * subtree sizes and ends, and the potentials (π(root) = 0, every tree arc's reduced cost 0).
 * Arcs outside the tree must sit at a bound, and get the state that says which; the tree must
 * be strongly feasible (checked).
 */
export function buildTree(simplex: NetworkSimplex, pred: Int32Array): void {
	const { tree, source, target, cost, flow, capacity, state, pi } = simplex;
	const { root, nodeCount: n, parent, dir, thread, revThread, succNum, lastSucc } = tree;
	const childCount = new Int32Array(n + 1);
	for (let v = 0; v < n; v++) {
		if (v === root) continue;
		const e = pred[v] as number;
		const s = source[e] as number;
		const t = target[e] as number;
		if (s !== v && t !== v) throw new Error(`node ${v}: its tree arc ${e} does not touch it`);
		parent[v] = s === v ? t : s;
		dir[v] = s === v ? UP : DOWN;
		tree.pred[v] = e;
		childCount[(parent[v] as number) + 1] = (childCount[(parent[v] as number) + 1] as number) + 1;
	}
	for (let v = 0; v < n; v++)
		childCount[v + 1] = (childCount[v + 1] as number) + (childCount[v] as number);
	const children = new Int32Array(Math.max(0, n - 1));
	const fill = childCount.slice(0, n);
	for (let v = 0; v < n; v++) {
		if (v === root) continue;
		const u = parent[v] as number;
		children[fill[u] as number] = v;
		fill[u] = (fill[u] as number) + 1;
	}
	// Depth-first preorder from the root with an explicit stack.
	const stack = new Int32Array(n);
	const order = new Int32Array(n);
	let top = 0;
	stack[top++] = root;
	let seen = 0;
	pi[root] = 0;
	while (top > 0) {
		const u = stack[--top] as number;
		order[seen++] = u;
		for (let k = (childCount[u + 1] as number) - 1; k >= (childCount[u] as number); k--) {
			const v = children[k] as number;
			pi[v] = (pi[u] as number) - (dir[v] as number) * (cost[pred[v] as number] as number);
			stack[top++] = v;
		}
	}
	if (seen !== n) throw new Error("the tree arcs do not form a spanning tree");
	succNum.fill(1);
	for (let k = n - 1; k > 0; k--) {
		const v = order[k] as number;
		const u = parent[v] as number;
		succNum[u] = (succNum[u] as number) + (succNum[v] as number);
	}
	for (let k = 0; k < n; k++) {
		const v = order[k] as number;
		thread[v] = order[(k + 1) % n] as number;
		revThread[order[(k + 1) % n] as number] = v;
		lastSucc[v] = order[k + (succNum[v] as number) - 1] as number;
	}
	for (let e = 0; e < state.length; e++) {
		const f = flow[e] as number;
		state[e] = f === 0 ? AT_LOWER : f === capacity[e] ? AT_UPPER : 2;
	}
	for (let v = 0; v < n; v++) {
		if (v === root) continue;
		const e = pred[v] as number;
		const f = flow[e] as number;
		if (!(f >= 0 && f <= (capacity[e] as number)))
			throw new Error(`tree arc ${e}: flow out of bounds`);
		// Strongly feasible: more flow can always go from v towards the root.
		if (dir[v] === UP ? !(f < (capacity[e] as number)) : !(f > 0))
			throw new Error(`tree arc ${e}: no room towards the root, the tree is not strongly feasible`);
		state[e] = IN_TREE;
	}
	for (let e = 0; e < state.length; e++) {
		if (state[e] === 2) throw new Error(`arc ${e}: outside the tree, its flow must sit at a bound`);
	}
}

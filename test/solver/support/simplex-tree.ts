import { expect } from "vitest";
import type { FlowNetwork, NetworkSimplex } from "../../../solver/core/simplex/network-simplex";
import { AT_LOWER, AT_UPPER, IN_TREE } from "../../../solver/core/simplex/spanning-tree";

/**
 * Recomputes what the simplex keeps incrementally and compares: the thread is a preorder of
 * the tree given by the parent pointers, each subtree's size and last node, each parent arc
 * joining the node to its parent, tree arcs at reduced cost 0, flows within bounds and
 * balancing every node's supply, and each arc's state matching its flow.
 */
export function expectTreeIsConsistent(simplex: NetworkSimplex, net: FlowNetwork): void {
	const { tree } = simplex;
	const n = tree.nodeCount;
	const order: number[] = [];
	const position = new Map<number, number>();
	let x = tree.root;
	do {
		expect(position.has(x)).toBe(false);
		position.set(x, order.length);
		order.push(x);
		expect(tree.revThread[tree.thread[x] as number]).toBe(x);
		x = tree.thread[x] as number;
	} while (x !== tree.root && order.length <= n);
	expect(order.length).toBe(n);
	const size = new Array<number>(n).fill(1);
	for (let k = n - 1; k > 0; k--) {
		const v = order[k] as number;
		const parent = tree.parent[v] as number;
		expect(position.get(parent)).toBeLessThan(k);
		size[parent] = (size[parent] as number) + (size[v] as number);
	}
	for (const v of order) {
		const at = position.get(v) as number;
		expect(tree.succNum[v]).toBe(size[v]);
		expect(tree.lastSucc[v]).toBe(order[at + (size[v] as number) - 1]);
		if (v === tree.root) continue;
		const parent = tree.parent[v] as number;
		const end = (position.get(parent) as number) + (size[parent] as number);
		expect(at).toBeLessThan(end);
		const e = tree.pred[v] as number;
		const ends = [simplex.source[e], simplex.target[e]];
		expect(ends).toContain(v);
		expect(ends).toContain(parent);
		expect(simplex.state[e]).toBe(IN_TREE);
		expect(simplex.reducedCost(e)).toBe(0);
	}
	const excess = Array.from(net.supply);
	for (let e = 0; e < simplex.flow.length; e++) {
		const f = simplex.flow[e] as number;
		expect(f).toBeGreaterThanOrEqual(0);
		expect(f).toBeLessThanOrEqual(simplex.capacity[e] as number);
		excess[simplex.source[e] as number] = (excess[simplex.source[e] as number] as number) - f;
		excess[simplex.target[e] as number] = (excess[simplex.target[e] as number] as number) + f;
		if (simplex.state[e] === AT_LOWER) expect(f).toBe(0);
		if (simplex.state[e] === AT_UPPER) expect(f).toBe(simplex.capacity[e]);
	}
	expect(excess.every((b) => b === 0)).toBe(true);
}

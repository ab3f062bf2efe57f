import { buildTree } from "./first-tree";
import { AT_LOWER, AT_UPPER, DOWN, IN_TREE, SpanningTree, UP } from "./spanning-tree";

/**
 * A min-cost flow problem: node supplies summing to zero, arcs with integer costs (any sign)
 * and capacities (Infinity for none), lower bounds 0. `root` anchors the spanning tree and
 * keeps potential 0. `initialArc[v]`, when given, is an arc joining v and the root that can
 * carry v's supply alone: the first tree then uses it instead of an artificial arc.
 *
 * The arc arrays may have room for one artificial arc per node after the `arcCount` real
 * ones (length arcCount + nodeCount): the simplex then works in them instead of copying them,
 * which saves the copy's time and memory on a large network. Without `arcCount` every arc
 * given is real and the arrays are copied.
 */
export interface FlowNetwork {
	nodeCount: number;
	root: number;
	supply: ArrayLike<number>;
	source: Int32Array;
	target: Int32Array;
	cost: Float64Array;
	capacity: Float64Array;
	arcCount?: number;
	initialArc?: Int32Array;
}

/**
 * Block search scans BLOCK_SIZE_FACTOR × √m arcs per block. LEMON uses 1; on the transportation
 * networks here smaller blocks take more pivots but far fewer arcs priced per pivot: at
 * 15,000 × 1,500, 0.3 took 97,367 pivots where 1 took 70,542, in 22% fewer instructions
 * (callgrind) and about 15% less CPU time, and it was as fast or faster at 500 × 2,000,
 * 2,000 × 800 and 5,000 × 1,500.
 */
export const BLOCK_SIZE_FACTOR = 0.3;

/**
 * The primal network simplex (Dantzig 1951; the bounded, strongly feasible form of Cunningham
 * 1976 and Barr, Glover and Klingman 1977), with block-search pivoting (Grigoriadis 1986):
 * scan the arcs in blocks of about 0.3 √m (see BLOCK_SIZE_FACTOR) from where the last scan stopped and take the most
 * violating arc of the first block that has one. The leaving arc is chosen so the tree stays
 * strongly feasible (every node can send flow to the root along its tree path), which rules
 * out cycling through degenerate pivots. Every node starts hung from the root by its
 * `initialArc` or by an artificial arc of cost M (above any path's cost); artificial arcs only
 * ever leave. Potentials π (root 0) make every tree arc's reduced cost c + π(u) − π(v) zero;
 * at the end every arc at its lower bound has reduced cost ≥ 0 and every arc at its upper
 * bound ≤ 0, which proves the flow optimal. Costs are integers, so every step is exact.
 */
export class NetworkSimplex {
	readonly tree: SpanningTree;
	readonly source: Int32Array;
	readonly target: Int32Array;
	readonly cost: Float64Array;
	readonly capacity: Float64Array;
	readonly flow: Float64Array;
	readonly state: Int8Array;
	readonly pi: Float64Array;
	/** Real arcs: 0 … arcCount − 1; node v's artificial arc is arcCount + v. */
	readonly arcCount: number;
	readonly artificialCost: number;
	/** Σ |cost| over the real arcs: kept below artificialCost, so artificial arcs stay the dearest. */
	costSum = 0;
	pivots = 0;
	private nextArc = 0;
	private readonly blockSize: number;

	constructor(net: FlowNetwork) {
		const n = net.nodeCount;
		if (!(Number.isInteger(net.root) && net.root >= 0 && net.root < n))
			throw new Error("the root must be one of the nodes");
		const m = net.arcCount ?? net.source.length;
		this.arcCount = m;
		const all = m + n;
		this.source = withRoom(net.source, m, all);
		this.target = withRoom(net.target, m, all);
		this.cost = withRoom(net.cost, m, all);
		this.capacity = withRoom(net.capacity, m, all);
		this.flow = new Float64Array(all);
		this.state = new Int8Array(all);
		this.pi = new Float64Array(n);
		const { source, target, cost, capacity } = this;
		let costSum = 0;
		for (let e = 0; e < m; e++) {
			const c = cost[e] as number;
			const s = source[e] as number;
			const t = target[e] as number;
			if (!Number.isSafeInteger(c)) throw new Error(`arc ${e}: cost must be an integer`);
			if (!((capacity[e] as number) >= 0)) throw new Error(`arc ${e}: capacity must be ≥ 0`);
			if (!(s >= 0 && s < n && t >= 0 && t < n))
				throw new Error(`arc ${e}: its nodes must be 0 … ${n - 1}`);
			costSum += Math.abs(c);
		}
		this.costSum = costSum;
		// Dearer than any path of real arcs, with room for later cost changes (see changes.ts).
		this.artificialCost = 4 * costSum + 1;
		if (!Number.isSafeInteger(4 * this.artificialCost)) throw new Error("costs too large");
		this.blockSize = Math.max(10, Math.ceil(BLOCK_SIZE_FACTOR * Math.sqrt(m)));
		this.tree = new SpanningTree(n, net.root);
		const pred = new Int32Array(n);
		let balance = 0;
		for (let v = 0; v < n; v++) {
			const b = net.supply[v] as number;
			if (!Number.isSafeInteger(b)) throw new Error(`node ${v}: supply must be an integer`);
			balance += b;
			// v's artificial arc: towards the root for a supply, from it for a demand.
			const a = m + v;
			this.source[a] = b >= 0 ? v : net.root;
			this.target[a] = b >= 0 ? net.root : v;
			this.cost[a] = this.artificialCost;
			this.capacity[a] = Number.POSITIVE_INFINITY;
			pred[v] = a;
		}
		if (balance !== 0) throw new Error("supplies must sum to zero");
		this.startFromRoot(net, pred);
		buildTree(this, pred);
	}

	/** Every node straight under the root, by its initial arc or its artificial one. */
	private startFromRoot(net: FlowNetwork, pred: Int32Array): void {
		for (let v = 0; v < net.nodeCount; v++) {
			if (v === net.root) continue;
			const b = net.supply[v] as number;
			const arc = net.initialArc?.[v] ?? -1;
			if (arc >= 0 && this.canStartWith(arc, v, net.root, b)) pred[v] = arc;
			this.flow[pred[v] as number] = Math.abs(b);
		}
	}

	/** A strongly feasible first tree arc: it carries the supply, and zero flow runs upwards. */
	private canStartWith(arc: number, v: number, root: number, b: number): boolean {
		const s = this.source[arc];
		const t = this.target[arc];
		const cap = this.capacity[arc] as number;
		if (b > 0) return s === v && t === root && cap > b;
		if (b < 0) return s === root && t === v && cap >= -b;
		return s === v && t === root && cap > 0;
	}

	/** Pivots until no arc prices out; returns false when some artificial arc still carries flow. */
	solve(): boolean {
		while (this.step()) {}
		return this.isFeasible();
	}

	/** One pivot; false when no arc prices out, i.e. the flow is optimal. */
	step(): boolean {
		const entering = this.findEnteringArc();
		if (entering < 0) return false;
		this.pivot(entering);
		return true;
	}

	isFeasible(): boolean {
		for (let e = this.arcCount; e < this.flow.length; e++)
			if ((this.flow[e] as number) > 0) return false;
		return true;
	}

	reducedCost(e: number): number {
		return (
			(this.cost[e] as number) +
			(this.pi[this.source[e] as number] as number) -
			(this.pi[this.target[e] as number] as number)
		);
	}

	/** Block search: the most violating arc of the first block (from where the last stopped) that has one. */
	private findEnteringArc(): number {
		const { state, cost, pi, source, target, arcCount: m, blockSize } = this;
		let best = -1;
		let bestValue = 0;
		let e = this.nextArc;
		for (let scanned = 0; scanned < m && best < 0; ) {
			const end = Math.min(e + blockSize, m);
			for (let f = e; f < end; f++) {
				const value =
					(state[f] as number) *
					((cost[f] as number) +
						(pi[source[f] as number] as number) -
						(pi[target[f] as number] as number));
				if (value < bestValue) {
					bestValue = value;
					best = f;
				}
			}
			scanned += end - e;
			e = end === m ? 0 : end;
		}
		this.nextArc = e;
		return best;
	}

	/**
	 * Sends the most flow the cycle of `entering` and the tree allows and swaps arcs. Of the arcs
	 * that block, the last met going round the cycle in the flow's direction from the join leaves.
	 * By default the arc is pushed off the bound it sits at; a warm re-solve (see changes.ts) may
	 * push a nontree arc that a change left between its bounds, by at most `room`.
	 */
	pivot(
		entering: number,
		forward = this.state[entering] === AT_LOWER,
		room = forward
			? (this.capacity[entering] as number) - (this.flow[entering] as number)
			: (this.flow[entering] as number),
	): void {
		const { tree, flow, capacity, state } = this;
		const { parent, pred, dir } = tree;
		const first = forward ? (this.source[entering] as number) : (this.target[entering] as number);
		const second = forward ? (this.target[entering] as number) : (this.source[entering] as number);
		const join = tree.join(first, second);
		let delta = room;
		let uOut = -1;
		let onFirstSide = false;
		// Join → first: flow runs down the tree, so it grows on DOWN arcs and shrinks on UP arcs.
		for (let u = first; u !== join; u = parent[u] as number) {
			const e = pred[u] as number;
			const room =
				dir[u] === UP ? (flow[e] as number) : (capacity[e] as number) - (flow[e] as number);
			if (room < delta) {
				delta = room;
				uOut = u;
				onFirstSide = true;
			}
		}
		// Second → join: flow runs up the tree.
		for (let u = second; u !== join; u = parent[u] as number) {
			const e = pred[u] as number;
			const room =
				dir[u] === UP ? (capacity[e] as number) - (flow[e] as number) : (flow[e] as number);
			if (room <= delta) {
				delta = room;
				uOut = u;
				onFirstSide = false;
			}
		}
		if (delta === Number.POSITIVE_INFINITY)
			throw new Error("unbounded: a negative cycle of unlimited capacity");
		this.pivots++;
		if (delta > 0) {
			const signed = forward ? delta : -delta;
			flow[entering] = (flow[entering] as number) + signed;
			for (let u = this.source[entering] as number; u !== join; u = parent[u] as number) {
				const e = pred[u] as number;
				flow[e] = (flow[e] as number) - (dir[u] as number) * signed;
			}
			for (let u = this.target[entering] as number; u !== join; u = parent[u] as number) {
				const e = pred[u] as number;
				flow[e] = (flow[e] as number) + (dir[u] as number) * signed;
			}
		}
		if (uOut < 0) {
			// The arc itself blocked: it now sits at the bound it was pushed towards.
			if (forward) state[entering] = flow[entering] === capacity[entering] ? AT_UPPER : AT_LOWER;
			else state[entering] = flow[entering] === 0 ? AT_LOWER : AT_UPPER;
			return;
		}
		const leaving = pred[uOut] as number;
		state[leaving] = flow[leaving] === 0 ? AT_LOWER : AT_UPPER;
		state[entering] = IN_TREE;
		const uIn = onFirstSide ? first : second;
		const vIn = onFirstSide ? second : first;
		const arcDir = this.source[entering] === uIn ? UP : DOWN;
		const newPi = (this.pi[vIn] as number) - arcDir * (this.cost[entering] as number);
		tree.rehang(entering, uIn, vIn, uOut, join, arcDir, this.pi, newPi - (this.pi[uIn] as number));
	}
}

/** The arc array itself when it has room for the artificial arcs, else a copy with room. */
function withRoom<T extends Int32Array | Float64Array>(array: T, m: number, all: number): T {
	if (array.length === all) return array;
	if (array.length !== m) throw new Error("every arc array must have one entry per arc");
	const copy = new (array.constructor as new (length: number) => T)(all);
	copy.set(array);
	return copy;
}

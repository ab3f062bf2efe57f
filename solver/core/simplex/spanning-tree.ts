/** Tree arc direction seen from the child node: UP when the arc runs child → parent. */
export const UP = 1;
export const DOWN = -1;

/** Arc states: the sign that makes a reduced cost negative when the arc should enter. */
export const AT_LOWER = 1;
export const IN_TREE = 0;
export const AT_UPPER = -1;

/**
 * A spanning tree of the network simplex, rooted at `root`: parent pointers, the arc to the
 * parent (`pred`, with its direction), and a thread — the nodes in depth-first preorder as a
 * circular doubly linked list — with each subtree's size and its last node in the thread, so a
 * subtree is the run from its top to `lastSucc` (the augmented thread index: Glover, Klingman
 * and Stutz 1974; Barr, Glover and Klingman 1979; Ahuja, Magnanti and Orlin, Network Flows,
 * 1993, §11.3). Re-hanging a subtree relinks the thread only where the reversed path meets it.
 */
export class SpanningTree {
	readonly parent: Int32Array;
	readonly pred: Int32Array;
	readonly dir: Int8Array;
	readonly thread: Int32Array;
	readonly revThread: Int32Array;
	readonly succNum: Int32Array;
	readonly lastSucc: Int32Array;
	/** Scratch for rehang: per node of the reversed path, its old subtree's end, size and neighbours. */
	private readonly stem: Int32Array;
	private readonly stemLast: Int32Array;
	private readonly stemSize: Int32Array;
	private readonly stemBefore: Int32Array;
	private readonly stemAfterLast: Int32Array;

	constructor(
		readonly nodeCount: number,
		readonly root: number,
	) {
		const n = nodeCount;
		this.parent = new Int32Array(n).fill(-1);
		this.pred = new Int32Array(n).fill(-1);
		this.dir = new Int8Array(n);
		this.thread = new Int32Array(n);
		this.revThread = new Int32Array(n);
		this.succNum = new Int32Array(n).fill(1);
		this.lastSucc = Int32Array.from({ length: n }, (_, v) => v);
		this.stem = new Int32Array(n);
		this.stemLast = new Int32Array(n);
		this.stemSize = new Int32Array(n);
		this.stemBefore = new Int32Array(n);
		this.stemAfterLast = new Int32Array(n);
	}

	/** The deepest common ancestor of u and v: an ancestor's subtree is always the larger. */
	join(u: number, v: number): number {
		const { parent, succNum } = this;
		while (u !== v) {
			if ((succNum[u] as number) < (succNum[v] as number)) u = parent[u] as number;
			else v = parent[v] as number;
		}
		return u;
	}

	private link(a: number, b: number): void {
		this.thread[a] = b;
		this.revThread[b] = a;
	}

	/**
	 * Replaces the tree arc above `uOut` by `arc`, which joins uIn (inside uOut's subtree S) to
	 * vIn (outside it; `join` is where their paths to the root met): S is re-hung from vIn, the
	 * path uIn … uOut reversed, and every node of S gets `shift` added to its potential. S's new
	 * preorder is uIn's old subtree, then each next node up the path with the parts of its old
	 * subtree before and after the previous one's; S goes in right after vIn.
	 */
	rehang(
		arc: number,
		uIn: number,
		vIn: number,
		uOut: number,
		join: number,
		arcDir: number,
		pi: Float64Array,
		shift: number,
	): void {
		const { parent, pred, dir, thread, revThread, succNum, lastSucc } = this;
		const { stem, stemLast, stemSize, stemBefore, stemAfterLast } = this;
		let k = 0;
		for (let w = uIn; ; w = parent[w] as number, k++) {
			stem[k] = w;
			stemLast[k] = lastSucc[w] as number;
			stemSize[k] = succNum[w] as number;
			stemBefore[k] = revThread[w] as number;
			stemAfterLast[k] = thread[lastSucc[w] as number] as number;
			if (w === uOut) break;
		}
		const size = stemSize[k] as number;
		const endS = stemLast[k] as number;
		// Take S out of the thread; ancestors whose subtree ended with S now end before it.
		const before = stemBefore[k] as number;
		this.link(before, stemAfterLast[k] as number);
		for (let a = parent[uOut] as number; a >= 0 && lastSucc[a] === endS; a = parent[a] as number) {
			lastSucc[a] = before;
		}
		for (let a = parent[uOut] as number; a !== join; a = parent[a] as number) {
			succNum[a] = (succNum[a] as number) - size;
		}
		// Thread S in its new order; each path node's subtree is now the rest of S from it.
		let tail = stemLast[0] as number;
		for (let t = 1; t <= k; t++) {
			this.link(tail, stem[t] as number);
			tail = stemBefore[t - 1] as number;
			if (stemLast[t] !== stemLast[t - 1]) {
				this.link(tail, stemAfterLast[t - 1] as number);
				tail = stemLast[t] as number;
			}
		}
		for (let t = 0; t <= k; t++) {
			const w = stem[t] as number;
			lastSucc[w] = tail;
			succNum[w] = t === 0 ? size : size - (stemSize[t - 1] as number);
		}
		const next = thread[vIn] as number;
		this.link(vIn, uIn);
		this.link(tail, next);
		if (lastSucc[vIn] === vIn) {
			for (let a = vIn; a >= 0 && lastSucc[a] === vIn; a = parent[a] as number) lastSucc[a] = tail;
		}
		for (let a = vIn; a !== join; a = parent[a] as number)
			succNum[a] = (succNum[a] as number) + size;
		// Reverse the path uIn … uOut: each node's old parent becomes its child.
		let child = uIn;
		let newParent = vIn;
		let newPred = arc;
		let newDir = arcDir;
		for (;;) {
			const oldParent = parent[child] as number;
			const oldPred = pred[child] as number;
			const oldDir = dir[child] as number;
			parent[child] = newParent;
			pred[child] = newPred;
			dir[child] = newDir;
			if (child === uOut) break;
			newParent = child;
			newPred = oldPred;
			newDir = -oldDir;
			child = oldParent;
		}
		for (let x = uIn, left = size; left > 0; left--, x = thread[x] as number) {
			pi[x] = (pi[x] as number) + shift;
		}
	}
}

/**
 * Indexed binary min-heap over node ids 0..size-1 with keys in a caller-owned Float64Array,
 * so decrease-key is O(log n) and nothing is allocated per operation. Ties pop the smaller
 * node id first, which keeps every search deterministic.
 */
export class IndexedHeap {
	private readonly heap: Int32Array;
	private readonly position: Int32Array;
	private length = 0;

	constructor(
		size: number,
		private readonly key: Float64Array,
	) {
		this.heap = new Int32Array(size);
		this.position = new Int32Array(size).fill(-1);
	}

	get size(): number {
		return this.length;
	}

	/** Smallest node; only valid when size > 0. */
	peek(): number {
		return this.heap[0] as number;
	}

	clear(): void {
		for (let k = 0; k < this.length; k++) this.position[this.heap[k] as number] = -1;
		this.length = 0;
	}

	/** Inserts the node or, if present, restores order after its key decreased. */
	push(node: number): void {
		let at = this.position[node] as number;
		if (at < 0) {
			at = this.length++;
			this.heap[at] = node;
			this.position[node] = at;
		}
		this.siftUp(at);
	}

	pop(): number {
		const top = this.heap[0] as number;
		const last = this.heap[--this.length] as number;
		this.position[top] = -1;
		if (this.length > 0) {
			this.heap[0] = last;
			this.position[last] = 0;
			this.siftDown(0);
		}
		return top;
	}

	private less(a: number, b: number): boolean {
		const ka = this.key[a] as number;
		const kb = this.key[b] as number;
		return ka < kb || (ka === kb && a < b);
	}

	private siftUp(start: number): void {
		const heap = this.heap;
		const node = heap[start] as number;
		let at = start;
		while (at > 0) {
			const parentAt = (at - 1) >> 1;
			const parent = heap[parentAt] as number;
			if (!this.less(node, parent)) break;
			heap[at] = parent;
			this.position[parent] = at;
			at = parentAt;
		}
		heap[at] = node;
		this.position[node] = at;
	}

	private siftDown(start: number): void {
		const heap = this.heap;
		const node = heap[start] as number;
		let at = start;
		for (;;) {
			let childAt = 2 * at + 1;
			if (childAt >= this.length) break;
			const right = childAt + 1;
			if (right < this.length && this.less(heap[right] as number, heap[childAt] as number)) {
				childAt = right;
			}
			const child = heap[childAt] as number;
			if (!this.less(child, node)) break;
			heap[at] = child;
			this.position[child] = at;
			at = childAt;
		}
		heap[at] = node;
		this.position[node] = at;
	}
}

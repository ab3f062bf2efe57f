import type { CandidateEdges } from "./candidates";

/** The per-edge columns, by element type (copyFrom lists them out: it is the hot path). */
const INT_COLUMNS = ["child", "provision", "preferenceRank"] as const;
const REAL_COLUMNS = [
	"miles",
	"minutes",
	"placeFunding",
	"topUp",
	"fee",
	"transport",
	"valueOfTime",
	"preferenceCredit",
	"total",
] as const;

/** Edges past the first chunk are written in chunks of at least this many. */
const CHUNK_EDGES = 1 << 16;

type Columns = Pick<EdgeBuffer, (typeof INT_COLUMNS)[number] | (typeof REAL_COLUMNS)[number]>;

/**
 * Candidate edges under construction: parallel typed arrays, so no object per edge is ever
 * made. When the first arrays fill up, writing goes on in new chunks rather than copying into
 * arrays twice the size, and finish() joins the chunks into arrays of exactly the edges
 * written: at 15,000 × 1,500 (327k edges) the build's memory peaks at about twice the
 * finished edges' size, where doubling and trimming had it at three times and more.
 */
export class EdgeBuffer {
	count = 0;
	/** The current chunk's first edge; the columns below are that chunk. */
	private base = 0;
	private readonly chunks: { base: number; count: number; columns: Columns }[] = [];
	readonly childStart: Int32Array;
	child: Int32Array;
	provision: Int32Array;
	miles: Float64Array;
	minutes: Float64Array;
	placeFunding: Float64Array;
	topUp: Float64Array;
	fee: Float64Array;
	transport: Float64Array;
	valueOfTime: Float64Array;
	preferenceCredit: Float64Array;
	preferenceRank: Int32Array;
	total: Float64Array;

	constructor(children: number, capacity: number) {
		this.childStart = new Int32Array(children + 1);
		this.child = new Int32Array(capacity);
		this.provision = new Int32Array(capacity);
		this.preferenceRank = new Int32Array(capacity);
		this.miles = new Float64Array(capacity);
		this.minutes = new Float64Array(capacity);
		this.placeFunding = new Float64Array(capacity);
		this.topUp = new Float64Array(capacity);
		this.fee = new Float64Array(capacity);
		this.transport = new Float64Array(capacity);
		this.valueOfTime = new Float64Array(capacity);
		this.preferenceCredit = new Float64Array(capacity);
		this.total = new Float64Array(capacity);
	}

	/** Makes room for `extra` more edges in the current chunk (a new chunk if need be). */
	reserve(extra: number): void {
		if (this.count - this.base + extra <= this.total.length) return;
		const columns = {} as Columns;
		for (const column of INT_COLUMNS) columns[column] = this[column];
		for (const column of REAL_COLUMNS) columns[column] = this[column];
		this.chunks.push({ base: this.base, count: this.count - this.base, columns });
		this.base = this.count;
		const size = Math.max(extra, CHUNK_EDGES);
		for (const column of INT_COLUMNS) this[column] = new Int32Array(size);
		for (const column of REAL_COLUMNS) this[column] = new Float64Array(size);
	}

	/** Appends edge e of `from` (a one-chunk buffer or finished edges) as an edge of `child`. */
	copyFrom(from: EdgeBuffer, e: number, child: number): void {
		const to = this.count++ - this.base;
		this.child[to] = child;
		this.provision[to] = from.provision[e] as number;
		this.miles[to] = from.miles[e] as number;
		this.minutes[to] = from.minutes[e] as number;
		this.placeFunding[to] = from.placeFunding[e] as number;
		this.topUp[to] = from.topUp[e] as number;
		this.fee[to] = from.fee[e] as number;
		this.transport[to] = from.transport[e] as number;
		this.valueOfTime[to] = from.valueOfTime[e] as number;
		this.preferenceCredit[to] = from.preferenceCredit[e] as number;
		this.preferenceRank[to] = from.preferenceRank[e] as number;
		this.total[to] = from.total[e] as number;
	}

	/** The edges written, in arrays of exactly their number (the buffer's own when they fit). */
	finish(): CandidateEdges {
		const edges = { count: this.count, childStart: this.childStart } as CandidateEdges;
		const exact = this.chunks.length === 0 && this.count === this.total.length;
		const last = { base: this.base, count: this.count - this.base, columns: this as Columns };
		const parts = [...this.chunks, last];
		for (const column of INT_COLUMNS) {
			edges[column] = exact ? this[column] : join(parts, column, new Int32Array(this.count));
		}
		for (const column of REAL_COLUMNS) {
			edges[column] = exact ? this[column] : join(parts, column, new Float64Array(this.count));
		}
		return edges;
	}
}

function join<K extends keyof Columns>(
	parts: { base: number; count: number; columns: Columns }[],
	column: K,
	into: Columns[K],
): Columns[K] {
	for (const part of parts) {
		into.set(part.columns[column].subarray(0, part.count) as never, part.base);
	}
	return into;
}

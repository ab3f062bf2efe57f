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

/**
 * Candidate edges under construction: parallel typed arrays that grow by doubling, so no
 * object per edge is ever made; finish() trims them to the edges written.
 */
export class EdgeBuffer {
	count = 0;
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

	reserve(extra: number): void {
		if (this.count + extra > this.total.length) {
			this.resize(Math.max(2 * this.total.length, this.count + extra));
		}
	}

	/** Appends edge e of `from` as an edge of `child`. */
	copyFrom(from: EdgeBuffer, e: number, child: number): void {
		const to = this.count++;
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

	finish(): CandidateEdges {
		this.resize(this.count);
		const edges = { count: this.count, childStart: this.childStart } as CandidateEdges;
		for (const column of INT_COLUMNS) edges[column] = this[column];
		for (const column of REAL_COLUMNS) edges[column] = this[column];
		return edges;
	}

	/** Not on the hot path: runs a few times per build, as the arrays double. */
	private resize(capacity: number): void {
		const keep = Math.min(this.count, capacity);
		for (const column of INT_COLUMNS) {
			const next = new Int32Array(capacity);
			next.set(this[column].subarray(0, keep));
			this[column] = next;
		}
		for (const column of REAL_COLUMNS) {
			const next = new Float64Array(capacity);
			next.set(this[column].subarray(0, keep));
			this[column] = next;
		}
	}
}

import { describe, expect, it } from "vitest";
import { EdgeBuffer } from "../../solver/edge-buffer";

/** Writes `count` edges for `children` children through reserve/copyFrom, as buildCandidates does. */
function fill(children: number, perChild: number, capacity: number) {
	const scratch = new EdgeBuffer(1, perChild);
	const out = new EdgeBuffer(children, capacity);
	for (let i = 0; i < children; i++) {
		for (let e = 0; e < perChild; e++) {
			scratch.provision[e] = i * 1000 + e;
			scratch.preferenceRank[e] = e % 3;
			scratch.child[e] = -1;
			scratch.miles[e] = i + e / 10;
			scratch.total[e] = i * 7 - e;
			scratch.fee[e] = e;
		}
		out.childStart[i] = out.count;
		out.reserve(perChild);
		for (let e = 0; e < perChild; e++) out.copyFrom(scratch, e, i);
	}
	out.childStart[children] = out.count;
	return out.finish();
}

describe("edge buffer", () => {
	it("joins its chunks into exact arrays holding every edge in order", () => {
		// 40,000 children × 5 edges: far past the first chunk of 1,000, across several chunks.
		const edges = fill(40_000, 5, 1_000);
		expect(edges.count).toBe(200_000);
		expect(edges.total.length).toBe(200_000);
		expect(edges.provision.length).toBe(200_000);
		for (const i of [0, 1, 199, 13_107, 13_108, 26_214, 39_999]) {
			for (let e = 0; e < 5; e++) {
				const at = (edges.childStart[i] as number) + e;
				expect(at).toBe(5 * i + e);
				expect(edges.child[at]).toBe(i);
				expect(edges.provision[at]).toBe(i * 1000 + e);
				expect(edges.preferenceRank[at]).toBe(e % 3);
				expect(edges.miles[at]).toBe(i + e / 10);
				expect(edges.total[at]).toBe(i * 7 - e);
				expect(edges.fee[at]).toBe(e);
			}
		}
		expect(edges.childStart[40_000]).toBe(200_000);
	});

	it("trims a single chunk to the edges written and keeps an exactly full one as it is", () => {
		expect(fill(10, 3, 100).total.length).toBe(30);
		const full = fill(10, 3, 30);
		expect(full.count).toBe(30);
		expect(Array.from(full.child.subarray(27))).toEqual([9, 9, 9]);
	});
});

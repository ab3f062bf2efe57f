import { describe, expect, it } from "vitest";
import { suppressLinked } from "../../src/services/sufficiency/suppress.js";

const RELATIONS = [["children", "placed", "unplaced"]];

describe("suppressLinked: a run's linked counts", () => {
	it("hides a small count of other boroughs' children and one more where the total gives it away", () => {
		const hidden = suppressLinked(
			{ children: { n: 20, own: 0 }, placed: { n: 17, own: 0 }, unplaced: { n: 3, own: 0 } },
			RELATIONS,
		);
		expect([...hidden].sort()).toEqual(["placed", "unplaced"]);
	});

	it("shows a small count made of the viewer's own children, and zeros", () => {
		const hidden = suppressLinked(
			{ children: { n: 9, own: 3 }, placed: { n: 6, own: 0 }, unplaced: { n: 3, own: 3 } },
			RELATIONS,
		);
		expect(hidden.size).toBe(0);
		expect(
			suppressLinked(
				{ children: { n: 8, own: 0 }, placed: { n: 8, own: 0 }, unplaced: { n: 0, own: 0 } },
				RELATIONS,
			).size,
		).toBe(0);
	});

	it("hides a count whose own part is only bounded whenever it could be 1–4", () => {
		const counts = { children: { n: 30, own: 0 }, placed: { n: 6, own: 3, exact: false } };
		expect(suppressLinked(counts, []).has("placed")).toBe(true);
		const larger = { children: { n: 30, own: 0 }, placed: { n: 12, own: 3, exact: false } };
		expect(suppressLinked(larger, []).has("placed")).toBe(false);
	});
});

import { describe, expect, it } from "vitest";
import { emptyCell } from "../../src/services/sufficiency/cells.js";
import { suppressRows } from "../../src/services/sufficiency/suppress.js";

describe("secondary suppression", () => {
	const cell = (n: number, own = 0) => {
		const c = emptyCell();
		c.awaiting = { n, own };
		return c;
	};

	it("hides the next smallest cell of a line with one hidden cell", () => {
		const hidden = suppressRows({
			keys: [["a"], ["b"], ["c"]],
			cells: [cell(2), cell(10), cell(7)],
		});
		expect(hidden.map((h) => h.has("awaiting"))).toEqual([true, false, true]);
	});

	it("does not hide a cell the viewer knows already (all its own children)", () => {
		const hidden = suppressRows({ keys: [["a"], ["b"]], cells: [cell(2), cell(10, 10)] });
		expect(hidden.map((h) => h.has("awaiting"))).toEqual([true, false]);
	});

	it("keeps going until no line in any dimension has a lone hidden cell", () => {
		const keys = [
			["x", "p"],
			["x", "q"],
			["y", "p"],
			["y", "q"],
		];
		const hidden = suppressRows({ keys, cells: [cell(3), cell(20), cell(30), cell(40)] });
		// (x,p) hidden; its row line hides (x,q), its column line (y,p); then (y,q) to close both.
		expect(hidden.map((h) => h.has("awaiting"))).toEqual([true, true, true, true]);
		for (const d of [0, 1]) {
			for (const value of ["x", "y", "p", "q"]) {
				const line = keys.flatMap((k, i) => (k[1 - d] === value ? [i] : []));
				if (line.length) expect(line.filter((i) => hidden[i]?.has("awaiting")).length).not.toBe(1);
			}
		}
	});
});

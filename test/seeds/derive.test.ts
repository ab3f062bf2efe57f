import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { compareDistricts } from "../../seeds/derive/boroughs.js";
import { type BoroughShape, contains, outcodeOf } from "../../seeds/derive/geo.js";
import { derive } from "../../seeds/derive.js";
import { parseCsv, parseCsvRecords } from "../../seeds/lib/csv.js";
import { Rng } from "../../seeds/prng.js";
import { SEED_DATA_DIR } from "../../seeds/read.js";

describe("CSV parsing", () => {
	it("keeps commas, quotes and line breaks inside quoted fields", () => {
		const text = '\ufeffurn,name,la\r\n1,"Christ Church, Hampstead",202\n2,"A ""B"" C","x\ny"\n';
		expect(parseCsv(text)).toEqual([
			["urn", "name", "la"],
			["1", "Christ Church, Hampstead", "202"],
			["2", 'A "B" C', "x\ny"],
		]);
		expect(parseCsvRecords(text)[0]).toEqual({
			urn: "1",
			name: "Christ Church, Hampstead",
			la: "202",
		});
		expect(() => parseCsvRecords("a,b\n1,2,3\n")).toThrow(/3 fields/);
	});
});

describe("geography", () => {
	const square: BoroughShape = {
		gss: "X",
		name: "square",
		innerStatistical: false,
		polygons: [
			[
				[
					[0, 0],
					[4, 0],
					[4, 4],
					[0, 4],
					[0, 0],
				],
				[
					[1, 1],
					[2, 1],
					[2, 2],
					[1, 2],
					[1, 1],
				],
			],
		],
		bbox: [0, 0, 4, 4],
	};

	it("tests points against polygons with holes", () => {
		expect(contains(square, 3, 3)).toBe(true);
		expect(contains(square, 1.5, 1.5)).toBe(false);
		expect(contains(square, 5, 1)).toBe(false);
	});

	it("takes the outcode of a postcode and orders districts naturally", () => {
		expect(outcodeOf("EC3A 5DE")).toBe("EC3A");
		expect(outcodeOf("sw1a1aa")).toBe("SW1A");
		expect(outcodeOf("")).toBeNull();
		expect(["NW1", "N10", "N2"].sort(compareDistricts)).toEqual(["N2", "N10", "NW1"]);
	});
});

describe("the PRNG", () => {
	it("repeats for a seed and label, and stays in range", () => {
		const a = new Rng(1, "x");
		const b = new Rng(1, "x");
		const xs = Array.from({ length: 100 }, () => a.next());
		expect(Array.from({ length: 100 }, () => b.next())).toEqual(xs);
		expect(new Rng(1, "y").next()).not.toBe(xs[0]);
		for (const x of xs) expect(x >= 0 && x < 1).toBe(true);
		const r = new Rng(9);
		for (let i = 0; i < 200; i++) {
			const n = r.int(3, 5);
			expect(n >= 3 && n <= 5).toBe(true);
		}
		expect(() => r.weightedIndex([0, 0])).toThrow();
	});
});

const RAW = resolve("../shared/data/raw");

describe.skipIf(!existsSync(RAW))("derivation from the raw files", () => {
	it("reproduces the committed seeds/data byte for byte", () => {
		const out = mkdtempSync(join(tmpdir(), "seeds-derive-"));
		try {
			derive(RAW, out);
			for (const name of readdirSync(SEED_DATA_DIR)) {
				expect(readFileSync(join(out, name), "utf8"), name).toBe(
					readFileSync(join(SEED_DATA_DIR, name), "utf8"),
				);
			}
		} finally {
			rmSync(out, { recursive: true, force: true });
		}
	});
});

import { describe, expect, it } from "vitest";
import { readSeedData } from "../../seeds/read.js";

const data = readSeedData();
const sum = (f: (d: (typeof data.demand)[number]) => number) =>
	data.demand.reduce((s, d) => s + f(d), 0);

describe("demand (DfE 2025)", () => {
	it("adds up to DOMAIN.md's London figures", () => {
		expect(sum((d) => d.plans)).toBe(99116);
		expect(sum((d) => d.byNeed.ASD ?? 0)).toBe(36417);
		expect(sum((d) => d.byNeed.MSI ?? 0)).toBe(310);
		const special = [
			"special_la_maintained",
			"special_academy_free",
			"special_independent",
			"special_non_maintained",
		];
		expect(sum((d) => special.reduce((s, k) => s + (d.byPlacement[k] ?? 0), 0))).toBe(27324);
		const rp = ["la_maintained", "academy", "free_school"].map(
			(g) => `mainstream_${g}_resourced_provision`,
		);
		expect(sum((d) => rp.reduce((s, k) => s + (d.byPlacement[k] ?? 0), 0))).toBe(3770);
	});

	it("has Croydon largest, the City smallest and a caseload series from 2018/19", () => {
		const sorted = [...data.demand].sort((a, b) => b.plans - a.plans);
		expect(sorted[0]).toMatchObject({ laCode: "306", plans: 5232 });
		expect(sorted.at(-1)).toMatchObject({ laCode: "201", plans: 26 });
		for (const d of data.demand) {
			expect(Object.keys(d.caseload)).toEqual([
				"2018/19",
				"2019/20",
				"2020/21",
				"2021/22",
				"2022/23",
				"2023/24",
				"2024/25",
			]);
			expect(d.caseload["2024/25"]).toBe(d.plans);
		}
	});

	it("flags Newham's 2024/25 data quality", () => {
		expect(data.demand.find((d) => d.laCode === "316")?.caveat).toMatch(/Newham/);
		expect(data.demand.filter((d) => d.caveat)).toHaveLength(1);
	});

	it("breaks placements down by need, consistent with the placement counts", () => {
		const kingston = data.demand.find((d) => d.laCode === "314");
		const needs = kingston?.placementByNeed.special_academy_free ?? {};
		const total = Object.values(needs).reduce((s, n) => s + (n ?? 0), 0);
		expect(total).toBe(kingston?.byPlacement.special_academy_free);
	});
});

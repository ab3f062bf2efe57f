import { describe, expect, it } from "vitest";
import { NEED_CODES, PLAN_LEVELS } from "../../schema/codes.js";
import { preferenceIndex, suitableSettings } from "../../seeds/children/preferences.js";
import { distanceKm, yearGroupOfAge } from "../../seeds/children/profile.js";
import { generateChildren } from "../../seeds/children.js";
import { readSeedData } from "../../seeds/read.js";
import { levelCount } from "../../seeds/scenario/mix.js";
import { buildLondonScenario } from "../../seeds/scenario.js";

const data = readSeedData();
const scenario = buildLondonScenario(data, { seed: 11 });
const children = generateChildren(data, { count: 2000, seed: 11, scenario });

describe("demo children", () => {
	it("are deterministic from the seed and honour the count", () => {
		expect(generateChildren(data, { count: 2000, seed: 11, scenario })).toEqual(children);
		expect(generateChildren(data, { count: 2000, seed: 12, scenario })).not.toEqual(children);
		expect(children).toHaveLength(2000);
		expect(generateChildren(data, { count: 37, seed: 3 })).toHaveLength(37);
	});

	it("follow the boroughs' specialist caseloads: Croydon has the most", () => {
		const by = new Map<string, number>();
		for (const c of children) by.set(c.laCode, (by.get(c.laCode) ?? 0) + 1);
		const top = [...by.entries()].sort((a, b) => b[1] - a[1])[0];
		expect(top?.[0]).toBe("306");
		const weight = (code: string) => {
			const d = data.demand.find((x) => x.laCode === code);
			return d
				? PLAN_LEVELS.filter((l) => l !== "esta").reduce((s, l) => s + levelCount(d, l), 0)
				: 0;
		};
		const total = data.boroughs.reduce((s, b) => s + weight(b.code), 0);
		for (const b of data.boroughs) {
			const expected = (2000 * weight(b.code)) / total;
			expect(Math.abs((by.get(b.code) ?? 0) - expected)).toBeLessThanOrEqual(3);
		}
	});

	it("have mostly ASD and special-school plans, as the DfE figures do", () => {
		const count = (f: (c: (typeof children)[number]) => boolean) => children.filter(f).length;
		expect(count((c) => c.primaryNeed === "ASD")).toBeGreaterThan(
			count((c) => c.primaryNeed === "SLCN"),
		);
		expect(count((c) => c.planLevel === "special_school")).toBeGreaterThan(1000);
		expect(count((c) => c.planLevel === "esta" && !["314", "318"].includes(c.laCode))).toBe(0);
	});

	it("are well-formed, pseudonymous and consistent", () => {
		const refs = new Set(children.map((c) => c.caseRef));
		expect(refs.size).toBe(children.length);
		const index = preferenceIndex(scenario, data.planLevels);
		for (const c of children) {
			expect(c.caseRef).toMatch(new RegExp(`^${c.laCode}-DEMO-\\d{5}$`));
			expect(c.synthetic).toBe(true);
			expect(NEED_CODES).toContain(c.primaryNeed);
			expect(c.secondaryNeeds.length).toBeLessThanOrEqual(2);
			expect(c.secondaryNeeds).not.toContain(c.primaryNeed);
			expect(new Set(c.secondaryNeeds).size).toBe(c.secondaryNeeds.length);
			expect(c.yearGroup).toBe(yearGroupOfAge(c.age));
			if (c.planLevel === "post16") expect(c.age).toBeGreaterThanOrEqual(16);
			if (["resourced_provision", "sen_unit", "esta"].includes(c.planLevel))
				expect(c.age).toBeLessThanOrEqual(15);
			expect(c.maxJourneyMinutes).toBe(c.age <= 10 ? 45 : 75);
			expect(Math.round(c.home.lat * 1000) / 1000).toBe(c.home.lat);
			const district = data.postcodeDistricts.find((d) => d.district === c.homeDistrict);
			expect(district?.borough).toBe(c.laCode);
			if (district) expect(distanceKm(c.home, district)).toBeLessThan(1.2);
			expect(c.preferences.length).toBeLessThanOrEqual(3);
			expect(new Set(c.preferences).size).toBe(c.preferences.length);
			const suitable = new Set(suitableSettings(index, c).map((s) => s.urn));
			for (const urn of c.preferences) expect(suitable.has(urn)).toBe(true);
		}
	});
});

describe("year groups", () => {
	it("map age at 31 August to N1 … Y14", () => {
		expect([2, 3, 4, 5, 10, 11, 15, 16, 18, 22].map(yearGroupOfAge)).toEqual([
			"N1",
			"N2",
			"R",
			"Y1",
			"Y6",
			"Y7",
			"Y11",
			"Y12",
			"Y14",
			"Y14",
		]);
	});
});

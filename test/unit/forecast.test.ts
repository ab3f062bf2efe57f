import { describe, expect, it } from "vitest";
import {
	academicYearOf,
	fitGrowth,
	projectPlans,
	startYearOf,
} from "../../src/services/sufficiency/forecast.js";

const series = (start: number, plans: number[]) =>
	plans.map((p, i) => ({ academicYear: academicYearOf(start + i), plans: p }));

/** Kingston upon Thames, DfE SEN2 caseload 2018/19 to 2024/25. */
const KINGSTON = series(2018, [1161, 1314, 1424, 1550, 1630, 1782, 1958]);

describe("forecast of EHC plans", () => {
	it("names academic years as the DfE does", () => {
		expect(academicYearOf(2025)).toBe("2025/26");
		expect(academicYearOf(2099)).toBe("2099/00");
		expect(startYearOf("2018/19")).toBe(2018);
		expect(() => startYearOf("2018")).toThrow();
	});

	it("recovers the rate of an exactly geometric series", () => {
		const exact = series(
			2018,
			[0, 1, 2, 3, 4, 5, 6].map((t) => 100 * 1.1 ** t),
		);
		expect(fitGrowth(exact).growth).toBeCloseTo(0.1, 10);
		const p = projectPlans(exact);
		expect(p.years.map((y) => y.academicYear)).toEqual(["2025/26", "2026/27", "2027/28"]);
		expect(p.years[2]?.plans).toBeCloseTo(100 * 1.1 ** 9, 6);
	});

	it("fits Kingston's real series by least squares on ln(plans) and grows from the latest census", () => {
		const p = projectPlans(KINGSTON);
		// By hand: slope of ln(plans) on the year = 0.082587…, e^slope − 1 = 8.609%.
		expect(p.growth).toBeCloseTo(0.08609, 5);
		expect(p.points).toBe(7);
		expect(p.base).toEqual({ academicYear: "2024/25", plans: 1958 });
		expect(p.years.map((y) => Math.round(y.plans))).toEqual([2127, 2310, 2508]);
		// Less than the compound rate between the end points (9.10%): every year counts.
		expect(p.growth).toBeLessThan((1958 / 1161) ** (1 / 6) - 1);
	});

	it("ignores order, skips empty years, and does not grow a series too short to fit", () => {
		const shuffled = [...KINGSTON].reverse();
		expect(projectPlans(shuffled).growth).toBeCloseTo(projectPlans(KINGSTON).growth, 12);
		const withZero = [{ academicYear: "2017/18", plans: 0 }, ...KINGSTON];
		expect(fitGrowth(withZero)).toEqual(fitGrowth(KINGSTON));
		expect(fitGrowth(series(2024, [26])).growth).toBe(0);
		expect(projectPlans(series(2024, [26])).years.map((y) => y.plans)).toEqual([26, 26, 26]);
		expect(() => projectPlans([])).toThrow();
	});

	it("follows a shrinking caseload down", () => {
		const p = projectPlans(series(2018, [500, 480, 470, 450, 430, 420, 400]));
		expect(p.growth).toBeLessThan(0);
		expect(p.years[0]?.plans).toBeLessThan(400);
	});
});

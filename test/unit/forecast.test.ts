import { describe, expect, it } from "vitest";
import {
	academicYearOf,
	fitGrowth,
	projectPlans,
	startYearOf,
} from "../../src/services/sufficiency/forecast.js";
import { phaseWeightsFrom } from "../../src/services/sufficiency/phase-weights.js";

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

describe("plans (and so their forecast) spread over phases by the DfE ages", () => {
	const age = (placement: string, years: number, plans: number) => ({
		boroughCode: "314",
		placement,
		age: years,
		plans,
	});
	const plan = (placement: string, plans: number) => ({ boroughCode: "314", placement, plans });
	// 100 plans: 40 in a special school (own ages), 10 early years, 20 at college, 30 mainstream.
	const ages = [
		age("special_academy_free", 6, 20),
		age("special_academy_free", 13, 20),
		age("all", 2, 8),
		age("all", 4, 4),
		age("all", 6, 30),
		age("all", 13, 30),
		age("all", 15, 8),
		age("all", 17, 20),
	];
	const plans = [
		plan("special_academy_free", 40),
		plan("early_years", 10),
		plan("fe_general", 20),
		plan("mainstream_academy", 30),
	];
	const weights = phaseWeightsFrom(ages, plans);
	const byPhase = (placement: string) => Object.fromEntries(weights("314", placement));

	it("spreads a specialist type by its own ages", () => {
		expect(byPhase("special_academy_free")).toEqual({ primary: 0.5, secondary: 0.5 });
	});

	it("gives the other types the ages left, early years and colleges from their own phases first", () => {
		// Left once the special school is out: early years 8, primary 14, secondary 18, post-16 20.
		expect(byPhase("early_years")).toEqual({ early_years: 0.8, primary: 0.2 });
		expect(byPhase("fe_general")).toEqual({ post16: 1 });
		expect(byPhase("fe_ukrlp")).toEqual({ post16: 1 });
		expect(byPhase("mainstream_academy")).toEqual({ primary: 12 / 30, secondary: 18 / 30 });
	});

	it("so the phases carry the borough's plans of each age", () => {
		const total = new Map<string, number>();
		for (const p of plans)
			for (const [phase, w] of weights("314", p.placement))
				total.set(phase, (total.get(phase) ?? 0) + p.plans * w);
		const expected = { early_years: 8, primary: 34, secondary: 38, post16: 20 };
		for (const [phase, n] of Object.entries(expected)) expect(total.get(phase)).toBeCloseTo(n, 9);
	});

	it("falls back to the type's rule where the DfE gives the borough no ages", () => {
		expect(weights("318", "mainstream_academy")).toEqual([
			["primary", 7 / 12],
			["secondary", 5 / 12],
		]);
		expect(weights("318", "early_years")).toEqual([["early_years", 1]]);
	});
});

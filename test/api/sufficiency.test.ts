import { and, eq, gt, inArray, isNull, lte, or, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
	caseloadSeries,
	children,
	PHASE_AGES,
	PHASE_FILTERS,
	plansByAge,
	provisions,
	vacancies,
} from "../../schema/index.js";
import { phaseOfAge } from "../../src/services/sufficiency/dimensions.js";
import { useTestApp } from "../support/app.js";
import { bearer } from "../support/auth.js";
import { sufficiencyClient } from "../support/sufficiency.js";

const t = useTestApp();
const { report } = sufficiencyClient(t);
const admin = () => bearer(t.keys, "admin");

describe("GET /sufficiency grouped by need and ALDCS sub-region", () => {
	it("returns one row per need × sub-region with supply, demand, gap and a three-year forecast", async () => {
		const r = await report("groupBy=need,area&area=aldcs-subregion");
		expect(r.groupBy).toEqual(["need", "area"]);
		expect(r.rows).toHaveLength(12 * 4);
		const areas = new Set(r.rows.map((row) => row.area?.code));
		expect([...areas].sort()).toEqual(["aldcs-east", "aldcs-north", "aldcs-south", "aldcs-west"]);
		const asd = r.rows.find((x) => x.need?.code === "ASD" && x.area?.code === "aldcs-south");
		expect(asd?.need?.name).toBeTruthy();
		expect(asd?.area?.name).toBe("ALDCS South");
		expect(asd?.places).toBeGreaterThan(0);
		expect(asd?.plans).toBeGreaterThan(asd?.specialistPlans ?? Number.POSITIVE_INFINITY);
		expect(asd?.forecast.map((f) => f.academicYear)).toEqual(["2025/26", "2026/27", "2027/28"]);
		// London's caseload grows every year of the series, so its forecast does too.
		const f = asd?.forecast ?? [];
		expect(f[0]?.plans).toBeGreaterThan(asd?.plans ?? 0);
		expect(f[2]?.plans).toBeGreaterThan(f[1]?.plans ?? 0);
		for (const row of r.rows) {
			if (row.awaiting !== null) expect(row.gap).toBe(row.awaiting - row.vacant);
			expect(row.places).toBeGreaterThanOrEqual(0);
			expect(row.forecast).toHaveLength(3);
		}
		for (const key of ["places", "forecast", "gap", "suppression", "placedOutOfLondon"])
			expect(r.method[key]).toBeTruthy();
	});

	it("counts what the database holds: places, vacancies free today, children waiting, plans", async () => {
		const r = await report("area=borough", await admin());
		const db = t.database.db;
		const [places] = await db
			.select({ n: sql<number>`sum(${provisions.places})::int` })
			.from(provisions);
		const [free] = await db
			.select({ n: sql<number>`sum(${vacancies.count})::int` })
			.from(vacancies)
			.where(
				and(
					gt(vacancies.count, 0),
					or(isNull(vacancies.availableFrom), lte(vacancies.availableFrom, "2026-09-01")),
				),
			);
		const [waiting] = await db
			.select({ n: sql<number>`count(*)::int` })
			.from(children)
			.where(inArray(children.status, ["awaiting", "consulting"]));
		const [plans] = await db
			.select({ n: sql<number>`sum(${caseloadSeries.plans})::int` })
			.from(caseloadSeries)
			.where(eq(caseloadSeries.academicYear, "2024/25"));
		expect(r.totals).toMatchObject({
			places: places?.n,
			vacant: free?.n,
			awaiting: waiting?.n,
			plans: plans?.n,
			gap: (waiting?.n ?? 0) - (free?.n ?? 0),
		});
		expect(r.totals.awaiting).toBe(300);
		// Rows by borough add up to the totals for everything counted once.
		const sum = (k: "places" | "vacant" | "awaiting" | "plans") =>
			r.rows.reduce((s, row) => s + (row[k] ?? 0), 0);
		expect(r.rows).toHaveLength(33);
		expect(sum("places")).toBe(r.totals.places);
		expect(sum("vacant")).toBe(r.totals.vacant);
		expect(sum("awaiting")).toBe(300);
		expect(sum("plans")).toBe(r.totals.plans);
	});

	it("puts each child and place in one phase, and boroughs in no commissioning programme in a row of their own", async () => {
		const byPhase = await report("groupBy=phase", await admin());
		expect(byPhase.rows.map((row) => row.phase?.code)).toEqual([
			"early_years",
			"primary",
			"secondary",
			"post16",
		]);
		expect(byPhase.rows.reduce((s, row) => s + (row.awaiting ?? 0), 0)).toBe(300);
		// Places of all-age provisions are apportioned by years of age: phases add up, but for rounding.
		const places = byPhase.rows.reduce((s, row) => s + row.places, 0);
		expect(Math.abs(places - byPhase.totals.places)).toBeLessThanOrEqual(2);
		expect(byPhase.rows[0]?.places).toBeLessThan(byPhase.totals.places / 10);
		// Plans spread over phases by the DfE's own ages: they add up, and post-16 includes the
		// sixth forms of special schools, not only further education.
		const plans = byPhase.rows.reduce((s, row) => s + row.plans, 0);
		expect(Math.abs(plans - byPhase.totals.plans)).toBeLessThanOrEqual(2);
		const post16 = byPhase.rows.find((row) => row.phase?.code === "post16");
		expect(post16?.plans).toBeGreaterThan(0);
		const programmes = await report("groupBy=area&area=commissioning-programme", await admin());
		const codes = programmes.rows.map((row) => row.area?.code);
		expect(codes).toContain("none");
		expect(codes).toContain("west-london-alliance");
		expect(programmes.rows.reduce((s, row) => s + (row.awaiting ?? 0), 0)).toBe(300);
	});

	it("narrows to one partnership or borough given by id", async () => {
		const wla = await report("groupBy=need&area=west-london-alliance", await admin());
		expect(wla.rows).toHaveLength(12);
		const borough = await report("groupBy=area&area=west-london-alliance", await admin());
		expect(borough.rows).toHaveLength(1);
		expect(borough.rows[0]?.area?.code).toBe("west-london-alliance");
		const kingston = await report("area=314", await admin());
		expect(kingston.rows[0]?.area).toEqual({ code: "314", name: "Kingston upon Thames" });
		expect(kingston.totals.plans).toBe(1958);
	});

	it("spreads a borough's plans over phases as the DfE's ages of its children do", async () => {
		const kingston = await report("groupBy=phase&area=314", await admin());
		// The borough's plans of each phase's ages, all placement types together (DfE SEN2).
		const ages = await t.database.db
			.select()
			.from(plansByAge)
			.where(and(eq(plansByAge.boroughCode, "314"), eq(plansByAge.placement, "all")));
		const ofPhase = new Map<string, number>();
		for (const a of ages) {
			const phase = phaseOfAge(a.age);
			expect(a.age).toBeGreaterThanOrEqual(PHASE_AGES[phase][0]);
			ofPhase.set(phase, (ofPhase.get(phase) ?? 0) + a.plans);
		}
		const covered = [...ofPhase.values()].reduce((s, n) => s + n, 0);
		expect(covered).toBe(kingston.totals.plans);
		expect(kingston.rows.map((row) => row.phase?.code)).toEqual(PHASE_FILTERS);
		for (const row of kingston.rows) {
			const expected = ofPhase.get(row.phase?.code ?? "") ?? 0;
			expect(Math.abs(row.plans - expected), `${row.phase?.code}`).toBeLessThanOrEqual(1);
			// The forecast grows each phase by the borough's one rate, so it splits the same way.
			const grown = (row.forecast[0]?.plans ?? 0) / (kingston.totals.forecast[0]?.plans ?? 1);
			expect(Math.abs(grown - expected / covered)).toBeLessThan(0.01);
		}
		expect(kingston.rows.reduce((s, row) => s + row.plans, 0)).toBe(kingston.totals.plans);
		expect(kingston.method.phase).toContain("plans_by_age");
	});
});

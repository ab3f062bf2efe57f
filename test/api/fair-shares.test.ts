import { count } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { matchingRuns } from "../../schema/index.js";
import { useTestApp } from "../support/app.js";
import { bearer } from "../support/auth.js";

const t = useTestApp();
const admin = () => bearer(t.keys, "admin");
const SOUTH_LONDON = ["303", "305", "306", "314", "315", "318", "319"];

type Side = Record<
	| "children"
	| "placed"
	| "fallback"
	| "noPlacementFound"
	| "preferencesHonoured"
	| "annualCost"
	| "spend"
	| "journeyMinutes",
	number | null
>;
interface FairRun {
	id: string;
	status: string;
	objective: number;
	figures: {
		placed: number;
		fallback: number;
		noPlacementFound: number;
		annualCost: number;
		boroughs?: { borough: string; pooled: Side; alone: Side }[];
		flows?: { home: string; host: string; children: number | null; topUp: number | null }[];
		alone?: { placed: number; annualCost: number; optimal: boolean };
		guarantee?: {
			on: boolean;
			worseOffWithout: string[];
			price: { objective: number; annualCost: number; placedFewer: number } | null;
		};
	};
}

const run = async (body: object, headers?: Record<string, string>) => {
	const res = await t.send("POST", "/matching-runs", body, headers ?? (await admin()));
	expect(res.status).toBe(201);
	return (await res.json()) as FairRun;
};
const sum = (run: FairRun, side: "pooled" | "alone", key: keyof Side) =>
	(run.figures.boroughs ?? []).reduce((n, b) => n + (b[side][key] as number), 0);

describe("fair shares across boroughs in a run", () => {
	it("report every borough pooled against alone; with the guarantee (the default) none places fewer", async () => {
		const on = await run({ scope: { boroughs: SOUTH_LONDON } });
		expect(on.status).toBe("done");
		const f = on.figures;
		expect(f.boroughs?.map((b) => b.borough).sort()).toEqual(
			[...new Set(f.boroughs?.map((b) => b.borough))].sort(),
		);
		expect(f.boroughs?.length).toBeGreaterThanOrEqual(2);
		expect(sum(on, "pooled", "placed")).toBe(f.placed);
		expect(sum(on, "pooled", "fallback")).toBe(f.fallback);
		expect(sum(on, "pooled", "noPlacementFound")).toBe(f.noPlacementFound);
		expect(sum(on, "pooled", "annualCost")).toBe(f.annualCost);
		expect(sum(on, "alone", "placed")).toBe(f.alone?.placed);
		expect(sum(on, "alone", "annualCost")).toBe(f.alone?.annualCost);
		for (const b of f.boroughs ?? []) {
			expect(b.pooled.placed as number).toBeGreaterThanOrEqual(b.alone.placed as number);
			expect(b.pooled.children).toBe(b.alone.children);
			expect(b.alone.spend).toBe(b.alone.annualCost);
		}
		expect(f.guarantee?.on).toBe(true);
		const off = await run({ scope: { boroughs: SOUTH_LONDON }, guarantee: false });
		expect(off.figures.guarantee).toMatchObject({ on: false, price: null });
		expect(off.figures.guarantee?.worseOffWithout).toEqual(f.guarantee?.worseOffWithout);
		const worse = (off.figures.boroughs ?? [])
			.filter((b) => (b.pooled.placed as number) < (b.alone.placed as number))
			.map((b) => b.borough);
		expect(off.figures.guarantee?.worseOffWithout).toEqual(worse);
		expect(f.guarantee?.price).toMatchObject({
			objective: on.objective - off.objective,
			annualCost: f.annualCost - off.figures.annualCost,
			placedFewer: off.figures.placed - f.placed,
		});
		expect(f.guarantee?.price?.objective).toBeGreaterThanOrEqual(0);
	});

	it("hide another borough's counts of 1–4 from a commissioner and a joint panel, not their own", async () => {
		const done = await run({ scope: { boroughs: SOUTH_LONDON } });
		const full = new Map(done.figures.boroughs?.map((b) => [b.borough, b]));
		for (const [role, la] of [
			["commissioner", "306"],
			["panel", "314"],
		] as const) {
			const res = await t.get(`/matching-runs/${done.id}`, await bearer(t.keys, role, { la }));
			expect(res.status).toBe(200);
			const seen = (await res.json()) as FairRun & { suppressed: string[] };
			// Every hidden fair-share figure is listed by its path, and only those.
			const nulls = (seen.figures.boroughs ?? []).flatMap((b, r) =>
				(["pooled", "alone"] as const).flatMap((side) =>
					Object.entries(b[side])
						.filter(([, v]) => v === null)
						.map(([k]) => `figures.boroughs.${r}.${side}.${k}`),
				),
			);
			expect(seen.suppressed.filter((p) => p.startsWith("figures.boroughs.")).sort()).toEqual(
				nulls.sort(),
			);
			for (const b of seen.figures.boroughs ?? []) {
				const all = [b.pooled, b.alone].flatMap((s) =>
					(
						["children", "placed", "fallback", "noPlacementFound", "preferencesHonoured"] as const
					).map((k) => s[k]),
				);
				if (b.borough === la) {
					expect(b).toEqual(full.get(b.borough));
					continue;
				}
				for (const n of all)
					if (n !== null) expect(n === 0 || n > 4, `${b.borough}: ${n}`).toBe(true);
				if (b.pooled.children === null) expect(b.pooled.annualCost).toBeNull();
			}
			for (const flow of seen.figures.flows ?? []) {
				if (flow.home !== la && flow.children !== null) expect(flow.children).toBeGreaterThan(4);
			}
		}
	});

	it("are not reported for one borough's round", async () => {
		const one = await run({}, await bearer(t.keys, "panel", { la: "306" }));
		expect(one.figures.boroughs).toBeUndefined();
		expect(one.figures.guarantee).toBeUndefined();
	});

	it("refuse a guarantee that is not true or false (400, nothing written)", async () => {
		const runs = async () => (await t.database.db.select({ n: count() }).from(matchingRuns))[0]?.n;
		const before = await runs();
		for (const guarantee of ["yes", null, 1, "\u0000"]) {
			const res = await t.send("POST", "/matching-runs", { guarantee }, await admin());
			expect(res.status).toBe(400);
			expect(res.headers.get("content-type")).toContain("application/problem+json");
		}
		expect(await runs()).toBe(before);
	});
});

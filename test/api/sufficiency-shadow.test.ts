import { randomUUID } from "node:crypto";
import { asc, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { matchingRuns, provisions, settings } from "../../schema/index.js";
import { useTestApp } from "../support/app.js";
import { bearer } from "../support/auth.js";

const t = useTestApp();
const commissioner = () => bearer(t.keys, "commissioner");
const panel = (la: string) => bearer(t.keys, "panel", { la });

interface Prices {
	runId: string;
	runBorough: string | null;
	provisions: number;
	items: {
		rank: number;
		provisionId: number;
		settingName: string | null;
		borough: { code: string; name: string };
		needTypes: string[];
		gainPlusOne: number;
		fallbackCost: number | null;
	}[];
	byArea: {
		borough: { code: string };
		provisions: number;
		totalGainPlusOne: number;
		maxGainPlusOne: number;
	}[];
	byNeed: { need: string; provisions: number; totalGainPlusOne: number; maxGainPlusOne: number }[];
	method: string;
}

async function prices(query: string, headers: Record<string, string>) {
	return t.get(`/sufficiency/shadow-prices${query}`, headers);
}

/** A finished run of `borough`'s panel whose shadow prices we write ourselves. */
async function storedRun(
	borough: string | null,
	finishedAt: string,
	gains: number[],
	status = "done",
) {
	const db = t.database.db;
	const rows = await db
		.select({ p: provisions, borough: settings.boroughCode })
		.from(provisions)
		.innerJoin(settings, eq(settings.urn, provisions.settingUrn))
		.where(inArray(settings.boroughCode, ["314", "318"]))
		.orderBy(asc(provisions.id))
		.limit(gains.length);
	const shadowPrices = rows.map(({ p, borough: b }, i) => ({
		provisionId: p.id,
		urn: p.settingUrn,
		code: p.code,
		borough: b,
		level: p.level,
		needTypes: i % 2 ? ["ASD", "SLCN"] : ["ASD"],
		capacity: p.places,
		used: p.places,
		gainPlusOne: gains[i],
		lossMinusOne: 1000,
	}));
	const [run] = await db
		.insert(matchingRuns)
		.values({
			boroughCode: borough,
			scopeBoroughs: borough ? [borough] : [],
			requestedBy: "test",
			status,
			request: {},
			shadowPrices: status === "done" ? shadowPrices : null,
			finishedAt: status === "done" ? new Date(finishedAt) : null,
		})
		.returning();
	return run?.id as string;
}

describe("GET /sufficiency/shadow-prices", () => {
	it("answers 404 while there is no finished run to read", async () => {
		const res = await prices("", await commissioner());
		expect(res.status).toBe(404);
		expect(res.headers.get("content-type")).toBe("application/problem+json");
	});

	it("ranks a real run's provisions by the saving of one more place, never below zero", async () => {
		const made = await t.send("POST", "/matching-runs", {}, await panel("314"));
		expect(made.status).toBe(201);
		const run = (await made.json()) as { id: string };
		const res = await prices("", await panel("314"));
		expect(res.status).toBe(200);
		const body = (await res.json()) as Prices;
		expect(body.runId).toBe(run.id);
		expect(body.items.length).toBeGreaterThan(0);
		const gains = body.items.map((i) => i.gainPlusOne);
		expect(gains.every((g) => g >= 0)).toBe(true);
		expect(gains).toEqual([...gains].sort((a, b) => b - a));
		expect(body.items.map((i) => i.rank)).toEqual(body.items.map((_, k) => k + 1));
		expect(body.items.every((i) => i.settingName)).toBe(true);
		expect(body.method).toMatch(/one more place/);
	});

	it("are real pounds a commissioner could bank: no more than the fallback each place replaces, shown beside", async () => {
		const made = await t.send("POST", "/matching-runs", {}, await panel("314"));
		const run = (await made.json()) as {
			id: string;
			figures: { annualCost: number; fallbackCost: number; fallback: number; unplaced: number };
		};
		const body = (await (
			await prices(`?run=${run.id}&limit=1000`, await commissioner())
		).json()) as Prices;
		const top = body.items[0];
		expect(top?.gainPlusOne).toBeGreaterThan(0);
		expect(top?.fallbackCost).not.toBeNull();
		for (const item of body.items) {
			if (item.fallbackCost !== null)
				expect(item.gainPlusOne).toBeLessThanOrEqual(item.fallbackCost);
		}
		expect(run.figures.fallback).toBeGreaterThan(0);
		expect(run.figures.fallback).toBeLessThanOrEqual(run.figures.unplaced);
		// A fallback costs at least the smallest configured fee plus the transport minimum.
		expect(run.figures.fallbackCost).toBeGreaterThanOrEqual(
			run.figures.fallback * (55_000 + 1_500),
		);
		expect(run.figures.annualCost).toBeGreaterThan(run.figures.fallbackCost);
	});

	it("sums and maxes by borough and need, clamps negative prices and honours limit", async () => {
		const id = await storedRun("318", "2026-08-20T09:00:00Z", [500, -0.4, 1500, 250]);
		const body = (await (
			await prices(`?run=${id}&limit=2`, await commissioner())
		).json()) as Prices;
		expect(body.provisions).toBe(4);
		expect(body.items.map((i) => i.gainPlusOne)).toEqual([1500, 500]);
		const asd = body.byNeed.find((n) => n.need === "ASD");
		expect(asd).toMatchObject({ provisions: 4, totalGainPlusOne: 2250, maxGainPlusOne: 1500 });
		expect(body.byNeed.find((n) => n.need === "SLCN")).toMatchObject({
			provisions: 2,
			totalGainPlusOne: 250,
		});
		const total = body.byArea.reduce((s, a) => s + a.totalGainPlusOne, 0);
		expect(total).toBe(2250);
		expect(body.byArea.map((a) => a.totalGainPlusOne)).toEqual(
			[...body.byArea.map((a) => a.totalGainPlusOne)].sort((a, b) => b - a),
		);
	});

	// The real run above finished at the test clock, 2026-09-01 09:00.
	it("defaults to the latest finished run the caller may see", async () => {
		const later = await storedRun("318", "2026-09-02T09:00:00Z", [10, 20]);
		const forCommissioner = (await (await prices("", await commissioner())).json()) as Prices;
		expect(forCommissioner.runId).toBe(later);
		const forKingston = (await (await prices("", await panel("314"))).json()) as Prices;
		expect(forKingston.runBorough).toBe("314");
	});

	it("hides another borough's run from a panel (404) but not from commissioners or admins", async () => {
		const richmond = await storedRun("318", "2026-08-21T09:00:00Z", [5]);
		expect((await prices(`?run=${richmond}`, await panel("314"))).status).toBe(404);
		expect((await prices(`?run=${richmond}`, await panel("318"))).status).toBe(200);
		expect((await prices(`?run=${richmond}`, await commissioner())).status).toBe(200);
		expect((await prices(`?run=${richmond}`, await bearer(t.keys, "admin"))).status).toBe(200);
	});

	it("answers 404 for an unknown run, 409 for one not finished, 400 naming a bad parameter", async () => {
		expect((await prices(`?run=${randomUUID()}`, await commissioner())).status).toBe(404);
		const queued = await storedRun(null, "", [], "queued");
		expect((await prices(`?run=${queued}`, await commissioner())).status).toBe(409);
		for (const [query, path] of [
			["?run=42", "query.run"],
			["?limit=0", "query.limit"],
			["?limit=many", "query.limit"],
		]) {
			const res = await prices(query as string, await commissioner());
			expect(res.status).toBe(400);
			const body = (await res.json()) as { errors: { path: string }[] };
			expect(body.errors.map((e) => e.path)).toContain(path);
		}
	});

	it("needs a token (401) and a reading role (403)", async () => {
		expect((await prices("", {})).status).toBe(401);
		expect((await prices("", await bearer(t.keys, "setting", { urn: 100986 }))).status).toBe(403);
	});
});

import { beforeAll, describe, expect, it } from "vitest";
import { NEED_CODES } from "../../schema/index.js";
import { useTestApp } from "../support/app.js";
import { bearer } from "../support/auth.js";

const t = useTestApp();

type Json = Record<string, unknown>;
const small = (v: unknown) => typeof v === "number" && Math.abs(v) >= 1 && Math.abs(v) <= 4;

/** Every count of children a run view carries, by path (null where hidden). */
function runCounts(run: Json): Record<string, unknown> {
	const f = (run.figures ?? {}) as Json;
	const g = (run.greedy ?? {}) as Json;
	const out: Record<string, unknown> = { children: run.children };
	for (const k of ["placed", "unplaced", "fallback", "noPlacementFound", "outOfBorough"])
		out[`figures.${k}`] = f[k];
	out["figures.lawfulPreferencesHonoured"] = f.lawfulPreferencesHonoured;
	((f.preferencesHonoured ?? []) as unknown[]).forEach((v, i) => {
		out[`figures.preferencesHonoured.${i}`] = v;
	});
	for (const [k, v] of Object.entries((f.firstPreferenceReasons ?? {}) as Json))
		out[`figures.firstPreferenceReasons.${k}`] = v;
	for (const k of ["placed", "unplaced", "fallback", "noPlacementFound"]) out[`greedy.${k}`] = g[k];
	out["greedy.savings.extraChildrenPlaced"] = (g.savings as Json | undefined)?.extraChildrenPlaced;
	out["figures.stats.children"] = (f.stats as Json | undefined)?.children;
	return out;
}

async function json(res: Response, status = 200) {
	expect(res.status, await res.clone().text()).toBe(status);
	return (await res.json()) as Json;
}

let kcRun: string;
let pairRun: string;
const kcChildren = 2;

/**
 * Kensington and Chelsea (207) has 2 demo children awaiting, Kingston (314) 5. Its panel runs a
 * round of its own 2; an admin runs one over both boroughs (7 children).
 */
beforeAll(async () => {
	const panel = await bearer(t.keys, "panel", { la: "207" });
	kcRun = (await json(await t.send("POST", "/matching-runs", { scope: {} }, panel), 201))
		.id as string;
	const admin = await bearer(t.keys, "admin");
	pairRun = (
		await json(
			await t.send("POST", "/matching-runs", { scope: { boroughs: ["207", "314"] } }, admin),
			201,
		)
	).id as string;
});

const viewers = [
	["a commissioner of another borough", "commissioner", "306"],
	["a pan-London commissioner", "commissioner", undefined],
] as const;

describe("a run's figures: no count of 1–4 of another borough's children", () => {
	it.each(viewers)("hides the 207 round's counts from %s", async (_, role, la) => {
		const run = await json(
			await t.get(`/matching-runs/${kcRun}`, await bearer(t.keys, role, { la })),
		);
		const counts = runCounts(run);
		for (const [path, v] of Object.entries(counts)) expect(small(v), path).toBe(false);
		expect(run.children).toBeNull();
		expect(run.objective).toBeNull();
		expect(run.suppressed).toEqual(expect.arrayContaining(["children", "objective"]));
		// Placed and unplaced add up to the children: with both hidden, nothing is given away.
		expect(counts["figures.placed"] === null || counts["figures.unplaced"] === null).toBe(true);
	});

	it.each([
		["the home panel", "panel", "207"],
		["the home borough's commissioner", "commissioner", "207"],
		["an admin", "admin", undefined],
	] as const)("shows %s the 207 round exactly", async (_, role, la) => {
		const run = await json(
			await t.get(`/matching-runs/${kcRun}`, await bearer(t.keys, role, { la })),
		);
		expect(run.children).toBe(kcChildren);
		expect(run.suppressed).toEqual([]);
		const f = run.figures as Json;
		expect((f.placed as number) + (f.unplaced as number)).toBe(kcChildren);
		expect(run.objective).not.toBeNull();
	});

	it("shows a borough its own part of a joint round and hides only what the others' small part reveals", async () => {
		const admin = await json(
			await t.get(`/matching-runs/${pairRun}`, await bearer(t.keys, "admin")),
		);
		const kingstonOwn = (await json(
			await t.get(
				`/matching-runs/${pairRun}/proposals`,
				await bearer(t.keys, "panel", { la: "314" }),
			),
		)) as { items: unknown[] };
		const total = kcChildren + kingstonOwn.items.length;
		expect(admin.children).toBe(total);
		const exact = runCounts(admin);
		// 207's own part, from its own proposals (child level, its panel only).
		const mine = (await json(
			await t.get(
				`/matching-runs/${pairRun}/proposals`,
				await bearer(t.keys, "panel", { la: "207" }),
			),
		)) as { items: { placed: boolean }[] };
		expect(mine.items).toHaveLength(kcChildren);
		const ownPlaced = mine.items.filter((p) => p.placed).length;
		const seen = await json(
			await t.get(`/matching-runs/${pairRun}`, await bearer(t.keys, "commissioner", { la: "207" })),
		);
		const counts = runCounts(seen);
		expect(counts.children).toBe(total);
		const otherPlaced = (exact["figures.placed"] as number) - ownPlaced;
		if (otherPlaced >= 1 && otherPlaced <= 4) expect(counts["figures.placed"]).toBeNull();
		// Placed and unplaced add up to the children shown: never one of them hidden alone.
		const lone = [counts["figures.placed"], counts["figures.unplaced"]].filter((v) => v === null);
		expect(lone).not.toHaveLength(1);
		// Whatever is shown equals the admin's figure; whatever is hidden is listed.
		for (const [path, v] of Object.entries(counts)) {
			if (v === null) expect(seen.suppressed, path).toContain(path);
			else expect(v, path).toBe(exact[path]);
		}
		// Kingston sees 207's two children hidden, and with them the round's size.
		const kingston = runCounts(
			await json(
				await t.get(
					`/matching-runs/${pairRun}`,
					await bearer(t.keys, "commissioner", { la: "314" }),
				),
			),
		);
		expect(kingston.children).toBeNull();
		for (const [path, v] of Object.entries(kingston))
			if (v !== null) expect(v, path).toBe(exact[path]);
	});
});

describe("shadow prices, what-if and plans: no count of 1–4 of another borough's children", () => {
	it("hides used (and the capacity it would equal) at every provision of the 207 round", async () => {
		const other = await json(
			await t.get(
				`/sufficiency/shadow-prices?run=${kcRun}&limit=500`,
				await bearer(t.keys, "commissioner", { la: "306" }),
			),
		);
		const items = other.items as Json[];
		expect(items.length).toBeGreaterThan(0);
		for (const i of items) expect(small(i.used)).toBe(false);
		const exact = (await json(
			await t.get(
				`/sufficiency/shadow-prices?run=${kcRun}&limit=500`,
				await bearer(t.keys, "admin"),
			),
		)) as { items: { provisionId: number; used: number; capacity: number }[] };
		const used = exact.items.filter((i) => i.used > 0);
		const run = await json(await t.get(`/matching-runs/${kcRun}`, await bearer(t.keys, "admin")));
		expect(used.reduce((s, i) => s + i.used, 0)).toBe((run.figures as Json).placed);
		for (const u of used) {
			const seen = items.find((i) => i.provisionId === u.provisionId) as Json;
			expect(seen).toMatchObject({ used: null, capacity: null, suppressed: ["used", "capacity"] });
		}
		const home = (await json(
			await t.get(
				`/sufficiency/shadow-prices?run=${kcRun}&limit=500`,
				await bearer(t.keys, "commissioner", { la: "207" }),
			),
		)) as typeof exact;
		expect(home.items.map((i) => i.used)).toEqual(exact.items.map((i) => i.used));
	});

	it("hides the London totals, the children and a new provision's used of a what-if over 207", async () => {
		const body = {
			scope: { boroughs: ["207"] },
			changes: [
				{
					kind: "new-provision",
					borough: "207",
					location: { lat: 51.5, lon: -0.19 },
					level: "special_academy",
					needTypes: [...NEED_CODES],
					ageRange: { min: 2, max: 25 },
					places: 10,
					annualCost: { placeFunding: 10_000, topUp: 17_000 },
				},
			],
		};
		const admin = await json(
			await t.send("POST", "/sufficiency/what-if", body, await bearer(t.keys, "admin")),
		);
		expect(admin.children).toBe(kcChildren);
		const used = ((admin.newProvisions as Json[])[0] as Json).used as number;
		expect(used).toBeGreaterThan(0);
		const seen = await json(
			await t.send(
				"POST",
				"/sufficiency/what-if",
				body,
				await bearer(t.keys, "commissioner", { la: "306" }),
			),
		);
		expect(seen.children).toBeNull();
		expect(((seen.newProvisions as Json[])[0] as Json).used).toBeNull();
		for (const side of ["baseline", "scenario", "change"]) {
			const totals = seen[side] as Json;
			for (const k of ["placed", "unplaced", "fallback", "noPlacementFound"])
				expect(small(totals[k]), `${side}.${k}`).toBe(false);
			// A total hidden on one side is hidden on another (the change would give it away).
		}
		for (const row of seen.byBorough as { baseline: Json; scenario: Json }[])
			for (const f of [row.baseline, row.scenario])
				expect(small(f.placed) || small(f.unplaced)).toBe(false);
		const home = await json(
			await t.send(
				"POST",
				"/sufficiency/what-if",
				body,
				await bearer(t.keys, "commissioner", { la: "207" }),
			),
		);
		expect(home.children).toBe(kcChildren);
		expect(home.suppressed).toEqual([]);
		expect(home.baseline).toEqual(admin.baseline);
	});

	it("hides the children of a plan over 207 from another borough", async () => {
		const body = { need: "ASD", places: 1, scope: { boroughs: ["207"] } };
		const seen = await json(
			await t.send(
				"POST",
				"/sufficiency/plan",
				body,
				await bearer(t.keys, "commissioner", { la: "306" }),
			),
		);
		expect(seen.children).toBeNull();
		const home = await json(
			await t.send(
				"POST",
				"/sufficiency/plan",
				body,
				await bearer(t.keys, "commissioner", { la: "207" }),
			),
		);
		expect(home.children).toBe(kcChildren);
		expect(seen.steps).toEqual(home.steps);
	});
});

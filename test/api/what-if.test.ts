import { describe, expect, it } from "vitest";
import { NEED_CODES } from "../../schema/index.js";
import { useTestApp } from "../support/app.js";
import { bearer } from "../support/auth.js";
import { registryCounts } from "../support/snapshot.js";

const t = useTestApp();

interface Figures {
	annualCost: number;
	journeyMinutes: number;
	placed: number | null;
	unplaced: number | null;
}
interface Result {
	children: number;
	baseline: Figures;
	scenario: Figures;
	change: Figures;
	byBorough: {
		borough: string;
		baseline: Figures;
		scenario: Figures;
		change: Figures;
		suppressed: string[];
	}[];
	newProvisions: { places: number; used: number }[];
}

const anyPlace = { kind: "change-places", urn: 142_698, provision: "SS", places: 1 };

async function run(body: object, role: "admin" | "commissioner" = "admin", la?: string) {
	const res = await t.send(
		"POST",
		"/sufficiency/what-if",
		body,
		await bearer(t.keys, role, { la }),
	);
	expect(res.status).toBe(200);
	return (await res.json()) as Result;
}

describe("POST /sufficiency/what-if", () => {
	it("adding special places where children go unplaced lowers the unplaced count, on a copy only", async () => {
		const before = await registryCounts(t.database.db);
		const probe = await run({ changes: [anyPlace] });
		const worst = [...probe.byBorough].sort(
			(a, b) => (b.baseline.unplaced ?? 0) - (a.baseline.unplaced ?? 0),
		)[0];
		expect(worst?.baseline.unplaced).toBeGreaterThan(0);
		const boroughs = (await (await t.get("/boroughs")).json()) as {
			items: { code: string; centroid: { lat: number; lon: number } }[];
		};
		const centre = boroughs.items.find((b) => b.code === worst?.borough)?.centroid;
		const result = await run({
			changes: [
				{
					kind: "new-provision",
					borough: worst?.borough,
					location: centre,
					level: "special_academy",
					needTypes: [...NEED_CODES],
					ageRange: { min: 2, max: 25 },
					places: 40,
					annualCost: { placeFunding: 10_000, topUp: 17_000 },
				},
			],
		});
		expect(result.scenario.unplaced).toBeLessThan(result.baseline.unplaced as number);
		expect(result.change.unplaced).toBe(
			(result.scenario.unplaced as number) - (result.baseline.unplaced as number),
		);
		expect(result.newProvisions[0]?.used).toBeGreaterThan(0);
		const row = result.byBorough.find((r) => r.borough === worst?.borough);
		expect(row?.scenario.unplaced).toBeLessThan(row?.baseline.unplaced as number);
		expect(await registryCounts(t.database.db)).toEqual(before);
	});

	it("removing places never places more children", async () => {
		const result = await run({ changes: [{ ...anyPlace, places: -5 }] });
		expect(result.scenario.placed).toBeLessThanOrEqual(result.baseline.placed as number);
	});

	it("suppresses another borough's counts of 1 to 4 children for a commissioner, but not its own", async () => {
		const result = await run({ changes: [anyPlace] }, "commissioner", "314");
		for (const row of result.byBorough) {
			for (const f of [row.baseline, row.scenario]) {
				for (const key of ["placed", "unplaced"] as const) {
					const v = f[key];
					if (row.borough === "314") expect(v).not.toBeNull();
					else if (v !== null) expect(v === 0 || v >= 5).toBe(true);
				}
			}
		}
		expect(result.byBorough.some((r) => r.suppressed.length > 0)).toBe(true);
		// Never exactly one hidden non-zero count per figure: the London total would give it away.
		const exact = await run({ changes: [anyPlace] });
		const exactOf = new Map(exact.byBorough.map((r) => [r.borough, r]));
		for (const key of ["placed", "unplaced"] as const) {
			const hidden = result.byBorough.filter((r) => r.suppressed.includes(key));
			const nonZero = hidden.filter((r) => {
				const e = exactOf.get(r.borough);
				return (e?.baseline[key] ?? 0) > 0 || (e?.scenario[key] ?? 0) > 0;
			});
			expect(nonZero.length === 0 || nonZero.length >= 2).toBe(true);
		}
	});

	it.each([
		[{ changes: [] }, 400],
		[{ changes: [{ kind: "demolish" }] }, 400],
		[{ changes: [{ ...anyPlace, places: 0 }] }, 400],
		[{ changes: [{ ...anyPlace, provision: "NOPE" }] }, 422],
	])("rejects bad scenario %# with %i", async (body, status) => {
		const res = await t.send("POST", "/sufficiency/what-if", body, await bearer(t.keys, "admin"));
		expect(res.status).toBe(status);
		expect(res.headers.get("content-type")).toContain("application/problem+json");
	});

	it("is for commissioners and admins", async () => {
		expect((await t.send("POST", "/sufficiency/what-if", { changes: [anyPlace] })).status).toBe(
			401,
		);
		expect(
			(
				await t.send(
					"POST",
					"/sufficiency/what-if",
					{ changes: [anyPlace] },
					await bearer(t.keys, "panel", { la: "314" }),
				)
			).status,
		).toBe(403);
	});
});

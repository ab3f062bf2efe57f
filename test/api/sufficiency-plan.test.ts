import { describe, expect, it } from "vitest";
import { useTestApp } from "../support/app.js";
import { bearer } from "../support/auth.js";
import { registryCounts } from "../support/snapshot.js";

const t = useTestApp();

interface Plan {
	need: string;
	placesAsked: number;
	children: number;
	baselineObjective: number;
	steps: { step: number; urn: number; provision: string; saving: number; totalSaving: number }[];
	stoppedEarly: boolean;
}

const send = async (body: unknown, role: "admin" | "commissioner" | "panel" = "commissioner") =>
	t.send("POST", "/sufficiency/plan", body, await bearer(t.keys, role, { la: "314" }));

describe("POST /sufficiency/plan", () => {
	it("places new ASD places one at a time where each saves most, on a copy only", async () => {
		const before = await registryCounts(t.database.db);
		const res = await send({ need: "ASD", places: 6 });
		expect(res.status).toBe(200);
		const plan = (await res.json()) as Plan;
		expect(plan.need).toBe("ASD");
		expect(plan.children).toBeGreaterThan(0);
		expect(plan.steps.length).toBeGreaterThan(0);
		expect(plan.steps.length).toBeLessThanOrEqual(6);
		expect(plan.stoppedEarly).toBe(plan.steps.length < 6);
		let total = 0;
		plan.steps.forEach((s, k) => {
			expect(s.step).toBe(k + 1);
			expect(s.saving).toBeGreaterThan(0);
			total += s.saving;
			expect(s.totalSaving).toBe(total);
		});
		// Every step is at a provision designated for ASD.
		for (const s of plan.steps) {
			const setting = (await (await t.get(`/settings/${s.urn}`)).json()) as {
				provisions: { code: string; needTypes: string[] }[];
			};
			expect(setting.provisions.find((p) => p.code === s.provision)?.needTypes).toContain("ASD");
		}
		expect(await registryCounts(t.database.db)).toEqual(before);
	});

	it("a borough's scope plans for its own children only", async () => {
		const all = (await (await send({ need: "ASD", places: 1 })).json()) as Plan;
		const one = (await (
			await send({ need: "ASD", places: 1, scope: { boroughs: ["314"] } })
		).json()) as Plan;
		expect(one.children).toBeLessThan(all.children);
	});

	it("is for commissioners and admins: a panel gets 403, no token 401", async () => {
		expect((await send({ need: "ASD", places: 1 }, "panel")).status).toBe(403);
		expect((await t.send("POST", "/sufficiency/plan", { need: "ASD", places: 1 })).status).toBe(
			401,
		);
	});

	it("refuses an unknown need, a count out of range, a NUL byte or an unknown field (400)", async () => {
		for (const body of [
			{ need: "XYZ", places: 1 },
			{ need: "ASD", places: 0 },
			{ need: "ASD", places: 1e12 },
			{ need: "ASD", places: 2.5 },
			{ need: "AS\u0000D", places: 1 },
			{ need: "ASD", places: 1, extra: true },
			{ need: "ASD", places: 1, scope: { boroughs: ["999"] } },
		]) {
			const res = await send(body);
			expect(res.status, JSON.stringify(body)).toBe(400);
			expect(res.headers.get("content-type")).toContain("application/problem+json");
		}
	});
});

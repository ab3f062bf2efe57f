import { beforeAll, describe, expect, it } from "vitest";
import { useTestApp } from "../support/app.js";
import { bearer } from "../support/auth.js";

const t = useTestApp();
const kingston = () => bearer(t.keys, "panel", { la: "314" });

interface Option {
	rank: number;
	urn: number;
	level: string;
	rankingCost: number;
	preferenceRank: number | null;
	cost: {
		placeFunding: number;
		topUp: number;
		fee: number;
		transport: number;
		publicTotal: number;
		valueOfTime: number;
	};
	payers: { homePays: number; hostPays: number };
	journey: { minutes: number };
	vacancy: { state: string; waitingPosition: number | null };
	scarcity: { shadowPrice: number; adjustedCost: number } | null;
	reason: string;
}
interface Options {
	total: number;
	options: Option[];
	unsuitablePreferences: { urn: number; reason: string; preferenceRank: number }[];
	run: { id: string } | null;
}

let childId: string;
let rpHost: number;

beforeAll(async () => {
	// A mainstream school hosting a resourced provision in Kingston: unsuitable for a special-school plan.
	const hosts = (await (await t.get("/settings?borough=314&level=resourced_provision")).json()) as {
		items: { urn: number }[];
	};
	rpHost = hosts.items[0]?.urn as number;
	const res = await t.send(
		"POST",
		"/children",
		{
			caseRef: "314-OPT-1",
			yearGroup: "Y4",
			primaryNeed: "ASD",
			planLevel: "special_school",
			home: { lat: 51.394, lon: -0.3 },
			preferences: [rpHost, 142698],
		},
		await kingston(),
	);
	childId = ((await res.json()) as { id: string }).id;
});

describe("GET /children/{id}/options", () => {
	it("ranks suitable provisions by cost to the public plus journey time, with breakdowns and reasons", async () => {
		const res = await t.get(`/children/${childId}/options?limit=5`, await kingston());
		expect(res.status).toBe(200);
		const body = (await res.json()) as Options;
		expect(body.total).toBeGreaterThan(5);
		expect(body.options).toHaveLength(5);
		expect(body.options.some((o) => o.urn === 142698)).toBe(true);
		const costs = body.options.map((o) => o.rankingCost);
		expect(costs).toEqual([...costs].sort((a, b) => a - b));
		for (const o of body.options) {
			expect(o.level).toMatch(/^special_/);
			expect(o.cost.publicTotal).toBe(
				o.cost.placeFunding + o.cost.topUp + o.cost.fee + o.cost.transport,
			);
			expect(o.rankingCost).toBe(o.cost.publicTotal + o.cost.valueOfTime);
			expect(o.payers.homePays + o.payers.hostPays).toBe(o.cost.publicTotal);
			expect(o.journey.minutes).toBeLessThanOrEqual(45);
			expect(o.reason.length).toBeGreaterThan(10);
			if (o.vacancy.state === "full") expect(o.vacancy.waitingPosition).toBeGreaterThanOrEqual(1);
		}
		expect(body.options[0]?.reason).toMatch(/^Lowest annual cost/);
		expect(body.run).toBeNull();
	});

	it("always shows the parents' preferences: the suitable one with its extra cost, the unsuitable one with why", async () => {
		const body = (await (
			await t.get(`/children/${childId}/options?limit=1`, await kingston())
		).json()) as Options;
		// The limit counts the preference: one option shown, the parents' choice.
		expect(body.options.map((o) => o.urn)).toEqual([142698]);
		const dysart = body.options.find((o) => o.urn === 142698);
		expect(dysart?.preferenceRank).toBe(2);
		expect(dysart?.rank).toBeGreaterThan(1);
		expect(dysart?.reason).toMatch(/Parental preference 2/);
		expect(body.unsuitablePreferences).toEqual([
			expect.objectContaining({ urn: rpHost, preferenceRank: 1 }),
		]);
		expect(body.unsuitablePreferences[0]?.reason).toMatch(/level of provision/);
	});

	it("adds scarcity-adjusted costs once a matching run covers the child", async () => {
		const run = await t.send(
			"POST",
			"/matching-runs",
			{ scope: { childIds: [childId] } },
			await kingston(),
		);
		expect(run.status).toBe(201);
		const body = (await (
			await t.get(`/children/${childId}/options`, await kingston())
		).json()) as Options;
		expect(body.run).not.toBeNull();
		for (const o of body.options) {
			expect(o.scarcity?.shadowPrice).toBeGreaterThanOrEqual(0);
			expect(o.scarcity?.adjustedCost).toBe(o.rankingCost + (o.scarcity?.shadowPrice ?? 0));
		}
	});

	it("hides another borough's child (404) and needs the panel role", async () => {
		expect(
			(await t.get(`/children/${childId}/options`, await bearer(t.keys, "panel", { la: "318" })))
				.status,
		).toBe(404);
		expect(
			(await t.get(`/children/${childId}/options`, await bearer(t.keys, "commissioner"))).status,
		).toBe(403);
		expect((await t.get(`/children/${childId}/options`)).status).toBe(401);
		expect((await t.get(`/children/${childId}/options?limit=0`, await kingston())).status).toBe(
			400,
		);
	});
});

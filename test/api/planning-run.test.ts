import { beforeAll, describe, expect, it } from "vitest";
import { useTestApp } from "../support/app.js";
import { bearer } from "../support/auth.js";

const t = useTestApp();

type Json = Record<string, unknown>;
async function json(res: Response, status = 200) {
	expect(res.status, await res.clone().text()).toBe(status);
	return (await res.json()) as Json;
}

let round: Json;
let plan: Json;

/** Kensington and Chelsea's (207) panel runs a round; then its commissioner a planning run. */
beforeAll(async () => {
	round = await json(
		await t.send("POST", "/matching-runs", {}, await bearer(t.keys, "panel", { la: "207" })),
		201,
	);
	plan = await json(
		await t.send(
			"POST",
			"/matching-runs",
			{ kind: "planning", name: "Autumn sufficiency plan", scope: { boroughs: ["207"] } },
			await bearer(t.keys, "commissioner", { la: "207" }),
		),
		201,
	);
});

describe("a commissioner's named planning run", () => {
	it("is stored with its kind and name, and solved like a round", async () => {
		expect(plan).toMatchObject({
			kind: "planning",
			name: "Autumn sufficiency plan",
			status: "done",
		});
		expect(plan.scopeBoroughs).toEqual(["207"]);
		expect(plan.objective).toBe(round.objective);
		const listed = await json(
			await t.get("/matching-runs?kind=planning", await bearer(t.keys, "commissioner")),
		);
		expect((listed.items as Json[]).map((r) => r.id)).toEqual([plan.id]);
	});

	it("has no proposals to accept", async () => {
		const panel = await bearer(t.keys, "panel", { la: "207" });
		const res = await t.get(`/matching-runs/${plan.id}/proposals`, panel);
		expect(res.status).toBe(409);
		const [proposal] = (
			(await json(await t.get(`/matching-runs/${round.id}/proposals`, panel))) as {
				items: { proposalId: string }[];
			}
		).items;
		expect(proposal).toBeDefined();
	});

	it("is what shadow prices come from by default, and the answer says so", async () => {
		const commissioner = await bearer(t.keys, "commissioner", { la: "306" });
		const byDefault = await json(await t.get("/sufficiency/shadow-prices?limit=5", commissioner));
		expect(byDefault.runId).toBe(plan.id);
		expect(byDefault.run).toEqual({
			id: plan.id,
			kind: "planning",
			name: "Autumn sufficiency plan",
			chosenBy: "latest-planning-run",
		});
		const named = await json(
			await t.get(`/sufficiency/shadow-prices?runId=${round.id}&limit=5`, commissioner),
		);
		expect(named.run).toMatchObject({ id: round.id, kind: "round", chosenBy: "runId" });
	});

	it.each([
		["a panel", "panel", "207", { kind: "planning", name: "x" }, 403],
		["a commissioner asking for a round", "commissioner", "207", { scope: {} }, 403],
		[
			"a commissioner naming children",
			"commissioner",
			"207",
			{
				kind: "planning",
				name: "x",
				scope: { childIds: ["00000000-0000-4000-8000-000000000000"] },
			},
			403,
		],
		["a planning run without a name", "commissioner", "207", { kind: "planning" }, 400],
		["a name with a NUL byte", "commissioner", "207", { kind: "planning", name: "a\u0000b" }, 400],
		["a huge name", "commissioner", "207", { kind: "planning", name: "n".repeat(10_000) }, 400],
	] as const)("refuses %s and stores nothing", async (_, role, la, body, status) => {
		const before = await json(
			await t.get("/matching-runs?limit=100", await bearer(t.keys, "admin")),
		);
		const res = await t.send("POST", "/matching-runs", body, await bearer(t.keys, role, { la }));
		expect(res.status).toBe(status);
		expect(res.headers.get("content-type")).toContain("application/problem+json");
		const after = await json(
			await t.get("/matching-runs?limit=100", await bearer(t.keys, "admin")),
		);
		expect((after.items as Json[]).length).toBe((before.items as Json[]).length);
	});

	it("spans only the boroughs its commissioner plans for", async () => {
		const partners = (await json(await t.get("/partnerships"))) as {
			items: { id: string; members: string[] }[];
		};
		const mine = new Set(
			partners.items.filter((p) => p.members.includes("207")).flatMap((p) => p.members),
		);
		const outside = ["201", "202", "203", "204", "205", "206", "208", "209", "210", "211"].find(
			(b) => !mine.has(b),
		);
		expect(outside).toBeDefined();
		const res = await t.send(
			"POST",
			"/matching-runs",
			{ kind: "planning", name: "Too wide", scope: { boroughs: ["207", outside] } },
			await bearer(t.keys, "commissioner", { la: "207" }),
		);
		expect(res.status).toBe(403);
	});
});

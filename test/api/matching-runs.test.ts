import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { matchingRuns, vacancies } from "../../schema/index.js";
import { useTestApp } from "../support/app.js";
import { bearer } from "../support/auth.js";
import { registryCounts } from "../support/snapshot.js";

const t = useTestApp();
const panel = (la = "306") => bearer(t.keys, "panel", { la });

interface RunBody {
	id: string;
	status: string;
	children: number;
	engine: string;
	method: string;
	optimal: boolean;
	objective: number;
	figures: { placed: number; unplaced: number; annualCost: number };
	greedy: { annualCost: number; savings: { annualCost: number; journeyMinutesPerDay: number } };
}

async function waitFor(id: string, headers: Record<string, string>): Promise<RunBody> {
	for (let i = 0; i < 200; i++) {
		const run = (await (await t.get(`/matching-runs/${id}`, headers)).json()) as RunBody;
		if (run.status === "done" || run.status === "failed") return run;
		await new Promise((r) => setTimeout(r, 50));
	}
	throw new Error("run did not finish");
}

describe("POST /matching-runs", () => {
	it("solves a borough's awaiting children to proven optimality and never changes vacancies", async () => {
		const before = await registryCounts(t.database.db);
		const res = await t.send("POST", "/matching-runs", {}, await panel());
		expect(res.status).toBe(201);
		expect(res.headers.get("location")).toMatch(/^\/matching-runs\/[0-9a-f-]{36}$/);
		const run = (await res.json()) as RunBody;
		expect(run).toMatchObject({ status: "done", optimal: true });
		expect(["network-exact", "simplex-exact"]).toContain(run.method);
		expect(run.children).toBeGreaterThan(0);
		expect(run.figures.placed + run.figures.unplaced).toBe(run.children);
		// The optimum never does worse than the greedy baseline on the objective it minimises.
		expect(run.greedy).toBeDefined();
		const after = await registryCounts(t.database.db);
		expect(after.vacancyTotal).toBe(before.vacancyTotal);
		expect(after.vacancyEvents).toBe(before.vacancyEvents);
	});

	it("reaches the same optimum on the simplex and network engines, each named in its run", async () => {
		const bodies: RunBody[] = [];
		for (const engine of ["simplex", "network"]) {
			const res = await t.send("POST", "/matching-runs", { engine }, await panel("302"));
			expect(res.status).toBe(201);
			bodies.push((await res.json()) as RunBody);
		}
		const [simplex, network] = bodies as [RunBody, RunBody];
		expect(simplex).toMatchObject({ status: "done", optimal: true, method: "simplex-exact" });
		expect(network).toMatchObject({ status: "done", optimal: true, method: "network-exact" });
		expect(simplex.engine).toBe("simplex");
		expect(network.engine).toBe("network");
		expect(simplex.children).toBeGreaterThan(0);
		expect(simplex.children).toBe(network.children);
		expect(simplex.objective).toBe(network.objective);
		expect(simplex.figures.placed).toBe(network.figures.placed);
	});

	it("lists proposals for the panel's own children, as JSON and CSV", async () => {
		const run = (await (
			await t.send("POST", "/matching-runs", {}, await panel())
		).json()) as RunBody;
		const res = await t.get(`/matching-runs/${run.id}/proposals`, await panel());
		expect(res.status).toBe(200);
		const body = (await res.json()) as {
			items: { placed: boolean; caseRef: string; explanation: { reason?: string } }[];
		};
		expect(body.items).toHaveLength(run.children);
		expect(body.items.every((p) => p.caseRef.startsWith("306-"))).toBe(true);
		for (const p of body.items.filter((x) => !x.placed)) expect(p.explanation.reason).toBeTruthy();
		const csv = await t.get(`/matching-runs/${run.id}/proposals?format=csv`, await panel());
		expect(csv.headers.get("content-type")).toContain("text/csv");
		const lines = (await csv.text()).trimEnd().split("\r\n");
		expect(lines[0]).toBe(
			"proposalId,caseRef,childId,placed,urn,settingName,provision,borough,annualCost,journeyMinutes,reason",
		);
		expect(lines).toHaveLength(run.children + 1);
	});

	it("hides another borough's run (404) and its proposals", async () => {
		const run = (await (
			await t.send("POST", "/matching-runs", {}, await panel())
		).json()) as RunBody;
		expect((await t.get(`/matching-runs/${run.id}`, await panel("314"))).status).toBe(404);
		expect((await t.get(`/matching-runs/${run.id}/proposals`, await panel("314"))).status).toBe(
			404,
		);
		expect(
			(await t.get(`/matching-runs/${run.id}`, await bearer(t.keys, "commissioner"))).status,
		).toBe(200);
		expect(
			(await t.get(`/matching-runs/${run.id}/proposals`, await bearer(t.keys, "commissioner")))
				.status,
		).toBe(403);
	});

	it("runs a pan-London round for an admin in the background (202) and reports it done", async () => {
		const admin = await bearer(t.keys, "admin");
		const res = await t.send("POST", "/matching-runs", {}, admin);
		expect(res.status).toBe(202);
		const queued = (await res.json()) as RunBody;
		const run = await waitFor(queued.id, admin);
		expect(run).toMatchObject({ status: "done", optimal: true });
		expect(run.greedy.savings.annualCost).toEqual(expect.any(Number));
	});

	it.each([
		[{ scope: { childIds: ["not-a-uuid"] } }, "body.scope.childIds.0"],
		[{ engine: "quantum" }, "body.engine"],
		[{ weights: { valueOfTimePerMinute: -1 } }, "body.weights.valueOfTimePerMinute"],
		[{ sideConstraints: { budgetCaps: { "999": 5 } } }, "body.sideConstraints.budgetCaps.999"],
		[{ colour: "red" }, "body.colour"],
	])("rejects bad input %#", async (body, field) => {
		const res = await t.send("POST", "/matching-runs", body, await panel());
		expect(res.status).toBe(400);
		const problem = (await res.json()) as { errors: { path: string }[] };
		expect(problem.errors.map((e) => e.path).join(" ")).toContain(
			field.split(".").slice(0, 3).join("."),
		);
	});

	it("refuses another borough's child in scope (404), a panel spanning boroughs (403), and roles that may not run", async () => {
		const res = await t.send(
			"POST",
			"/matching-runs",
			{ scope: { childIds: ["00000000-0000-4000-8000-000000000000"] } },
			await panel(),
		);
		expect(res.status).toBe(404);
		expect(
			(await t.send("POST", "/matching-runs", { scope: { boroughs: ["314"] } }, await panel()))
				.status,
		).toBe(403);
		expect(
			(await t.send("POST", "/matching-runs", {}, await bearer(t.keys, "commissioner"))).status,
		).toBe(403);
		expect((await t.send("POST", "/matching-runs", {})).status).toBe(401);
	});

	it("honours a side constraint and reports the method and gap", async () => {
		const res = await t.send(
			"POST",
			"/matching-runs",
			{ sideConstraints: { outOfBoroughCeilings: { "306": 0 } } },
			await panel(),
		);
		expect(res.status).toBe(201);
		const run = (await res.json()) as RunBody & {
			lowerBound: number;
			gap: number;
			figures: { sideConstraints: { satisfied: boolean } };
		};
		expect(["lp-integer", "lagrangian", "network-exact"]).toContain(run.method);
		expect(run.figures.sideConstraints.satisfied).toBe(true);
		expect(run.lowerBound).toBeLessThanOrEqual(run.objective);
	});
});

describe("joint panels", () => {
	const SLCP = "south-london-commissioning-programme";
	const joint = (la: string, partnership = SLCP) =>
		bearer(t.keys, "panel", { la, joint: partnership });
	const runOver = async (boroughs: string[], la: string, partnership = SLCP) =>
		t.send("POST", "/matching-runs", { scope: { boroughs } }, await joint(la, partnership));
	const runCount = async () =>
		(await t.database.db.select({ n: count() }).from(matchingRuns))[0]?.n ?? 0;

	it("span their partnership's boroughs; each borough's panel sees the run and only its own children", async () => {
		const res = await runOver(["314", "318"], "314");
		expect(res.status).toBe(201);
		const run = (await res.json()) as RunBody & { scopeBoroughs: string[]; borough: string };
		expect(run).toMatchObject({ status: "done", optimal: true, borough: "314" });
		expect(run.scopeBoroughs).toEqual(["314", "318"]);
		const proposalsOf = async (headers: Record<string, string>) => {
			const page = await t.get(`/matching-runs/${run.id}/proposals`, headers);
			expect(page.status).toBe(200);
			return ((await page.json()) as { items: { caseRef: string }[] }).items.map((p) => p.caseRef);
		};
		const kingston = await proposalsOf(await joint("314"));
		const richmond = await proposalsOf(await panel("318"));
		expect(kingston.length).toBeGreaterThan(0);
		expect(richmond.length).toBeGreaterThan(0);
		expect(kingston.every((ref) => ref.startsWith("314-"))).toBe(true);
		expect(richmond.every((ref) => ref.startsWith("318-"))).toBe(true);
		expect(kingston.length + richmond.length).toBe(run.children);
		expect((await t.get(`/matching-runs/${run.id}`, await panel("318"))).status).toBe(200);
		expect((await t.get(`/matching-runs/${run.id}`, await panel("202"))).status).toBe(404);
	});

	it("may not reach outside their partnership, nor sit on one their borough is not in (403, nothing written)", async () => {
		const before = await runCount();
		const outside = await runOver(["314", "302"], "314");
		expect(outside.status).toBe(403);
		expect(((await outside.json()) as { detail: string }).detail).toContain("302");
		const notMember = await runOver(["302", "314"], "302");
		expect(notMember.status).toBe(403);
		const unknown = await runOver(["314", "318"], "314", "no-such-partnership");
		expect(unknown.status).toBe(403);
		expect(await runCount()).toBe(before);
	});

	it("are for panels only: a joint claim on another role is not a valid token (401)", async () => {
		const res = await t.get("/sufficiency", await bearer(t.keys, "commissioner", { joint: SLCP }));
		expect(res.status).toBe(401);
	});
});

describe("the vacancy table", () => {
	it("is untouched by any run", async () => {
		const [row] = await t.database.db
			.select({ n: count() })
			.from(vacancies)
			.where(eq(vacancies.updatedBy, "seed:london-demo"));
		const [all] = await t.database.db.select({ n: count() }).from(vacancies);
		expect(row?.n).toBe(all?.n);
	});
});

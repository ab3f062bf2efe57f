import { execFile } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { replay } from "../../src/services/matching/replay.js";
import { inputHashOf } from "../../src/services/matching/run-hash.js";
import { useTestApp } from "../support/app.js";
import { bearer } from "../support/auth.js";

const t = useTestApp();
const run = promisify(execFile);

type Json = Record<string, unknown>;
async function json(res: Response, status = 200) {
	expect(res.status, await res.clone().text()).toBe(status);
	return (await res.json()) as Json;
}

let own: Json;
let joint: Json;

/** Kensington and Chelsea's (207) panel runs a round of its own; an admin one over 207 and Kingston (314). */
beforeAll(async () => {
	own = await json(
		await t.send(
			"POST",
			"/matching-runs",
			{ scope: {} },
			await bearer(t.keys, "panel", { la: "207" }),
		),
		201,
	);
	joint = await json(
		await t.send(
			"POST",
			"/matching-runs",
			{ scope: { boroughs: ["207", "314"] } },
			await bearer(t.keys, "admin"),
		),
		201,
	);
});

describe("a stored run replays", () => {
	it("stores its instance's hash, the solver and data version, and the allocation's hash", () => {
		expect(own).toMatchObject({ kind: "round", status: "done", suppressed: [] });
		for (const k of ["inputHash", "allocationHash"]) expect(own[k]).toMatch(/^[0-9a-f]{64}$/);
		expect(own.solverVersion).toEqual(expect.any(String));
		expect(own.dataVersion).toEqual(expect.any(String));
		expect(own.inputHash).not.toBe(joint.inputHash);
	});

	it("gives the home panel the exact instance, which solves again to the stored objective and allocation", async () => {
		const body = await json(
			await t.get(`/matching-runs/${own.id}/replay`, await bearer(t.keys, "panel", { la: "207" })),
		);
		expect(body).toMatchObject({
			runId: own.id,
			inputHash: own.inputHash,
			solverVersion: own.solverVersion,
			dataVersion: own.dataVersion,
			expected: { objective: own.objective, allocationHash: own.allocationHash },
		});
		expect(await inputHashOf(body.instance)).toBe(own.inputHash);
		const again = await replay(body as Parameters<typeof replay>[0]);
		expect(again.mismatches).toEqual([]);
		expect(again.objective).toBe(own.objective);
		expect(again.allocationHash).toBe(own.allocationHash);
	});

	it("npm run replay reproduces it offline and exits non-zero on a mismatch", async () => {
		const body = await json(
			await t.get(`/matching-runs/${joint.id}/replay`, await bearer(t.keys, "admin")),
		);
		const dir = join("test", "scratch");
		await mkdir(dir, { recursive: true });
		const file = join(dir, `replay-${joint.id}.json`);
		await writeFile(file, JSON.stringify(body));
		const { stdout } = await run("npx", ["tsx", "src/cli/replay.ts", file]);
		const out = JSON.parse(stdout) as Json;
		expect(out).toMatchObject({
			objective: joint.objective,
			allocationHash: joint.allocationHash,
			inputHash: joint.inputHash,
			match: true,
		});
		const expected = body.expected as Json;
		await writeFile(
			file,
			JSON.stringify({
				...body,
				expected: { ...expected, objective: (joint.objective as number) + 1 },
			}),
		);
		const failed = await run("npx", ["tsx", "src/cli/replay.ts", file]).then(
			() => 0,
			(e: { code: number; stderr: string }) => {
				expect(e.stderr).toContain("mismatch: objective");
				return e.code;
			},
		);
		expect(failed).toBe(1);
	}, 60_000);

	it.each([
		["the home borough's commissioner", "commissioner", "207", 403],
		["another borough's commissioner", "commissioner", "306", 403],
		["another borough's panel", "panel", "306", 404],
	] as const)("refuses %s", async (_, role, la, status) => {
		const res = await t.get(`/matching-runs/${own.id}/replay`, await bearer(t.keys, role, { la }));
		expect(res.status).toBe(status);
		expect(res.headers.get("content-type")).toContain("application/problem+json");
	});

	it("refuses a borough its share of a joint round's instance (other boroughs' children are in it)", async () => {
		const res = await t.get(
			`/matching-runs/${joint.id}/replay`,
			await bearer(t.keys, "panel", { la: "314" }),
		);
		expect(res.status).toBe(403);
	});
});

describe("GET /matching-runs", () => {
	it("lists a panel the runs covering its borough, newest first, a page at a time", async () => {
		const panel = await bearer(t.keys, "panel", { la: "207" });
		const first = await json(await t.get("/matching-runs?limit=1", panel));
		const items = first.items as Json[];
		expect(items).toHaveLength(1);
		expect(first.nextCursor).toEqual(expect.any(String));
		const second = await json(
			await t.get(`/matching-runs?limit=1&cursor=${first.nextCursor}`, panel),
		);
		expect(second.nextCursor).toBeNull();
		// Both runs were made at the test clock's one instant: the cursor orders ties by id.
		const ids = [...items, ...(second.items as Json[])].map((r) => r.id as string);
		expect([...ids].sort()).toEqual([own.id, joint.id].sort());
		expect(ids).toEqual([...ids].sort().reverse());
		const kingston = await json(
			await t.get("/matching-runs", await bearer(t.keys, "panel", { la: "314" })),
		);
		expect((kingston.items as Json[]).map((r) => r.id)).toEqual([joint.id]);
		const other = await json(
			await t.get("/matching-runs", await bearer(t.keys, "panel", { la: "306" })),
		);
		expect(other.items).toEqual([]);
	});

	it.each([
		["a commissioner of another borough", "commissioner", "306"],
		["the home borough's commissioner", "commissioner", "207"],
		["Kingston's commissioner", "commissioner", "314"],
		["an admin", "admin", undefined],
	] as const)("shows %s each run's children as its detail does", async (_, role, la) => {
		const headers = await bearer(t.keys, role, { la });
		const list = await json(await t.get("/matching-runs?limit=100", headers));
		const items = list.items as Json[];
		expect(items.map((r) => r.id)).toEqual(expect.arrayContaining([own.id, joint.id]));
		for (const item of items) {
			const detail = await json(await t.get(`/matching-runs/${item.id}`, headers));
			expect(item.children).toBe(detail.children);
			expect(item.inputHash).toBe(detail.inputHash);
			expect(item.suppressed).toEqual(
				(detail.suppressed as string[]).filter((p) => p === "children"),
			);
		}
	});

	it.each([
		["limit=0", "query.limit"],
		["limit=101", "query.limit"],
		["limit=99999999999999999999", "query.limit"],
		["cursor=%00", "query.cursor"],
		["cursor=bm90LWEtY3Vyc29y", "query.cursor"],
		["kind=everything", "query.kind"],
		["colour=red", "query.colour"],
	])("answers %s with a precise 400", async (query, path) => {
		const res = await t.get(`/matching-runs?${query}`, await bearer(t.keys, "admin"));
		expect(res.status).toBe(400);
		const problem = (await res.json()) as { errors: { path: string }[] };
		expect(problem.errors.map((e) => e.path)).toContain(path);
	});

	it("is not for a publisher", async () => {
		const res = await t.get("/matching-runs", await bearer(t.keys, "publisher", { la: "207" }));
		expect(res.status).toBe(403);
	});
});

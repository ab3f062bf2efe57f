import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents } from "../../schema/index.js";
import { useTestApp } from "../support/app.js";
import { bearer } from "../support/auth.js";

const t = useTestApp();
const kingstonPanel = () => bearer(t.keys, "panel", { la: "314" });
const richmondPanel = () => bearer(t.keys, "panel", { la: "318" });

const child = {
	caseRef: "314-TEST-0001",
	yearGroup: "Y3",
	primaryNeed: "ASD",
	secondaryNeeds: ["SLCN"],
	planLevel: "special_school",
	home: { lat: 51.41234, lon: -0.30049 },
	preferences: [142698],
};

interface ChildBody {
	id: string;
	caseRef: string;
	age: number;
	yearGroup: string;
	home: { lat: number; lon: number };
	maxJourneyMinutes: number;
	status: string;
	preferences: number[];
}

async function created(body: object = child) {
	const res = await t.send("POST", "/children", body, await kingstonPanel());
	expect(res.status).toBe(201);
	return (await res.json()) as ChildBody;
}

describe("POST /children", () => {
	it("registers a child pseudonymously, rounding the home to ~100 m, with a default journey limit", async () => {
		const c = await created();
		expect(c).toMatchObject({
			caseRef: "314-TEST-0001",
			age: 7,
			yearGroup: "Y3",
			status: "awaiting",
			maxJourneyMinutes: 45,
			preferences: [142698],
		});
		expect(c.home).toEqual({ lat: 51.412, lon: -0.3, district: null });
		const audit = await t.database.db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.entityId, c.id), eq(auditEvents.action, "child.create")));
		expect(audit).toHaveLength(1);
	});

	it("works out the year group from a date of birth and locates a postcode", async () => {
		const c = await created({
			...child,
			caseRef: "314-TEST-0002",
			yearGroup: undefined,
			dateOfBirth: "2013-10-05",
			home: { postcode: "KT1 1AA" },
		});
		// Age at 31 August 2026 is 12: Year 8, secondary journey limit.
		expect(c).toMatchObject({ age: 12, yearGroup: "Y8", maxJourneyMinutes: 75 });
		expect(c.home.lat).toBeCloseTo(51.41, 1);
	});

	it("refuses a second child with the same case reference (409)", async () => {
		const res = await t.send("POST", "/children", child, await kingstonPanel());
		expect(res.status).toBe(409);
	});

	it.each([
		[{ ...child, caseRef: "Jane Smith" }, "body.caseRef"],
		[{ ...child, caseRef: "314-X", primaryNeed: "AUTISM" }, "body.primaryNeed"],
		[{ ...child, caseRef: "314-X", secondaryNeeds: ["ASD"] }, "body.secondaryNeeds"],
		[{ ...child, caseRef: "314-X", dateOfBirth: "2015-01-01" }, "body.dateOfBirth"],
		[{ ...child, caseRef: "314-X", yearGroup: undefined }, "body.yearGroup"],
		[{ ...child, caseRef: "314-X", planLevel: "mainstream" }, "body.planLevel"],
		[{ ...child, caseRef: "314-X", home: { lat: 51.4 } }, "body.home"],
		[{ ...child, caseRef: "314-X", maxJourneyMinutes: 500 }, "body.maxJourneyMinutes"],
		[{ ...child, caseRef: "314-X", preferences: [142698, 142698] }, "body.preferences"],
		[{ ...child, caseRef: "314-X", name: "Jane" }, "body.name"],
		[
			{ ...child, caseRef: "314-X", dateOfBirth: undefined, yearGroup: undefined },
			"body.yearGroup",
		],
	])("rejects bad input %# naming %s", async (body, field) => {
		const res = await t.send("POST", "/children", body, await kingstonPanel());
		expect(res.status).toBe(400);
		expect(
			((await res.json()) as { errors: { path: string }[] }).errors.map((e) => e.path),
		).toContain(field);
	});

	it("refuses preferences naming no known setting (422)", async () => {
		const res = await t.send(
			"POST",
			"/children",
			{ ...child, caseRef: "314-X", preferences: [999_998] },
			await kingstonPanel(),
		);
		expect(res.status).toBe(422);
	});
});

describe("GET /children/{id} and who may see a child", () => {
	it("shows the child to its home borough's panel, audits the read, and hides it from every other borough (404)", async () => {
		const c = await created({ ...child, caseRef: "314-TEST-0003" });
		const own = await t.get(`/children/${c.id}`, await kingstonPanel());
		expect(own.status).toBe(200);
		const reads = await t.database.db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.entityId, c.id), eq(auditEvents.action, "child.read")));
		expect(reads).toHaveLength(1);
		const other = await t.get(`/children/${c.id}`, await richmondPanel());
		expect(other.status).toBe(404);
		const missing = await t.get(
			"/children/00000000-0000-4000-8000-000000000000",
			await kingstonPanel(),
		);
		expect(missing.status).toBe(404);
		expect(await other.json()).toMatchObject({
			detail: ((await missing.json()) as { detail: string }).detail.replace(
				"00000000-0000-4000-8000-000000000000",
				c.id,
			),
		});
	});

	it.each([
		["commissioner", { la: "314" }],
		["publisher", { la: "314" }],
		["admin", {}],
		["setting", { urn: 142698 }],
	] as const)("refuses the %s role (403)", async (role, opts) => {
		const c = await created({ ...child, caseRef: `314-ROLE-${role}` });
		const res = await t.get(`/children/${c.id}`, await bearer(t.keys, role, opts));
		expect(res.status).toBe(403);
	});

	it("needs a token (401)", async () => {
		expect((await t.get("/children")).status).toBe(401);
	});

	it("rejects an id that is not a UUID (400)", async () => {
		expect((await t.get("/children/42", await kingstonPanel())).status).toBe(400);
	});
});

describe("PATCH /children/{id}", () => {
	it("changes plan details with If-Match, refusing a stale one", async () => {
		const c = await created({ ...child, caseRef: "314-TEST-0004" });
		const got = await t.get(`/children/${c.id}`, await kingstonPanel());
		const etag = got.headers.get("etag") ?? "";
		const ok = await t.send(
			"PATCH",
			`/children/${c.id}`,
			{ planLevel: "resourced_provision", maxJourneyMinutes: 30 },
			{ ...(await kingstonPanel()), "if-match": etag },
		);
		expect(ok.status).toBe(200);
		expect(await ok.json()).toMatchObject({
			planLevel: "resourced_provision",
			maxJourneyMinutes: 30,
		});
		const stale = await t.send(
			"PATCH",
			`/children/${c.id}`,
			{ maxJourneyMinutes: 40 },
			{ ...(await kingstonPanel()), "if-match": etag },
		);
		expect(stale.status).toBe(412);
		const other = await t.send(
			"PATCH",
			`/children/${c.id}`,
			{ maxJourneyMinutes: 40 },
			await richmondPanel(),
		);
		expect(other.status).toBe(404);
		const empty = await t.send("PATCH", `/children/${c.id}`, {}, await kingstonPanel());
		expect(empty.status).toBe(400);
	});
});

describe("GET /children", () => {
	it("lists only the panel's own children, filtered, and audits the list", async () => {
		const res = await t.get("/children?status=awaiting&limit=500", await kingstonPanel());
		expect(res.status).toBe(200);
		const page = (await res.json()) as {
			items: { borough: string; status: string }[];
			total: number;
		};
		expect(page.total).toBeGreaterThan(0);
		expect(page.items.every((c) => c.borough === "314" && c.status === "awaiting")).toBe(true);
		const asd = (await (
			await t.get("/children?need=ASD&limit=500", await kingstonPanel())
		).json()) as { items: { primaryNeed: string }[] };
		expect(asd.items.every((c) => c.primaryNeed === "ASD")).toBe(true);
		const lists = await t.database.db
			.select()
			.from(auditEvents)
			.where(eq(auditEvents.action, "child.list"));
		expect(lists.length).toBeGreaterThanOrEqual(2);
	});
});

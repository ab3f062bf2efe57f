import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { useTestApp } from "../support/app.js";
import { bearer } from "../support/auth.js";

// FIXED_NOW is 2026-09-01.
const t = useTestApp();
const kingston = () => bearer(t.keys, "panel", { la: "314" });

const child = {
	caseRef: "314-SEARCH-0001",
	yearGroup: "Y3",
	primaryNeed: "ASD",
	planLevel: "special_school",
	home: { lat: 51.412, lon: -0.3 },
};

interface ChildBody {
	id: string;
	caseRef: string;
	planFinalisedOn: string | null;
	searchStartedOn: string | null;
	outOfEducationSince: string | null;
	version: number;
}

async function create(body: object) {
	const res = await t.send("POST", "/children", body, await kingston());
	expect(res.status, await res.clone().text()).toBe(201);
	return { child: (await res.json()) as ChildBody, etag: res.headers.get("etag") ?? "" };
}

describe("when the search started and whether the child is out of education", () => {
	it("defaults the search's start to the referral date, and takes the panel's dates", async () => {
		const plain = await create({ ...child, referredAt: "2026-06-15T10:00:00+01:00" });
		expect(plain.child).toMatchObject({
			searchStartedOn: "2026-06-15",
			planFinalisedOn: null,
			outOfEducationSince: null,
		});
		const dated = await create({
			...child,
			caseRef: "314-SEARCH-0002",
			planFinalisedOn: "2026-05-01",
			searchStartedOn: "2026-04-20",
			outOfEducationSince: "2026-07-01",
		});
		expect(dated.child).toMatchObject({
			planFinalisedOn: "2026-05-01",
			searchStartedOn: "2026-04-20",
			outOfEducationSince: "2026-07-01",
		});
		const read = await t.get(`/children/${dated.child.id}`, await kingston());
		// An answer that shows a child is never stored by a cache.
		expect(read.headers.get("cache-control")).toBe("no-store");
		expect(await read.json()).toMatchObject({ outOfEducationSince: "2026-07-01" });
	});

	it("refuses a date in the future, a non-date or a NUL byte, naming the field, and writes nothing", async () => {
		for (const [field, value, status] of [
			["outOfEducationSince", "2026-09-02", 422],
			["searchStartedOn", "1999-12-31", 422],
			["planFinalisedOn", "2026-02-30", 400],
			["searchStartedOn", "2026-01-01\u0000", 400],
			["outOfEducationSince", "9".repeat(5000), 400],
		] as const) {
			const res = await t.send(
				"POST",
				"/children",
				{ ...child, caseRef: "314-SEARCH-BAD", [field]: value },
				await kingston(),
			);
			expect(res.status, `${field}=${value.slice(0, 20)}`).toBe(status);
			const body = (await res.json()) as { errors: { path: string }[] };
			expect(body.errors.map((e) => e.path)).toContain(`body.${field}`);
		}
		const list = await t.get("/children?q=SEARCH-BAD", await kingston());
		expect(((await list.json()) as { total: number }).total).toBe(0);
	});

	it("is set and cleared by a PATCH under If-Match", async () => {
		const { child: c, etag } = await create({ ...child, caseRef: "314-SEARCH-0003" });
		const set = await t.send(
			"PATCH",
			`/children/${c.id}`,
			{ outOfEducationSince: "2026-08-20" },
			{ ...(await kingston()), "if-match": etag },
		);
		expect(set.status).toBe(200);
		expect(await set.json()).toMatchObject({ outOfEducationSince: "2026-08-20", version: 2 });
		const stale = await t.send(
			"PATCH",
			`/children/${c.id}`,
			{ outOfEducationSince: null },
			{ ...(await kingston()), "if-match": etag },
		);
		expect(stale.status).toBe(412);
		const cleared = await t.send(
			"PATCH",
			`/children/${c.id}`,
			{ outOfEducationSince: null },
			{ ...(await kingston()), "if-match": set.headers.get("etag") ?? "" },
		);
		expect(await cleared.json()).toMatchObject({ outOfEducationSince: null, version: 3 });
	});
});

describe("GET /children filters", () => {
	it("searches case references (any case, wildcards taken literally)", async () => {
		const res = await t.get("/children?q=search-000", await kingston());
		const body = (await res.json()) as { items: ChildBody[]; total: number };
		expect(body.total).toBe(3);
		expect(body.items.every((c) => c.caseRef.startsWith("314-SEARCH-000"))).toBe(true);
		const wild = await t.get("/children?q=_", await kingston());
		expect(((await wild.json()) as { total: number }).total).toBe(0);
		expect((await t.get("/children?q=a%20b", await kingston())).status).toBe(400);
	});

	it("gives every page, and a page past the end, the same total as the whole list", async () => {
		type Page = { items: { id: string }[]; total: number };
		const page = async (query: string) =>
			(await (await t.get(`/children?${query}`, await kingston())).json()) as Page;
		const all = await page("limit=200");
		expect(all.total).toBe(all.items.length);
		const first = await page("limit=2&offset=0");
		const second = await page("limit=2&offset=2");
		const beyond = await page(`limit=2&offset=${all.total + 5}`);
		expect([first.total, second.total, beyond.total]).toEqual([all.total, all.total, all.total]);
		expect([...first.items, ...second.items].map((c) => c.id)).toEqual(
			all.items.slice(0, 4).map((c) => c.id),
		);
		expect(beyond.items).toEqual([]);
	});

	it("filters by phase (age) and agrees with the year-group filter's counts", async () => {
		const all = (await (await t.get("/children?limit=200", await kingston())).json()) as {
			items: { age: number }[];
			total: number;
		};
		const primary = (await (
			await t.get("/children?phase=primary&limit=200", await kingston())
		).json()) as {
			items: { age: number }[];
			total: number;
		};
		expect(primary.total).toBe(all.items.filter((c) => c.age >= 4 && c.age <= 10).length);
		expect(primary.items.every((c) => c.age >= 4 && c.age <= 10)).toBe(true);
	});

	it("finds the children with an overdue consultation, the same the consultations list shows", async () => {
		// One consultation, then its due date moved into the past (FIXED_NOW does not move).
		const list = (await (await t.get("/children?q=SEARCH-0001", await kingston())).json()) as {
			items: ChildBody[];
		};
		const id = list.items[0]?.id ?? "";
		const options = (await (await t.get(`/children/${id}/options`, await kingston())).json()) as {
			options: { urn: number; provision: string }[];
		};
		const first = options.options[0];
		expect(first).toBeDefined();
		const opened = await t.send(
			"POST",
			"/consultations",
			{ childId: id, urn: first?.urn, provision: first?.provision },
			await kingston(),
		);
		expect(opened.status).toBe(201);
		const consultation = (await opened.json()) as { id: string };
		await t.database.db.execute(
			sql`update consultation set due_at = '2026-08-20' where id = ${consultation.id}`,
		);
		const overdueConsultations = (await (
			await t.get("/consultations?overdue=true&limit=200", await kingston())
		).json()) as { items: { child: { id: string } }[] };
		const overdueChildren = (await (
			await t.get("/children?overdue=true&limit=200", await kingston())
		).json()) as { items: { id: string }[] };
		expect(overdueChildren.items.map((c) => c.id)).toContain(id);
		expect(overdueChildren.items.map((c) => c.id).sort()).toEqual(
			[...new Set(overdueConsultations.items.map((c) => c.child.id))].sort(),
		);
	});
});

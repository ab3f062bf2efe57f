import { and, count, eq, like } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents } from "../../schema/index.js";
import { bearer } from "../support/auth.js";
import { type Browser, useWebApp } from "../support/web.js";

const t = useWebApp();

async function admin(): Promise<Browser> {
	const b = t.browser();
	await b.signIn("admin", "");
	return b;
}

let run = 0;
/** Writes a few audited records: two Kingston children and a Richmond one, by their panels. */
async function writeSome() {
	const ids: string[] = [];
	run += 1;
	for (const [la, n] of [
		["314", 1],
		["314", 2],
		["318", 3],
	] as const) {
		const r = await t.app.request("/children", {
			method: "POST",
			headers: { ...(await bearer(t.keys, "panel", { la })), "content-type": "application/json" },
			body: JSON.stringify({
				caseRef: `${la}-AUDIT-${run}-${n}`,
				yearGroup: "Y8",
				primaryNeed: "SEMH",
				planLevel: "special_school",
				home: { lat: 51.41, lon: -0.3 },
			}),
		});
		expect(r.status).toBe(201);
		ids.push(((await r.json()) as { id: string }).id);
	}
	return ids;
}

const totalIn = (html: string) =>
	html.includes("No events match these filters.")
		? 0
		: Number(/caption--m">(\d+) events?/.exec(html)?.[1] ?? "NaN");
const londonToday = () => new Date().toLocaleDateString("en-CA", { timeZone: "Europe/London" });

describe("the audit trail page", () => {
	it("filters by borough, role, action, record and date, with the counts the log holds", async () => {
		const [first] = await writeSome();
		const b = await admin();
		const created = await (
			await b.get("/admin/audit?action=child.create&role=panel&borough=314")
		).text();
		const [kingston] = await t.database.db
			.select({ n: count() })
			.from(auditEvents)
			.where(and(eq(auditEvents.action, "child.create"), eq(auditEvents.boroughCode, "314")));
		expect(kingston?.n).toBeGreaterThanOrEqual(2);
		expect(totalIn(created)).toBe(kingston?.n);
		expect(created).toContain("314-AUDIT-1-1");
		expect(created).not.toContain("318-AUDIT-1-3");
		// An action's start finds its family; a record by type and id finds its own events.
		const [family] = await t.database.db
			.select({ n: count() })
			.from(auditEvents)
			.where(like(auditEvents.action, "child.%"));
		expect(totalIn(await (await b.get("/admin/audit?action=child")).text())).toBe(family?.n);
		const record = await (await b.get(`/admin/audit?recordType=child&recordId=${first}`)).text();
		expect(totalIn(record)).toBe(1);
		expect(record).toContain("Before and after");
		const today = londonToday();
		expect(
			totalIn(
				await (await b.get(`/admin/audit?recordId=${first}&from=${today}&to=${today}`)).text(),
			),
		).toBe(1);
		expect(
			totalIn(await (await b.get(`/admin/audit?recordId=${first}&to=2026-01-01`)).text()),
		).toBe(0);
	});

	it("downloads the filtered events as CSV: one line per event, before and after as JSON", async () => {
		await writeSome();
		const b = await admin();
		const page = await (await b.get("/admin/audit?action=child.create&borough=318")).text();
		const r = await b.get("/admin/audit/csv?action=child.create&borough=318");
		expect(r.status).toBe(200);
		expect(r.headers.get("content-type")).toBe("text/csv; charset=utf-8");
		expect(r.headers.get("content-disposition")).toBe('attachment; filename="audit-trail.csv"');
		const lines = (await r.text()).trimEnd().split("\r\n");
		expect(lines[0]).toBe(
			"id,at,actor,role,borough,action,record_type,record_id,request_id,before,after",
		);
		expect(lines.length - 1).toBe(totalIn(page));
		expect(lines.slice(1).every((l) => l.includes(",panel,318,child.create,child,"))).toBe(true);
		expect(lines.slice(1).some((l) => l.includes('""caseRef"":""318-AUDIT-1-3""'))).toBe(true);
	});

	it("marks bad filters beside their fields (NUL bytes, huge values, impossible dates) and shows no events", async () => {
		const b = await admin();
		const r = await b.get(
			`/admin/audit?role=nope&borough=999&recordId=${"b".repeat(200)}&from=2026-02-31&to=2026-13-01&action=${"a".repeat(5000)}`,
		);
		expect(r.status).toBe(400);
		const html = await r.text();
		for (const field of ["role", "borough", "recordId", "from", "to", "action"])
			expect(html).toContain(`href="#${field}"`);
		expect(html).not.toContain("Download these events");
		const order = await (await b.get("/admin/audit?from=2026-09-02&to=2026-09-01")).text();
		expect(order).toContain(
			'<a href="#to">The to date must be the same as or after the from date</a>',
		);
		expect((await b.get("/admin/audit/csv?role=nope")).status).toBe(400);
		// A NUL byte is refused before the page (the app's own guard), and nothing is listed.
		const nul = await b.get("/admin/audit?recordId=a%00b");
		expect(nul.status).toBe(400);
		expect(await nul.text()).not.toContain("<table");
	});

	it("is for admins only, and reading it is audited", async () => {
		const panel = t.browser();
		await panel.signIn("panel", "314");
		expect((await panel.get("/admin/audit")).status).toBe(403);
		expect((await panel.get("/admin/audit/csv")).status).toBe(403);
		const b = await admin();
		await b.get("/admin/audit?role=setting");
		const [read] = await t.database.db
			.select()
			.from(auditEvents)
			.where(eq(auditEvents.action, "audit.list"))
			.orderBy(auditEvents.id);
		expect(read).toMatchObject({ role: "admin", entityType: "audit" });
	});
});

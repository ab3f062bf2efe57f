import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { urnLinks } from "../../schema/index.js";
import { bytesSource } from "../../src/services/import/encoding.js";
import { importLinks } from "../../src/services/import-links.js";
import {
	cp1252,
	EXTRACT_2025,
	EXTRACT_2026,
	LINKS_2026,
	LINKS_HEADER,
	linkRows,
	registerCsv,
} from "../fixtures/import/gias-extracts.js";
import { useTestApp } from "../support/app.js";
import { bearer } from "../support/auth.js";

const t = useTestApp();
const admin = {
	principal: { subject: "test", role: "admin" as const, la: null, urn: null, joint: null },
	requestId: "test-links",
};
const load = (bytes: Uint8Array, name = "links_edubasealldata20260901.csv", dryRun = false) =>
	importLinks(t.database.db, admin, { source: bytesSource(bytes), name }, new Date(), { dryRun });
const linkCount = async () =>
	Number((await t.database.db.select({ n: sql<number>`count(*)::int` }).from(urnLinks))[0]?.n);

async function importExtract(bytes: Uint8Array, name: string) {
	const res = await t.app.request("/settings/import", {
		method: "POST",
		body: bytes,
		headers: {
			...(await bearer(t.keys, "admin")),
			"content-type": "text/csv; charset=windows-1252",
			"content-disposition": `attachment; filename="${name}"`,
		},
	});
	expect(res.status).toBe(200);
}

interface Detail {
	urn: number;
	name: string;
	resolvedFrom?: { urn: number; via: number[]; linkType: string; message: string };
}
const detail = async (urn: number) => {
	const res = await t.get(`/settings/${urn}`);
	return { status: res.status, etag: res.headers.get("etag"), body: (await res.json()) as Detail };
};

describe("GIAS links: an old URN finds the current school", () => {
	it("imports the links file (Successor and Predecessor rows as one pair, others passed over)", async () => {
		await importExtract(EXTRACT_2025(), "edubasealldata20250301.csv");
		await importExtract(EXTRACT_2026(), "edubasealldata20260901.csv");
		const dry = await load(LINKS_2026(), undefined, true);
		expect(dry).toMatchObject({ dryRun: true, created: 6 });
		expect(await linkCount()).toBe(0);
		const result = await load(LINKS_2026());
		expect(result).toEqual({
			file: {
				name: "links_edubasealldata20260901.csv",
				encoding: "windows-1252",
				rows: 9,
				asOf: "2026-09-01",
			},
			links: 6,
			created: 6,
			updated: 0,
			unchanged: 0,
			passedOver: { "Sixth Form Centre Link": 1, Other: 1 },
			dryRun: false,
		});
		expect(await load(LINKS_2026())).toMatchObject({ created: 0, updated: 0, unchanged: 6 });
	});

	it("GET /settings/{old URN} answers the successor and says so", async () => {
		const never = await detail(990405); // closed before it was ever stored
		expect(never.status).toBe(200);
		expect(never.body).toMatchObject({
			urn: 990401,
			name: "St Mary’s Special School",
			resolvedFrom: { urn: 990405, via: [], linkType: "Successor" },
		});
		expect(never.body.resolvedFrom?.message).toBe(
			"URN 990405 is now 990401 (GIAS link: Successor)",
		);
		expect(never.etag).toMatch(/^"990401-/);
		// Stored but closed in 2026: its successor by amalgamation.
		expect((await detail(990408)).body).toMatchObject({
			urn: 990413,
			resolvedFrom: { urn: 990408, linkType: "Successor - amalgamated" },
		});
		// Two conversions: through 100002.
		expect((await detail(100001)).body.resolvedFrom).toMatchObject({ via: [100002], urn: 100001 });
		expect((await detail(100001)).body.urn).toBe(990402);
		// A current school is itself; a split school has no single successor.
		expect((await detail(990401)).body.resolvedFrom).toBeUndefined();
		expect((await detail(100010)).status).toBe(404);
	});

	it("a child's preference given as an old URN is stored as the current school, and the answer says so", async () => {
		const panel = await bearer(t.keys, "panel", { la: "209" });
		const res = await t.send(
			"POST",
			"/children",
			{
				caseRef: "209-LINK-1",
				yearGroup: "Y3",
				primaryNeed: "SLCN",
				planLevel: "resourced_provision",
				home: { postcode: "SE4 1AA" },
				preferences: [100001, 990415],
			},
			panel,
		);
		expect(res.status).toBe(201);
		const child = (await res.json()) as {
			id: string;
			preferences: number[];
			preferencesResolved?: { from: number; urn: number; message: string }[];
		};
		expect(child.preferences).toEqual([990402, 990415]);
		expect(child.preferencesResolved).toEqual([
			{
				from: 100001,
				urn: 990402,
				message: "URN 100001 is now 990402 via 100002 (GIAS link: Successor)",
			},
		]);
		const again = (await (await t.get(`/children/${child.id}`, panel)).json()) as Record<
			string,
			unknown
		>;
		expect(again.preferences).toEqual([990402, 990415]);
		expect(again.preferencesResolved).toBeUndefined();
	});

	it("refuses a links file with a bad URN or date, naming the row and column, and writes nothing", async () => {
		const before = await linkCount();
		const rows = linkRows().map((r, i) =>
			i === 1
				? { ...r, LinkURN: "12AB" }
				: i === 2
					? { ...r, LinkEstablishedDate: "31-02-2026" }
					: r,
		);
		await expect(load(cp1252(registerCsv(LINKS_HEADER, rows)))).rejects.toMatchObject({
			errors: [
				{ path: "rows[2].LinkURN", message: 'must be a 6-digit URN, not "12AB"' },
				{ path: "rows[3].LinkEstablishedDate", message: expect.stringContaining("must be a date") },
			],
		});
		await expect(
			load(cp1252(registerCsv(["URN", "LinkName", "LinkType"], linkRows()))),
		).rejects.toMatchObject({
			message: expect.stringContaining("lacks GIAS links column LinkURN"),
		});
		expect(await linkCount()).toBe(before);
	});

	it("POST /settings/import-links takes the same file for an admin; a publisher is refused", async () => {
		const post = async (role: "admin" | "publisher", query = "") =>
			t.app.request(`/settings/import-links${query}`, {
				method: "POST",
				body: LINKS_2026(),
				headers: {
					...(await bearer(t.keys, role, role === "publisher" ? { la: "314" } : {})),
					"content-type": "text/csv; charset=windows-1252",
					"content-disposition": 'attachment; filename="links_edubasealldata20260901.csv"',
				},
			});
		expect((await post("publisher")).status).toBe(403);
		const before = await linkCount();
		const dry = await post("admin", "?dryRun=true");
		expect(dry.status).toBe(200);
		expect(await dry.json()).toMatchObject({ dryRun: true, links: 6 });
		const res = await post("admin");
		expect(res.status).toBe(200);
		expect(await res.json()).toMatchObject({
			file: { name: "links_edubasealldata20260901.csv", encoding: "windows-1252", rows: 9 },
			links: 6,
			created: 0,
			unchanged: 6,
			dryRun: false,
		});
		expect(await linkCount()).toBe(before);
		const json = await t.app.request("/settings/import-links", {
			method: "POST",
			body: "{}",
			headers: { ...(await bearer(t.keys, "admin")), "content-type": "application/json" },
		});
		expect(json.status).toBe(415);
	});

	it("an old URN in POST /vacancies and in a JSON import row is written to the current school, saying so", async () => {
		const admin = await bearer(t.keys, "admin");
		const published = await t.send(
			"POST",
			"/vacancies",
			[{ urn: 100001, provision: "RP", count: 1 }],
			admin,
		);
		expect(published.status).toBe(200);
		expect(await published.json()).toMatchObject({
			items: [{ urn: 990402, provision: "RP", count: 1 }],
			urnsResolved: [
				{
					index: 0,
					from: 100001,
					urn: 990402,
					message: "URN 100001 is now 990402 via 100002 (GIAS link: Successor)",
				},
			],
		});
		const current = (await (await t.get("/settings/990402", admin)).json()) as Record<
			string,
			unknown
		>;
		const row = {
			urn: 100002,
			name: "Brockley Park Primary School (renamed)",
			borough: current.borough,
			giasType: current.giasType,
			phase: current.phase,
			ageRange: current.ageRange,
			postcode: current.postcode,
			location: {
				lat: (current.location as { lat: number }).lat,
				lon: (current.location as { lon: number }).lon,
			},
		};
		const res = await t.send("POST", "/settings/import", { settings: [row] }, admin);
		expect(res.status).toBe(200);
		expect(await res.json()).toMatchObject({
			rows: [{ urn: 990402, outcome: "updated" }],
			urnsResolved: [
				{
					row: 0,
					from: 100002,
					urn: 990402,
					message: "URN 100002 is now 990402 (GIAS link: Successor)",
				},
			],
		});
		expect((await detail(990402)).body.name).toBe("Brockley Park Primary School (renamed)");
		expect((await detail(100002)).status).toBe(200);
	});
});

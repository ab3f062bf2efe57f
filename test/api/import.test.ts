import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, provisionNeedTypes, provisions, settings } from "../../schema/index.js";
import { bngToWgs84 } from "../../src/services/import/geo.js";
import { useTestApp } from "../support/app.js";
import { bearer } from "../support/auth.js";

const t = useTestApp();
const KINGSTON = "314";
const RICHMOND = "318";
const FIXTURE = readFileSync(
	new URL("../fixtures/import/gias-kingston.csv", import.meta.url),
	"utf8",
);

type Row = Record<string, string>;
interface Problem {
	status: number;
	code: string;
	detail: string;
	errors?: { path: string; message: string }[];
}
interface Imported {
	rows: {
		row: number;
		urn: number;
		created: boolean;
		etag: string;
		provisions: { code: string; created: boolean }[];
		assumed: string[];
	}[];
	skipped: { row: number; urn: number | null; reason: string }[];
	created: number;
	updated: number;
	unchanged: number;
	changes: unknown[];
	defaults: { topUpBand: string; topUp: { mainstream: number; special: number } };
}
interface SettingView {
	name: string;
	borough: string;
	status: string | null;
	location: { lat: number; lon: number; source: string };
	provisions: {
		code: string;
		level: string;
		needTypes: string[];
		ageRange: { min: number; max: number };
		places: number;
		annualCost: { placeFunding: number; topUp: number; fee: number };
	}[];
}

/** The fixture's header and rows, to build variants of it. */
const fixture = (() => {
	const [header = [], ...rest] = parse(FIXTURE) as string[][];
	return {
		header,
		rows: rest.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ""]))),
	};
})();
const cellOf = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
function toCsv(rows: Row[], header = fixture.header): string {
	return [header, ...rows.map((r) => header.map((h) => r[h] ?? ""))]
		.map((cells) => cells.map(cellOf).join(","))
		.join("\r\n");
}
/** The fixture's rows with new URNs (9903nn), changed by `edit`. */
function variant(edit: (rows: Row[]) => Row[] = (r) => r): string {
	return toCsv(edit(fixture.rows.map((r, i) => ({ ...r, URN: String(990_301 + i) }))));
}

async function post(
	body: string | Uint8Array,
	contentType?: string,
	auth?: Record<string, string>,
) {
	const headers: Record<string, string> = {
		...(auth ?? (await bearer(t.keys, "publisher", { la: KINGSTON }))),
	};
	if (contentType) headers["content-type"] = contentType;
	return t.app.request("/settings/import", { method: "POST", body, headers });
}
const postCsv = (csv: string, auth?: Record<string, string>) => post(csv, "text/csv", auth);
const postJson = (value: unknown, auth?: Record<string, string>) =>
	post(JSON.stringify(value), "application/json", auth);

async function problem(res: Response, status: number): Promise<Problem> {
	expect(res.status).toBe(status);
	expect(res.headers.get("content-type")).toContain("application/problem+json");
	return (await res.json()) as Problem;
}

async function counts() {
	const db = t.database.db;
	const n = async (
		table: typeof settings | typeof provisions | typeof provisionNeedTypes | typeof auditEvents,
	) => Number((await db.select({ n: sql<number>`count(*)::int` }).from(table))[0]?.n);
	return {
		settings: await n(settings),
		provisions: await n(provisions),
		needTypes: await n(provisionNeedTypes),
		audit: await n(auditEvents),
	};
}

/** Expects the import to be refused with nothing written. */
async function expectRefused(res: Promise<Response>, status: number): Promise<Problem> {
	const before = await counts();
	const p = await problem(await res, status);
	expect(await counts()).toEqual(before);
	return p;
}

/** Inside the Royal Borough of Kingston's bounding box (about 51.33–51.44 N, 0.33–0.24 W). */
function expectInKingston(p: { lat: number; lon: number }) {
	expect(p.lat).toBeGreaterThan(51.33);
	expect(p.lat).toBeLessThan(51.44);
	expect(p.lon).toBeGreaterThan(-0.33);
	expect(p.lon).toBeLessThan(-0.24);
}

const jsonSetting = (urn: number, overrides: Row | Record<string, unknown> = {}) => ({
	urn,
	name: "Kingston JSON Academy",
	borough: KINGSTON,
	giasType: "Academy converter",
	phase: "Secondary",
	ageRange: { min: 11, max: 16 },
	postcode: "KT3 5AA",
	provisions: [
		{
			code: "ASD-RP",
			name: "ASD resource base",
			level: "resourced_provision",
			needTypes: ["ASD", "SLCN"],
			ageRange: { min: 11, max: 16 },
			places: 12,
			annualCost: { placeFunding: 6000, topUp: 9000 },
		},
	],
	...overrides,
});

describe("POST /settings/import, GIAS CSV", () => {
	it("creates a Kingston special school, a mainstream school with RP and SEN unit, and an independent school; skips the rest", async () => {
		const res = await postCsv(FIXTURE);
		expect(res.status).toBe(200);
		const body = (await res.json()) as Imported;
		expect(body.created).toBe(3);
		expect(body.updated).toBe(0);
		expect(body.rows.map((r) => [r.row, r.urn, r.created, r.provisions])).toEqual([
			[1, 990_101, true, [{ code: "SS", created: true }]],
			[
				2,
				990_102,
				true,
				[
					{ code: "RP", created: true },
					{ code: "UNIT", created: true },
				],
			],
			[4, 990_104, true, [{ code: "SS", created: true }]],
		]);
		expect(body.skipped).toEqual([
			{ row: 3, urn: 990_103, reason: expect.stringContaining("not a special school") },
			{ row: 5, urn: 990_105, reason: "closed establishment" },
		]);
		expect(body.rows[0]?.assumed).toEqual([
			"provisions.SS.annualCost.placeFunding",
			"provisions.SS.annualCost.topUp",
		]);
		expect(body.rows[2]?.assumed).toEqual([
			"location",
			"provisions.SS.places",
			"provisions.SS.annualCost.fee",
		]);
		expect(body.defaults).toMatchObject({
			topUpBand: "C",
			topUp: { mainstream: 9000, special: 17000 },
		});

		const special = (await (await t.get("/settings/990101")).json()) as SettingView;
		expect(special).toMatchObject({ name: "Hogsmill Valley School", borough: KINGSTON });
		// Easting 518650, Northing 166400 (south Surbiton) → WGS84 through the OSGB36 datum shift.
		expect(special.location.source).toBe("published");
		expectInKingston(special.location);
		expect(special.location.lat).toBeCloseTo(51.3843, 3);
		expect(special.location.lon).toBeCloseTo(-0.2964, 3);
		expect(special.provisions).toEqual([
			expect.objectContaining({
				code: "SS",
				level: "special_la_maintained",
				needTypes: ["ASD", "SLCN", "SLD"],
				ageRange: { min: 4, max: 19 },
				places: 120,
				annualCost: expect.objectContaining({ placeFunding: 10_000, topUp: 17_000, fee: 0 }),
			}),
		]);

		const mainstream = (await (await t.get("/settings/990102")).json()) as SettingView;
		expectInKingston(mainstream.location);
		expect(mainstream.location.lat).toBeCloseTo(51.4087, 3);
		expect(mainstream.location.lon).toBeCloseTo(-0.2988, 3);
		expect(
			mainstream.provisions.map((p) => [p.code, p.level, p.places, [...p.needTypes].sort()]),
		).toEqual([
			["RP", "resourced_provision", 14, ["ASD", "SLCN"]],
			["UNIT", "sen_unit", 10, ["ASD", "SLCN"]],
		]);
		expect(mainstream.provisions[0]?.annualCost).toMatchObject({ placeFunding: 6000, topUp: 9000 });

		const independent = (await (await t.get("/settings/990104")).json()) as SettingView;
		expect(independent.status).toBe("s41-approved");
		expect(independent.location.source).toBe("postcode-district-centroid");
		expect(independent.provisions[0]).toMatchObject({
			level: "special_independent",
			places: 45,
			annualCost: { placeFunding: 0, topUp: 0, fee: 52_000 },
		});

		expect((await t.get("/settings/990103")).status).toBe(404);
		const audit = await t.database.db
			.select()
			.from(auditEvents)
			.where(eq(auditEvents.requestId, res.headers.get("x-request-id") ?? ""));
		expect(audit.map((a) => a.action).sort()).toEqual([
			...Array(4).fill("provision.create"),
			...Array(3).fill("setting.create"),
		]);
	});

	it("imports the same file again as unchanged: nothing created, nothing written", async () => {
		const before = await counts();
		const res = await postCsv(FIXTURE);
		expect(res.status).toBe(200);
		const body = (await res.json()) as Imported;
		expect(body).toMatchObject({ created: 0, updated: 0, unchanged: 3, changes: [] });
		expect(body.rows.every((r) => !r.created && r.provisions.every((p) => !p.created))).toBe(true);
		expect(await counts()).toEqual(before);
	});

	it("refuses places below the vacancies already published", async () => {
		const publish = await t.send(
			"POST",
			"/vacancies",
			[{ urn: 990_101, provision: "SS", count: 3 }],
			await bearer(t.keys, "publisher", { la: KINGSTON }),
		);
		expect(publish.status).toBe(200);
		const csv = toCsv(
			fixture.rows.map((r) => (r.URN === "990101" ? { ...r, SchoolCapacity: "2" } : r)),
		);
		const p = await expectRefused(postCsv(csv), 422);
		expect(p.errors).toEqual([
			{ path: "rows[1].SchoolCapacity", message: expect.stringContaining("3 vacancies") },
		]);
	});

	it("rejects the whole file when one row is bad, listing that row's errors, and writes nothing", async () => {
		const csv = variant((rows) =>
			rows.map((r, i) =>
				i === 1
					? { ...r, "SEN1 (name)": "Autism", StatutoryHighAge: "eleven", SenUnitCapacity: "ten" }
					: r,
			),
		);
		const p = await expectRefused(postCsv(csv), 422);
		expect(p.code).toBe("unprocessable");
		expect(p.detail).toMatch(/^3 errors in 1 row; nothing was imported/);
		expect(p.errors?.map((e) => e.path)).toEqual([
			"rows[2].SEN1 (name)",
			"rows[2].StatutoryHighAge",
			"rows[2].SenUnitCapacity",
		]);
		expect((await t.get("/settings/990301")).status).toBe(404);
	});

	it("names an unknown need label and the labels it expected", async () => {
		const csv = variant((rows) => [{ ...(rows[0] as Row), "SEN2 (name)": "Dyslexia" }]);
		const p = await expectRefused(postCsv(csv), 422);
		expect(p.errors).toEqual([
			{
				path: "rows[1].SEN2 (name)",
				message: expect.stringContaining('unknown GIAS need label "Dyslexia"'),
			},
		]);
		expect(p.errors?.[0]?.message).toContain('"SpLD - Specific Learning Difficulty"');
	});

	it("reports a duplicate URN and a row with the wrong number of fields as row errors", async () => {
		const [first] = fixture.rows;
		const csv = `${toCsv([first as Row, first as Row])}\r\n990399,Short Row,314`;
		const p = await expectRefused(postCsv(csv), 422);
		expect(p.errors).toEqual([
			{ path: "rows[2].URN", message: "URN 990101 already appears in rows[1]" },
			{
				path: "rows[3]",
				message: `has 3 fields; the header has ${fixture.header.length} (a file cut short ends like this)`,
			},
		]);
	});

	it("answers 400 for a quoted field that is never closed", async () => {
		const csv = `${variant()}\r\n990399,"Unclosed School,314\r\n`;
		const p = await expectRefused(postCsv(csv), 400);
		expect(p.detail).toMatch(/malformed CSV: a quoted field opened in data row 6 is never closed/);
		expect(p.errors?.[0]?.path).toBe("rows[6]");
	});

	it("answers 400 naming each missing required column", async () => {
		const header = fixture.header.filter((h) => h !== "LA (code)" && h !== "SEN1 (name)");
		const p = await expectRefused(postCsv(toCsv(fixture.rows, header)), 400);
		expect(p.code).toBe("validation_failed");
		expect(p.detail).toContain("LA (code), SEN1 (name)");
		expect(p.errors?.map((e) => e.path)).toEqual(["header.LA (code)", "header.SEN1 (name)"]);
	});

	it("answers 400 for a header without data rows", async () => {
		await expectRefused(postCsv(fixture.header.join(",")), 400);
	});

	it("reads a Windows-1252 GIAS download when the charset says so", async () => {
		const csv = variant((rows) => [{ ...(rows[0] as Row), EstablishmentName: "École Spéciale" }]);
		const latin1 = Uint8Array.from(csv, (ch) => ch.charCodeAt(0));
		const bad = await expectRefused(post(latin1, "text/csv"), 400);
		expect(bad.detail).toContain("charset=windows-1252");
		const res = await post(latin1, "text/csv; charset=windows-1252");
		expect(res.status).toBe(200);
		const got = (await (await t.get("/settings/990301")).json()) as SettingView;
		expect(got.name).toBe("École Spéciale");
	});
});

describe("POST /settings/import, borough access", () => {
	it("refuses a row of another borough with 403 naming it, and writes nothing", async () => {
		const csv = variant((rows) =>
			rows.map((r, i) => (i === 1 ? { ...r, "LA (code)": RICHMOND, Postcode: "TW9 1AA" } : r)),
		);
		const p = await expectRefused(postCsv(csv), 403);
		expect(p.code).toBe("forbidden");
		expect(p.errors).toEqual([
			{ path: "rows[2].LA (code)", message: expect.stringContaining("borough 318 is not yours") },
		]);
	});

	it("refuses to overwrite an existing setting of another borough", async () => {
		const [richmond] = await t.database.db
			.select({ urn: settings.urn })
			.from(settings)
			.where(eq(settings.boroughCode, RICHMOND))
			.limit(1);
		const csv = toCsv([{ ...(fixture.rows[0] as Row), URN: String(richmond?.urn) }]);
		const p = await expectRefused(postCsv(csv), 403);
		expect(p.errors).toEqual([
			{ path: "rows[1].URN", message: expect.stringContaining(`belongs to borough ${RICHMOND}`) },
		]);
	});

	it("answers 422 with every error when permission errors come with others", async () => {
		const csv = variant((rows) => [
			{ ...(rows[0] as Row), "LA (code)": RICHMOND },
			{ ...(rows[1] as Row), StatutoryLowAge: "" },
		]);
		const p = await expectRefused(postCsv(csv), 422);
		expect(p.errors?.map((e) => e.path)).toEqual(["rows[1].LA (code)", "rows[2].StatutoryLowAge"]);
	});

	it("lets an admin import any borough's settings", async () => {
		const csv = variant((rows) => [{ ...(rows[0] as Row), "LA (code)": RICHMOND, URN: "990401" }]);
		const res = await postCsv(csv, await bearer(t.keys, "admin"));
		expect(res.status).toBe(200);
		expect(((await (await t.get("/settings/990401")).json()) as SettingView).borough).toBe(
			RICHMOND,
		);
	});

	it("answers 401 with a challenge without a token", async () => {
		const res = await t.app.request("/settings/import", {
			method: "POST",
			body: FIXTURE,
			headers: { "content-type": "text/csv" },
		});
		await problem(res, 401);
		expect(res.headers.get("www-authenticate")).toMatch(/^Bearer realm=/);
	});

	it("answers 403 to a panel", async () => {
		const p = await expectRefused(
			postCsv(FIXTURE, await bearer(t.keys, "panel", { la: KINGSTON })),
			403,
		);
		expect(p.detail).toContain("role panel may not do this");
	});
});

describe("POST /settings/import, JSON", () => {
	it("creates settings with their provisions", async () => {
		const res = await postJson({ settings: [jsonSetting(990_501)] });
		expect(res.status).toBe(200);
		const body = (await res.json()) as Imported;
		expect(body.rows).toEqual([
			expect.objectContaining({
				row: 0,
				urn: 990_501,
				created: true,
				provisions: [{ code: "ASD-RP", created: true }],
				assumed: ["location"],
			}),
		]);
		const got = (await (await t.get("/settings/990501")).json()) as SettingView;
		expect(got.provisions[0]).toMatchObject({
			code: "ASD-RP",
			places: 12,
			needTypes: ["ASD", "SLCN"],
		});
	});

	it("lists every row's errors with JSON paths and writes nothing", async () => {
		const bad = jsonSetting(990_502, {
			colour: "red",
			provisions: [
				{ ...jsonSetting(0).provisions[0], places: -1 },
				{ ...jsonSetting(0).provisions[0], code: "UNIT", ageRange: { min: 4, max: 16 } },
				{ ...jsonSetting(0).provisions[0] },
			],
		});
		const p = await expectRefused(
			postJson({ settings: [jsonSetting(990_503), bad, jsonSetting(990_503)] }),
			422,
		);
		expect(p.errors?.map((e) => e.path)).toEqual([
			"settings[1].colour",
			"settings[1].provisions[0].places",
			"settings[1].provisions[1].ageRange",
			"settings[1].provisions[2].code",
			"settings[2].urn",
		]);
		expect((await t.get("/settings/990503")).status).toBe(404);
	});

	it("answers 400 for a body that is not { settings: [...] }", async () => {
		await expectRefused(postJson([jsonSetting(990_504)]), 400);
		await expectRefused(postJson({ settings: [] }), 400);
		await expectRefused(post("{not json", "application/json"), 400);
	});
});

describe("POST /settings/import, transport", () => {
	it("answers 415 to other content types", async () => {
		const p = await expectRefused(post(FIXTURE, "text/plain"), 415);
		expect(p.code).toBe("unsupported_media_type");
		expect(p.detail).toContain("text/csv");
		await expectRefused(post(FIXTURE, "application/x-www-form-urlencoded"), 415);
	});

	it("answers 413 to a body over the limit", async () => {
		const big = `${FIXTURE}${"x".repeat(70_000)}`;
		await expectRefused(postCsv(big), 413);
	});

	it("documents both media types and the error responses", async () => {
		const doc = (await (await t.get("/openapi.json")).json()) as {
			paths: Record<
				string,
				Record<string, { requestBody: { content: object }; responses: object; security: unknown }>
			>;
		};
		const op = doc.paths["/settings/import"]?.post;
		expect(Object.keys(op?.requestBody.content ?? {})).toEqual(["text/csv", "application/json"]);
		expect(Object.keys(op?.responses ?? {})).toEqual(
			expect.arrayContaining(["200", "400", "401", "403", "413", "415", "422"]),
		);
		expect(op?.security).toEqual([{ bearerAuth: [] }]);
	});
});

describe("British National Grid", () => {
	it("converts Easting/Northing to WGS84 as GIAS does", () => {
		// Camden Primary Pupil Referral Unit in the 2015 Edubase extract: 529076, 182495 → 51.526635, -0.140758.
		const { lat, lon } = bngToWgs84(529_076, 182_495);
		expect(lat).toBeCloseTo(51.526635, 4);
		expect(lon).toBeCloseTo(-0.140758, 4);
	});
});

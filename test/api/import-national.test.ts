import { readFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, provisions, settings } from "../../schema/index.js";
import { loadProvisions } from "../../src/services/matching/load-instance.js";
import {
	cp1252,
	EXTRACT_2025,
	EXTRACT_2026,
	HEADER_2026,
	LINKS_2026,
	registerCsv,
	rows2026,
} from "../fixtures/import/gias-extracts.js";
import { useTestApp } from "../support/app.js";
import { bearer } from "../support/auth.js";

const t = useTestApp();
const LATIN1 = "text/csv; charset=windows-1252";

interface Result {
	rows: { urn: number; outcome: string; provisions: { code: string; created: boolean }[] }[];
	skipped: { row: number; urn: number | null; reason: string }[];
	closed: { urn: number; closedOn: string }[];
	created: number;
	updated: number;
	unchanged: number;
	flagged: number;
	flags: { urn: number; path: string; message: string }[];
	changes: { urn: number; field: string; from: unknown; to: unknown }[];
	file: { encoding: string; rows: number; london: number; outsideLondon: number; asOf: string };
	dryRun: boolean;
}
interface Detail {
	name: string;
	borough: string;
	closedOn: string | null;
	location: { lat: number; lon: number; source: string };
	synthetic: string[];
	provenance: { source: string; file?: string; asOf: string; real: string[] } | null;
	provisions: {
		code: string;
		level: string;
		needTypes: string[];
		places: number;
		onRoll: number | null;
		synthetic: string[];
		provenance: { asOf: string; real: string[] } | null;
	}[];
}

async function post(body: Uint8Array, name: string, query = "", type = LATIN1) {
	return t.app.request(`/settings/import${query}`, {
		method: "POST",
		body,
		headers: {
			...(await bearer(t.keys, "admin")),
			"content-type": type,
			"content-disposition": `attachment; filename="${name}"`,
		},
	});
}
const detail = async (urn: number) => (await (await t.get(`/settings/${urn}`)).json()) as Detail;
async function footprint() {
	const db = t.database.db;
	const [row] = await db
		.select({
			settings: sql<string>`(select count(*) || '/' || sum(version) from ${settings})`,
			provisions: sql<string>`(select count(*) || '/' || sum(version) from ${provisions})`,
			audit: sql<number>`(select count(*)::int from ${auditEvents})`,
		})
		.from(settings)
		.limit(1);
	return row;
}
async function refused(res: Response, status: number) {
	expect(res.status).toBe(status);
	expect(res.headers.get("content-type")).toContain("application/problem+json");
	return (await res.json()) as { detail: string; errors?: { path: string; message: string }[] };
}

describe("a national GIAS extract (Windows-1252, 2021–2025 columns)", () => {
	it("a dry run reports everything and keeps nothing", async () => {
		const before = await footprint();
		const res = await post(EXTRACT_2025(), "edubasealldata20250301.csv", "?dryRun=true");
		expect(res.status).toBe(200);
		const body = (await res.json()) as Result;
		expect(body).toMatchObject({ dryRun: true, created: 10, updated: 0 });
		expect(await footprint()).toEqual(before);
		expect((await t.get("/settings/990401")).status).toBe(404);
	});

	it("loads London's special schools, resourced provisions and units, and nothing outside London", async () => {
		const res = await post(EXTRACT_2025(), "edubasealldata20250301.csv");
		expect(res.status).toBe(200);
		const body = (await res.json()) as Result;
		expect(body.file).toEqual({
			name: "edubasealldata20250301.csv",
			encoding: "windows-1252",
			rows: 31,
			london: 14,
			outsideLondon: 17,
			asOf: "2025-03-01",
		});
		expect(body).toMatchObject({ created: 10, updated: 0, unchanged: 0, flagged: 5, closed: [] });
		expect(body.rows.map((r) => r.urn)).toEqual([
			990401, 990402, 990403, 990404, 990408, 990409, 990410, 990413, 990414, 990415,
		]);
		expect(body.skipped.map((s) => [s.urn, s.reason])).toEqual([
			[990405, "closed establishment"],
			[990411, expect.stringContaining("not a special school")],
			[990412, "not open (Proposed to open)"],
			[990418, expect.stringContaining("not a special school")],
		]);
		for (const urn of [990406, 990407, 990416, 990450, 990451])
			expect((await t.get(`/settings/${urn}`)).status).toBe(404);

		const stMarys = await detail(990401);
		expect(stMarys.name).toBe("St Mary’s Special School"); // 0x92 in Windows-1252
		expect(stMarys.borough).toBe("314");
		// Easting 519500, Northing 168900 → WGS84 through the OSGB36 shift.
		expect(stMarys.location.source).toBe("published");
		expect(stMarys.location.lat).toBeCloseTo(51.4065, 3);
		expect(stMarys.location.lon).toBeCloseTo(-0.2833, 3);
		expect(stMarys.provenance).toEqual({
			source: "gias",
			file: "edubasealldata20250301.csv",
			asOf: "2025-03-01",
			real: [
				"name",
				"borough",
				"giasType",
				"phase",
				"ageRange",
				"postcode",
				"location",
				"pupilCount",
			],
		});
		expect(stMarys.provisions).toEqual([
			expect.objectContaining({
				code: "SS",
				level: "special_la_maintained",
				needTypes: ["ASD", "SLCN"],
				places: 120,
				synthetic: ["annualCost.placeFunding", "annualCost.topUp"],
			}),
		]);

		const croydon = await detail(990403);
		expect(
			croydon.provisions.map((p) => [p.code, p.level, p.places, p.onRoll, p.needTypes]),
		).toEqual([
			["RP", "resourced_provision", 20, 18, ["ASD", "SEMH"]],
			["UNIT", "sen_unit", 8, 8, ["ASD", "SEMH"]],
		]);
		expect(croydon.provisions[1]?.synthetic).toContain("places");
		expect(croydon.provisions[0]?.provenance?.real).toEqual(
			expect.arrayContaining(["level", "needTypes", "places", "onRoll"]),
		);
		expect(body.flags.find((f) => f.urn === 990403)?.path).toBe("rows[3].SenUnitCapacity");

		// "10.0" capacity, 13 on roll: imported and flagged.
		const richmond = await detail(990415);
		expect(richmond.provisions[0]).toMatchObject({ code: "RP", places: 10, onRoll: 13 });
		// "Not applicable" capacity and no pupils on roll: 0 places, flagged.
		expect((await detail(990404)).provisions[0]).toMatchObject({ code: "UNIT", places: 0 });
		// Easting/Northing 0: the postcode district's centre, marked synthetic; no designation:
		// the setting without a provision.
		const stepney = await detail(990410);
		expect(stepney.location.source).toBe("postcode-district-centroid");
		expect(stepney.synthetic).toEqual(["location"]);
		expect(stepney.provisions).toEqual([]);
		expect((await detail(990408)).provisions[0]?.level).toBe("special_non_maintained");
		expect((await detail(990409)).name).toBe("Orchard House School, Ealing");
		expect((await detail(990414)).name).toBe("Riverside – Lea Bridge Academy");
	});

	it("a newer extract with later columns updates in place and reports each change", async () => {
		const before = await footprint();
		const res = await post(EXTRACT_2026(), "edubasealldata20260901.csv");
		expect(res.status).toBe(200);
		const body = (await res.json()) as Result;
		expect(body).toMatchObject({ created: 1, updated: 4, unchanged: 5 });
		expect(body.changes.map((c) => [c.urn, c.field, c.from, c.to])).toEqual([
			[990401, "provisions.SS.needTypes", ["ASD", "SLCN"], ["ASD", "SLCN", "SLD"]],
			[990401, "provisions.SS.places", 120, 132],
			[990402, "provisions.RP.places", 14, 16],
			[990402, "provisions.RP.onRoll", 12, 15],
			[990403, "provisions.UNIT.places", 8, 10],
			[990403, "provisions.UNIT.onRoll", 8, 9],
			[990410, "provisions.SS", null, "created"],
			[990408, "closedOn", null, "2026-08-31"],
		]);
		expect(body.closed).toEqual([{ row: 9, urn: 990408, closedOn: "2026-08-31" }]);
		const after = await footprint();
		expect(Number(after?.settings.split("/")[0])).toBe(Number(before?.settings.split("/")[0]) + 1);

		const croydon = await detail(990403);
		expect(croydon.provisions[1]).toMatchObject({
			places: 10,
			synthetic: expect.not.arrayContaining(["places"]),
		});
		expect(croydon.provisions[1]?.provenance?.asOf).toBe("2026-09-01");
		// An unchanged setting keeps its version; its register date moves on.
		const hillingdon = await detail(990413);
		expect(hillingdon.provenance?.asOf).toBe("2026-09-01");
		expect((await detail(990417)).provisions[0]).toMatchObject({ code: "RP", places: 12 });
	});

	it("keeps a closed establishment, marked, and out of the supply", async () => {
		const closed = await detail(990408);
		expect(closed.closedOn).toBe("2026-08-31");
		const list = (await (await t.get("/settings?borough=303")).json()) as {
			items: { urn: number }[];
		};
		expect(list.items.map((s) => s.urn)).not.toContain(990408);
		const publish = await t.send(
			"POST",
			"/vacancies",
			[{ urn: 990408, provision: "SS", count: 1 }],
			await bearer(t.keys, "publisher", { la: "303" }),
		);
		expect(publish.status).toBe(422);
		expect(JSON.stringify(await publish.json())).toContain("closed on 2026-08-31");
		// The supply the ranked options and rounds read has no place there; Hillingdon's is there.
		const supply = await loadProvisions(t.database.db, "2026-09-02");
		expect(supply.some((p) => p.settingUrn === "990408")).toBe(false);
		expect(supply.some((p) => p.settingUrn === "990413")).toBe(true);
	});

	it("the same extract again changes nothing", async () => {
		const before = await footprint();
		const body = (await (
			await post(EXTRACT_2026(), "edubasealldata20260901.csv")
		).json()) as Result;
		expect(body).toMatchObject({ created: 0, updated: 0, unchanged: 10, changes: [], closed: [] });
		expect(await footprint()).toEqual(before);
	});
});

describe("the committed extracts", () => {
	it("are what test/fixtures/import/gias-extracts.ts writes", () => {
		const dir = new URL("../fixtures/import/", import.meta.url);
		expect(readFileSync(new URL("edubasealldata20250301.csv", dir))).toEqual(
			Buffer.from(EXTRACT_2025()),
		);
		expect(readFileSync(new URL("edubasealldata20260901.csv", dir))).toEqual(
			Buffer.from(EXTRACT_2026()),
		);
		expect(readFileSync(new URL("links_edubasealldata20260901.csv", dir))).toEqual(
			Buffer.from(LINKS_2026()),
		);
	});
});

describe("a broken register file changes nothing", () => {
	const good = () => EXTRACT_2026();
	const cases: [string, () => Uint8Array, string, number, RegExp][] = [
		[
			"UTF-16",
			() => Uint8Array.from([0xff, 0xfe, ...new TextEncoder().encode("URN")]),
			LATIN1,
			400,
			/UTF-16/,
		],
		[
			"UTF-8 sent as Windows-1252",
			() => new TextEncoder().encode(registerCsv(HEADER_2026, rows2026())),
			LATIN1,
			400,
			/UTF-8 but was sent as windows-1252/,
		],
		["Windows-1252 sent as UTF-8", good, "text/csv; charset=utf-8", 400, /not valid UTF-8/],
		["a zip", () => Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0, 0]), LATIN1, 400, /zip archive/],
		[
			"a NUL byte",
			() => {
				const b = good();
				b[5000] = 0;
				return b;
			},
			LATIN1,
			400,
			/^rows\[3\]\.SENPRU \(name\): contains a NUL byte/,
		],
		[
			"a missing required column",
			() =>
				cp1252(
					registerCsv(
						HEADER_2026.filter((h) => h !== "TypeOfEstablishment (name)"),
						rows2026(),
					),
				),
			LATIN1,
			400,
			/lacks required GIAS column TypeOfEstablishment \(name\)/,
		],
		[
			"a truncated file (cut in a quoted cell)",
			() => {
				const b = good();
				return b.subarray(0, b.indexOf(0x4e, 12_000) + 3); // inside a later "N…" cell
			},
			LATIN1,
			400,
			/never closed/,
		],
	];
	for (const [what, bytes, type, status, message] of cases)
		it(`refuses ${what}`, async () => {
			const before = await footprint();
			const p = await refused(await post(bytes(), "edubasealldata20260902.csv", "", type), status);
			expect(p.detail).toMatch(message);
			expect(await footprint()).toEqual(before);
		});

	it("refuses a file cut at the end of a line, naming the short last row", async () => {
		const text = registerCsv(HEADER_2026, rows2026());
		const cut = text.slice(0, text.lastIndexOf('","', text.length - 200) + 1);
		const before = await footprint();
		const p = await refused(await post(cp1252(`${cut}\r\n`), "x.csv"), 422);
		expect(p.errors?.at(-1)?.message).toMatch(
			/fields; the header has 135 \(a file cut short ends like this\)/,
		);
		expect(await footprint()).toEqual(before);
	});

	it("refuses a formula in a name, and a capacity too large, with the row and column", async () => {
		const rows = rows2026().map((r) =>
			r.URN === "990402"
				? { ...r, EstablishmentName: '=HYPERLINK("http://evil.example","Brockley")' }
				: r.URN === "990401"
					? { ...r, SchoolCapacity: "99999999999999999999" }
					: r,
		);
		const before = await footprint();
		const p = await refused(await post(cp1252(registerCsv(HEADER_2026, rows)), "x.csv"), 422);
		expect(p.errors).toEqual(
			expect.arrayContaining([
				{
					path: "rows[2].EstablishmentName",
					message: expect.stringContaining("spreadsheet formula"),
				},
				{ path: "rows[1].SchoolCapacity", message: expect.any(String) },
			]),
		);
		expect(await footprint()).toEqual(before);
	});
});

import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, provisions, settings } from "../../schema/index.js";
import { bearer } from "../support/auth.js";
import { type Browser, useWebApp } from "../support/web.js";

const t = useWebApp();
const FIXTURE = readFileSync(
	new URL("../fixtures/import/gias-kingston.csv", import.meta.url),
	"utf8",
);

type Row = Record<string, string>;
const [HEADER = [], ...RAW] = parse(FIXTURE) as string[][];
const ROWS: Row[] = RAW.map((r) => Object.fromEntries(HEADER.map((h, i) => [h, r[i] ?? ""])));
const cellOf = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
const toCsv = (rows: Row[], header = HEADER) =>
	[header, ...rows.map((r) => header.map((h) => r[h] ?? ""))]
		.map((cells) => cells.map(cellOf).join(","))
		.join("\r\n");
/** The fixture's rows with new URNs (base + i), changed by `edit`. */
const variant = (base: number, edit: (rows: Row[]) => Row[] = (r) => r) =>
	toCsv(edit(ROWS.map((r, i) => ({ ...r, URN: String(base + i) }))));

async function kingston(): Promise<Browser> {
	const b = t.browser();
	await b.signIn("publisher", "314");
	return b;
}

function upload(b: Browser, text: string, name: string, dryRun = false) {
	const form = new FormData();
	form.append(
		"file",
		new File([text], name, { type: name.endsWith(".json") ? "application/json" : "text/csv" }),
	);
	if (dryRun) form.append("dryRun", "true");
	return b.postMultipart("/publisher/import", form);
}

async function apiImport(csv: string, dryRun: boolean) {
	const r = await t.app.request(`/settings/import?dryRun=${dryRun}`, {
		method: "POST",
		headers: { "content-type": "text/csv", ...(await bearer(t.keys, "publisher", { la: "314" })) },
		body: csv,
	});
	expect(r.status).toBe(200);
	return (await r.json()) as {
		created: number;
		updated: number;
		unchanged: number;
		flagged: number;
		skipped: unknown[];
	};
}

async function counts() {
	const n = async (table: typeof settings | typeof provisions | typeof auditEvents) =>
		Number((await t.database.db.select({ n: sql<number>`count(*)::int` }).from(table))[0]?.n);
	return {
		settings: await n(settings),
		provisions: await n(provisions),
		audit: await n(auditEvents),
	};
}

/** The figure in the summary table's row `what`. */
const countIn = (html: string, what: string) =>
	Number(
		new RegExp(`${what}</th><td class="govuk-table__cell govuk-table__cell--numeric">(\\d+)<`).exec(
			html,
		)?.[1],
	);

describe("a publisher uploads a register file of settings and provisions", () => {
	it("offers a file input, a dry-run box and the import's size limit", async () => {
		const html = await (await (await kingston()).get("/publisher/import")).text();
		expect(html).toContain('enctype="multipart/form-data"');
		expect(html).toContain('name="file" type="file"');
		expect(html).toContain('name="dryRun" type="checkbox" value="true"');
		// The test app's limit is its body limit, 64 KiB.
		expect(html).toContain("CSV or JSON, at most 64 KB");
	});

	it("checks a GIAS CSV without saving when asked, with the API's figures, then imports it, then finds it unchanged", async () => {
		const b = await kingston();
		const csv = variant(990_601);
		const expected = await apiImport(csv, true);
		const before = await counts();
		const check = await upload(b, csv, "edubasealldata20260901.csv", true);
		expect(check.status).toBe(200);
		const checked = await check.text();
		expect(checked).toContain("This was a check: nothing was saved");
		expect(countIn(checked, "Settings created")).toBe(expected.created);
		expect(countIn(checked, "Rows flagged to check")).toBe(expected.flagged);
		expect(countIn(checked, "Rows skipped")).toBe(expected.skipped.length);
		expect(expected.created).toBe(3);
		expect(await counts()).toEqual(before);
		expect((await t.app.request("/settings/990601")).status).toBe(404);

		const done = await (await upload(b, csv, "edubasealldata20260901.csv")).text();
		expect(done).toContain(
			`edubasealldata20260901.csv imported: 3 created, 0 updated, 0 unchanged, ${expected.flagged} flagged`,
		);
		expect(countIn(done, "Settings created")).toBe(3);
		expect(done).toContain('href="/publisher/settings/990601"');
		expect((await t.app.request("/settings/990601")).status).toBe(200);
		expect((await counts()).settings).toBe(before.settings + 3);

		const again = await (await upload(b, csv, "edubasealldata20260901.csv")).text();
		expect(countIn(again, "Settings unchanged")).toBe(3);
		expect(countIn(again, "Settings created")).toBe(0);
	});

	it("lists every row's errors by row and column, and writes nothing", async () => {
		const b = await kingston();
		const csv = variant(990_611, (rows) =>
			rows.map((r, i) =>
				i === 1
					? { ...r, "SEN1 (name)": "Autism", StatutoryHighAge: "eleven" }
					: i === 3
						? { ...r, "LA (code)": "318" }
						: r,
			),
		);
		const before = await counts();
		const r = await upload(b, csv, "kingston.csv");
		expect(r.status).toBe(422);
		const html = await r.text();
		expect(html).toContain('href="#row-errors"');
		expect(html).toContain("errors in 2 rows: nothing was imported");
		const cells = [
			...html.matchAll(
				/<tr class="govuk-table__row"><th scope="row"[^>]*>(\d+)<\/th><td[^>]*>([^<]+)<\/td>/g,
			),
		].map((m) => `${m[1]}|${m[2]}`);
		expect(cells).toEqual(
			expect.arrayContaining(["2|SEN1 (name)", "2|StatutoryHighAge", "4|LA (code)"]),
		);
		expect(await counts()).toEqual(before);
		expect((await t.app.request("/settings/990611")).status).toBe(404);
	});

	it("marks the file field for a file it cannot read: missing columns, no file, malformed JSON", async () => {
		const b = await kingston();
		const noUrn = toCsv(
			ROWS,
			HEADER.filter((h) => h !== "URN"),
		);
		const missing = await upload(b, noUrn, "bad.csv");
		expect(missing.status).toBe(400);
		const page = await missing.text();
		expect(page).toContain('href="#file"');
		expect(page).toContain('id="file-error"');
		expect(page).toContain("URN");
		const none = await b.postMultipart("/publisher/import", new FormData());
		expect(none.status).toBe(400);
		expect(await none.text()).toContain("Choose a CSV or JSON file to upload");
		const json = await upload(b, "{ not json", "settings.json");
		expect(json.status).toBe(400);
		expect(await json.text()).toContain("The JSON file cannot be read");
	});

	it("imports JSON, counting its settings from 1; a NUL byte in a cell is listed by its row and column", async () => {
		const b = await kingston();
		const setting = {
			urn: 990_651,
			name: "Tolworth Resource Base",
			borough: "314",
			giasType: "Community school",
			phase: "Primary",
			ageRange: { min: 4, max: 11 },
			postcode: "KT6 7AB",
			provisions: [
				{
					code: "ASD-RP",
					name: "ASD base",
					level: "resourced_provision",
					needTypes: ["ASD"],
					ageRange: { min: 4, max: 11 },
					places: 12,
					annualCost: { placeFunding: 6000, topUp: 9000 },
				},
			],
		};
		const ok = await upload(b, JSON.stringify({ settings: [setting] }), "one.json");
		expect(ok.status).toBe(200);
		const html = await ok.text();
		expect(countIn(html, "Settings created")).toBe(1);
		expect(html).toMatch(
			/<th scope="row"[^>]*>1<\/th><td[^>]*><a class="govuk-link" href="\/publisher\/settings\/990651">/,
		);
		const bad = await upload(
			b,
			JSON.stringify({
				settings: [
					{ ...setting, urn: 990_652, provisions: [{ ...setting.provisions[0], places: -1 }] },
				],
			}),
			"bad.json",
		);
		expect(bad.status).toBe(422);
		expect(await bad.text()).toMatch(/>1<\/th><td[^>]*>provisions\[0\]\.places</);

		const nul = variant(990_661, (rows) =>
			rows.map((r, i) => (i === 0 ? { ...r, EstablishmentName: "Hogs\u0000mill" } : r)),
		);
		const r = await upload(b, nul, "nul.csv");
		// The API's answer too: a 400 naming the cell (the text cannot be stored at all).
		expect(r.status).toBe(400);
		expect(await r.text()).toMatch(/>1<\/th><td[^>]*>EstablishmentName</);
		expect((await t.app.request("/settings/990661")).status).toBe(404);
	});

	it("refuses a file over the limit with a page, not problem+json, and is for publishers only", async () => {
		const b = await kingston();
		const before = await counts();
		const big = await upload(b, `${variant(990_671)}\r\n${"x".repeat(70_000)}`, "big.csv");
		expect(big.status).toBe(413);
		expect(big.headers.get("content-type")).toContain("text/html");
		expect(await big.text()).toContain("The file is too large");
		expect(await counts()).toEqual(before);
		const panel = t.browser();
		await panel.signIn("panel", "314");
		expect((await panel.get("/publisher/import")).status).toBe(403);
	});
});

import { describe, expect, it } from "vitest";
import { useTestApp } from "../support/app.js";
import { bearer } from "../support/auth.js";
import { type Row, sufficiencyClient } from "../support/sufficiency.js";

const t = useTestApp();
const { commissioner, report } = sufficiencyClient(t);

/** A small RFC 4180 reader for the tests (quoted fields, doubled quotes, CRLF). */
function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let cell = "";
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const ch = text[i] as string;
		if (quoted) {
			if (ch === '"' && text[i + 1] === '"') {
				cell += '"';
				i++;
			} else if (ch === '"') quoted = false;
			else cell += ch;
		} else if (ch === '"') quoted = true;
		else if (ch === ",") {
			row.push(cell);
			cell = "";
		} else if (ch === "\r" && text[i + 1] === "\n") {
			row.push(cell);
			rows.push(row);
			row = [];
			cell = "";
			i++;
		} else cell += ch;
	}
	return rows;
}

describe("GET /sufficiency as CSV", () => {
	it("gives the JSON's numbers in a spreadsheet-safe CSV", async () => {
		const query = "groupBy=need,area&area=aldcs-subregion";
		const json = await report(query);
		const res = await t.get(`/sufficiency?${query}&format=csv`, await commissioner());
		expect(res.status).toBe(200);
		expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
		expect(res.headers.get("content-disposition")).toBe(
			'attachment; filename="sufficiency-need-area-aldcs-subregion-2026-09-01.csv"',
		);
		const text = await res.text();
		expect(text.endsWith("\r\n")).toBe(true);
		expect(text.replaceAll("\r\n", "")).not.toContain("\n");
		const [header, ...lines] = parseCsv(text);
		expect(header?.slice(0, 6)).toEqual([
			"need",
			"needName",
			"area",
			"areaName",
			"places",
			"vacant",
		]);
		expect(header).toContain("forecastPlans_2027_28");
		expect(header?.at(-1)).toBe("suppressed");
		expect(lines).toHaveLength(json.rows.length);
		const col = (name: string) => header?.indexOf(name) as number;
		lines.forEach((line, i) => {
			const row = json.rows[i] as Row;
			expect(line[col("need")]).toBe(row.need?.code);
			expect(line[col("areaName")]).toBe(row.area?.name);
			for (const k of [
				"places",
				"vacant",
				"awaiting",
				"gap",
				"unmet",
				"plans",
				"specialistPlans",
			] as const) {
				const value = row[k];
				expect(line[col(k)]).toBe(value === null ? "" : String(value));
				if (value !== null) expect(line[col(k)]).toMatch(/^-?\d+$/);
			}
			expect(line[col("forecastPlans_2025_26")]).toBe(String(row.forecast[0]?.plans));
			expect(line[col("suppressed")]).toBe(row.suppressed.join(";"));
		});
	});

	it("answers CSV to Accept: text/csv", async () => {
		const res = await t.get("/sufficiency?groupBy=phase", {
			...(await commissioner()),
			accept: "text/csv",
		});
		expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
		expect((await res.text()).split("\r\n")[0]).toMatch(/^phase,phaseName,places,/);
	});
});

describe("GET /sufficiency: bad parameters and who may call", () => {
	it.each([
		["groupBy=need,need", "query.groupBy"],
		["groupBy=need,size", "query.groupBy"],
		["groupBy=need;area", "query.groupBy"],
		["area=atlantis", "query.area"],
		["format=xlsx", "query.format"],
		["colour=blue", "query.colour"],
	])("rejects %s with a problem naming %s", async (query, path) => {
		const res = await t.get(`/sufficiency?${query}`, await commissioner());
		expect(res.status).toBe(400);
		expect(res.headers.get("content-type")).toBe("application/problem+json");
		const body = (await res.json()) as { errors: { path: string }[] };
		expect(body.errors.map((e) => e.path)).toContain(path);
	});

	it("needs a token (401) and a reading role (403)", async () => {
		const none = await t.get("/sufficiency");
		expect(none.status).toBe(401);
		expect(none.headers.get("www-authenticate")).toContain("Bearer");
		const setting = await t.get("/sufficiency", await bearer(t.keys, "setting", { urn: 100986 }));
		expect(setting.status).toBe(403);
		for (const role of ["panel", "publisher"] as const) {
			const res = await t.get("/sufficiency", await bearer(t.keys, role, { la: "314" }));
			expect(res.status).toBe(200);
		}
	});
});

// CSV that opens cleanly in a spreadsheet: RFC 4180 quoting, CRLF, a header row, plain numbers.
import type { Context } from "hono";

export type CsvValue = string | number | boolean | null | undefined;

/** Text cells a spreadsheet would run as a formula get a leading apostrophe (CWE-1236). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: empty for null, numbers as plain digits, text guarded against formulas and quoted. */
export function csvCell(value: CsvValue): string {
	if (value === null || value === undefined) return "";
	if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
	let text = String(value);
	if (typeof value === "string" && FORMULA_START.test(text)) text = `'${text}`;
	return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A whole document: the header row, then one line per row, every line ended by CRLF. */
export function toCsv<T>(
	columns: readonly { header: string; value: (row: T) => CsvValue }[],
	rows: readonly T[],
): string {
	const lines = [columns.map((c) => csvCell(c.header)).join(",")];
	for (const row of rows) lines.push(columns.map((c) => csvCell(c.value(row))).join(","));
	return `${lines.join("\r\n")}\r\n`;
}

/** The caller asked for CSV: `format=csv`, or no format and an Accept naming text/csv. */
export function wantsCsv(c: Context, format: string | undefined): boolean {
	if (format) return format === "csv";
	return c.req.header("accept")?.toLowerCase().includes("text/csv") ?? false;
}

/** A CSV download: UTF-8, offered as an attachment with a safe file name. */
export function csvResponse(c: Context, body: string, filename: string): Response {
	const safe = filename.replace(/[^A-Za-z0-9._-]/g, "-");
	return c.body(body, 200, {
		"content-type": "text/csv; charset=utf-8",
		"content-disposition": `attachment; filename="${safe}"`,
	});
}

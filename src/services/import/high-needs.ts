// ESFA "High needs place numbers" (High_needs_place_numbers_for_the_YYYY_to_YYYY_academic_year…
// .ods, sheet High_Needs_Places, the header a few rows down): places funded per URN.

import { ApiError } from "../../http/problem.js";
import type { RowError } from "./validate.js";

/** The columns read, by what follows the academic year ("2024 to 2025 …") in their names. */
export const PLACE_COLUMNS = {
	specialPlaces: /special schools and academies - pre-16 sen places$/,
	unitPlaces6k: /pre-16 sen unit\/rp places \(@£6k\)$/,
	unitPlaces10k: /pre-16 sen unit\/rp places \(@£10k\)$/,
} as const;
const LABELS: Record<keyof typeof PLACE_COLUMNS, string> = {
	specialPlaces: "… special schools and academies - pre-16 SEN places",
	unitPlaces6k: "… mainstream academies and free schools - pre-16 SEN Unit/RP Places (@£6k)",
	unitPlaces10k: "… mainstream academies and free schools - pre-16 SEN Unit/RP Places (@£10k)",
};
type PlaceKey = keyof typeof PLACE_COLUMNS;

export interface PlacesRow {
	row: number;
	urn: number;
	specialPlaces: number | null;
	unitPlaces6k: number | null;
	unitPlaces10k: number | null;
}

const normal = (h: string) => h.replace(/\s+/g, " ").trim().toLowerCase();
const FORMULA = /^[=+\-@\t\r]/;

/**
 * Finds the header (the first of the first 20 rows with a `URN` cell), checks it names the
 * three place columns, and reads each data row below it; blank rows (notes, totals) are passed
 * over. `rows[n]` counts data rows from 1 below the header.
 */
export function readPlaces(
	rows: string[][],
	formulas: Set<string>,
): { rows: PlacesRow[]; errors: RowError[]; academicYear: string | null; records: number } {
	const headerAt = rows.slice(0, 20).findIndex((r) => r.some((c) => normal(c) === "urn"));
	if (headerAt < 0)
		throw new ApiError(
			"validation_failed",
			"no header row with a URN column in the first 20 rows: is it the ESFA high needs place numbers file?",
			{ errors: [{ path: "header.URN", message: "required column missing" }] },
		);
	const header = (rows[headerAt] ?? []).map((h) => h.trim());
	const urnAt = header.findIndex((h) => normal(h) === "urn");
	const at = {} as Record<PlaceKey, number>;
	const missing: PlaceKey[] = [];
	for (const key of Object.keys(PLACE_COLUMNS) as PlaceKey[]) {
		at[key] = header.findIndex((h) => PLACE_COLUMNS[key].test(normal(h)));
		if (at[key] < 0) missing.push(key);
	}
	if (missing.length)
		throw new ApiError(
			"validation_failed",
			`the file lacks ESFA place column${missing.length > 1 ? "s" : ""} ${missing.map((k) => `"${LABELS[k]}"`).join(", ")}`,
			{
				errors: missing.map((k) => ({
					path: `header.${LABELS[k]}`,
					message: "required column missing",
				})),
			},
		);
	const academicYear = /^(\d{4} to \d{4})/.exec(header[at.specialPlaces] ?? "")?.[1] ?? null;
	const names = header.flatMap((h, i) => (/name/i.test(h) ? [i] : []));
	const errors: RowError[] = [];
	const out: PlacesRow[] = [];
	const seen = new Map<number, number>();
	let records = 0;
	for (let i = headerAt + 1; i < rows.length; i++) {
		const cells = rows[i] ?? [];
		if (cells.every((c) => c === "")) continue;
		const row = i - headerAt;
		records++;
		const bad = (column: string, message: string) =>
			errors.push({ row, path: `rows[${row}].${column}`, message });
		if (cells.length < header.length) {
			errors.push({
				row,
				path: `rows[${row}]`,
				message: `has ${cells.length} fields; the header has ${header.length} (a file cut short ends like this)`,
			});
			continue;
		}
		for (const [k, v] of cells.entries())
			if (v.includes("\u0000"))
				bad(
					header[k] ?? `column ${k + 1}`,
					"contains a NUL byte (U+0000), which no text field may hold",
				);
		for (const n of names)
			if (formulas.has(`${i},${n}`) || FORMULA.test(cells[n] ?? ""))
				bad(
					header[n] ?? "name",
					"is a spreadsheet formula; a published name never is, so the file has been altered",
				);
		const urnText = (cells[urnAt] ?? "").replace(/\.0+$/, "");
		// Totals and notes below the table have no URN: passed over.
		if (urnText === "" || /^total/i.test(urnText)) continue;
		if (!/^\d{6}$/.test(urnText)) {
			bad("URN", `must be a 6-digit URN, not "${urnText.slice(0, 20)}"`);
			continue;
		}
		const urn = Number(urnText);
		if (seen.has(urn)) bad("URN", `URN ${urn} already appears in rows[${seen.get(urn)}]`);
		seen.set(urn, row);
		const value = (key: PlaceKey) => {
			const t = (cells[at[key]] ?? "").replace(/,/g, "");
			if (t === "" || t === "-") return null;
			if (/^\d{1,6}(\.0+)?$/.test(t)) return Number(t);
			bad(header[at[key]] ?? key, `must be a whole number of places, not "${t.slice(0, 20)}"`);
			return null;
		};
		out.push({
			row,
			urn,
			specialPlaces: value("specialPlaces"),
			unitPlaces6k: value("unitPlaces6k"),
			unitPlaces10k: value("unitPlaces10k"),
		});
	}
	if (records === 0)
		throw new ApiError("validation_failed", "the file has a header but no data rows", {
			errors: [{ path: "rows", message: "at least one data row" }],
		});
	return { rows: out, errors, academicYear, records };
}

// Cells of the DfE's statistics files (school-level SEN census, ESFA place numbers): counts with
// their suppression marks, yes/no flags, and the checks every such file gets.

import { ApiError } from "../../http/problem.js";
import type { RowError } from "./validate.js";

/**
 * The marks DfE statistics write instead of a number: `z` not applicable / not available, `x`
 * or `c` suppressed (confidential), `:` not applicable, `u` low reliability, `low` fewer than
 * 0.5, and a blank. Each reads as "not known" (null), never as 0.
 */
const SUPPRESSED = /^(z|x|c|:|u|low|\.|\.\.|)$/i;
const WHOLE = /^\d{1,7}(\.0+)?$/;
const YES = /^(1|1\.0+|yes|y|true)$/i;
const NO = /^(0|0\.0+|no|n|false|)$/i;
/** A spreadsheet would run a cell starting with one of these as a formula (CSV injection). */
const FORMULA = /^[=+\-@\t\r]/;

export interface Cells {
	row: number;
	/** The cell under a column (any case), trimmed; "" when the row has none. */
	text(column: string): string;
	/** A count: a whole number ≥ 0, or null for a suppression mark; an error otherwise. */
	count(column: string): number | null;
	/** A yes/no cell (1/0, Yes/No, blank = no); null for a suppression mark. */
	flag(column: string): boolean | null;
	errors: RowError[];
}

export function cellsOf(row: number, fields: string[], at: Map<string, number>): Cells {
	const errors: RowError[] = [];
	const text = (column: string) => (fields[at.get(column.toLowerCase()) ?? -1] ?? "").trim();
	const bad = (column: string, message: string) =>
		errors.push({ row, path: `rows[${row}].${column}`, message });
	return {
		row,
		errors,
		text,
		count(column) {
			const t = text(column);
			if (WHOLE.test(t)) return Number(t);
			if (SUPPRESSED.test(t)) return null;
			bad(
				column,
				`must be a whole number or a suppression mark (z, x, c, :), not "${t.slice(0, 20)}"`,
			);
			return null;
		},
		flag(column) {
			const t = text(column);
			if (YES.test(t)) return true;
			if (NO.test(t)) return false;
			if (SUPPRESSED.test(t)) return null;
			bad(column, `must be 1 or 0 (yes or no), not "${t.slice(0, 20)}"`);
			return null;
		},
	};
}

/** Columns that name something (a school, an LA): a formula there means the file was altered. */
export function formulaErrors(cells: Cells, header: string[]): void {
	for (const column of header) {
		if (!/name/i.test(column)) continue;
		const t = cells.text(column);
		if (FORMULA.test(t))
			cells.errors.push({
				row: cells.row,
				path: `rows[${cells.row}].${column}`,
				message: `starts with "${t[0]}", as a spreadsheet formula does; a published name never does, so the file has been altered`,
			});
	}
}

/** A 6-digit URN, or an error on the row. */
export function urnCell(cells: Cells, column: string): number | undefined {
	const t = cells.text(column).replace(/\.0+$/, "");
	if (/^\d{6}$/.test(t)) return Number(t);
	cells.errors.push({
		row: cells.row,
		path: `rows[${cells.row}].${column}`,
		message: `must be a 6-digit URN, not "${t.slice(0, 20)}"`,
	});
	return undefined;
}

/** 400 naming every required column the header lacks, as the file's publisher spells it. */
export function requireColumns(what: string, header: string[], required: string[]): void {
	const have = new Set(header.map((h) => h.toLowerCase()));
	const missing = required.filter((c) => !have.has(c.toLowerCase()));
	if (missing.length)
		throw new ApiError(
			"validation_failed",
			`the file lacks ${what} column${missing.length > 1 ? "s" : ""} ${missing.join(", ")}: is it the right file?`,
			{ errors: missing.map((c) => ({ path: `header.${c}`, message: "required column missing" })) },
		);
}

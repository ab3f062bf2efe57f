import type { CsvError } from "csv-parse";
import { ApiError } from "../../http/problem.js";

/** One CSV data record keyed by column name, with where it stands in the file. */
export interface CsvRecord {
	/** 1-based data row: neither the header nor blank lines count; row 1 is the first record. */
	row: number;
	/** How many fields the record has (compared with the header by the caller). */
	fieldCount: number;
	values: Map<string, string>;
}

/** A CSV parse failure in words a publisher can act on, naming the data row. */
export function malformed(error: CsvError): ApiError {
	const row = Number(error.records ?? 0); // records parsed so far, the header among them
	const where = row === 0 ? "in the header" : `in data row ${row}`;
	const what =
		error.code === "CSV_QUOTE_NOT_CLOSED"
			? `a quoted field opened ${where} is never closed (the file ended at line ${error.lines})`
			: error.code === "INVALID_OPENING_QUOTE" || error.code === "CSV_INVALID_CLOSING_QUOTE"
				? `a stray quote ${where} (line ${error.lines}): a field with a quote must be wholly quoted, with inner quotes doubled ("")`
				: `${error.message} (${where})`;
	return new ApiError("bad_request", `malformed CSV: ${what}`, {
		errors: [{ path: row === 0 ? "header" : `rows[${row}]`, message: what }],
	});
}

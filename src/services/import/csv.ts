import { CsvError, parse } from "csv-parse/sync";
import { nulError } from "../../http/nul-bytes.js";
import { ApiError } from "../../http/problem.js";

/** One CSV data record keyed by column name, with where it stands in the file. */
export interface CsvRecord {
	/** 1-based data row: neither the header nor blank lines count; row 1 is the first record. */
	row: number;
	/** How many fields the record has (compared with the header by the caller). */
	fieldCount: number;
	values: Map<string, string>;
}

export interface CsvTable {
	header: string[];
	records: CsvRecord[];
}

/**
 * Decodes a CSV body. UTF-8 by default (a BOM is dropped); the GIAS download is Windows-1252, so
 * `text/csv; charset=windows-1252` (or iso-8859-1) is honoured too.
 */
export function decodeCsv(bytes: ArrayBuffer, contentType: string): string {
	const charset = /;\s*charset="?([^";\s]+)"?/i.exec(contentType)?.[1]?.toLowerCase() ?? "utf-8";
	let decode: (bytes: ArrayBuffer) => string;
	try {
		const decoder = new TextDecoder(charset, { fatal: true });
		decode = (b) => decoder.decode(b);
	} catch {
		throw new ApiError(
			"unsupported_media_type",
			`charset ${charset} is not supported; send UTF-8 or windows-1252`,
		);
	}
	try {
		return decode(bytes);
	} catch {
		throw new ApiError(
			"bad_request",
			`the CSV is not valid ${charset}; a GIAS download is Windows-1252: send it as 'text/csv; charset=windows-1252'`,
		);
	}
}

/** A CSV parse failure in words a publisher can act on, naming the data row. */
function malformed(error: CsvError): ApiError {
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

/** Where a NUL byte sits: `header`, or `rows[n].<column>` as the import names row errors. */
function nulCells(header: string[], rows: { record: string[] }[]): string[] {
	const found = header.some((h) => h.includes("\u0000")) ? ["header"] : [];
	rows.forEach((r, i) => {
		r.record.forEach((value, k) => {
			if (value.includes("\u0000")) found.push(`rows[${i + 1}].${header[k] ?? `column ${k + 1}`}`);
		});
	});
	return found;
}

/**
 * Parses RFC 4180 CSV with a header row. Records whose field count differs from the header are
 * kept (with `fieldCount`) so the caller can report them as row errors among the others;
 * broken quoting cannot be recovered from and is a 400.
 */
export function parseCsvTable(text: string): CsvTable {
	let raw: { record: string[]; info: { lines: number } }[];
	try {
		raw = parse(text, {
			bom: true,
			info: true,
			relax_column_count: true,
			skip_empty_lines: true,
		}) as unknown as { record: string[]; info: { lines: number } }[];
	} catch (error) {
		if (error instanceof CsvError) throw malformed(error);
		throw error;
	}
	const [first, ...rest] = raw;
	if (!first)
		throw new ApiError("bad_request", "the CSV is empty; send a GIAS header row and data");
	const header = first.record.map((h) => h.trim());
	const nul = nulCells(header, rest);
	if (nul.length > 0) throw nulError(nul);
	const seen = new Set<string>();
	for (const name of header) {
		if (seen.has(name.toLowerCase()))
			throw new ApiError("validation_failed", `column ${name} appears twice in the header`, {
				errors: [{ path: `header.${name}`, message: "appears twice" }],
			});
		seen.add(name.toLowerCase());
	}
	const records = rest.map(
		(r, i): CsvRecord => ({
			row: i + 1,
			fieldCount: r.record.length,
			values: new Map(header.map((h, k) => [h.toLowerCase(), (r.record[k] ?? "").trim()])),
		}),
	);
	return { header, records };
}

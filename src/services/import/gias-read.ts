// A GIAS "all establishment data" file, national or a borough's, read once from its bytes.

import { LA_CODE_PATTERN } from "../../../schema/index.js";
import { nulError } from "../../http/nul-bytes.js";
import { ApiError } from "../../http/problem.js";
import type { CsvRecord } from "./csv.js";
import { streamCsv } from "./csv-stream.js";
import type { ByteSource, Encoding } from "./encoding.js";
import { COL, checkGiasHeader, READ_COLUMNS } from "./gias-columns.js";

export interface GiasFile {
	header: string[];
	encoding: Encoding;
	/** Data rows in the file. */
	records: number;
	/**
	 * The rows of London's 33 boroughs with only the columns the import reads, and every row whose
	 * field count differs from the header's (whatever its borough: its cells cannot be trusted).
	 */
	london: CsvRecord[];
	outsideLondon: number;
	/** The latest LastChangedDate in the file (ISO), a floor for the extract's date. */
	lastChanged?: string;
}

const LONDON = new RegExp(LA_CODE_PATTERN);

/** GIAS writes dates as DD-MM-YYYY (older extracts DD/MM/YYYY) → YYYY-MM-DD, else undefined. */
export function giasDate(text: string): string | undefined {
	const m = /^(\d{2})[-/](\d{2})[-/](\d{4})$/.exec(text.trim());
	if (!m) return undefined;
	const iso = `${m[3]}-${m[2]}-${m[1]}`;
	const day = new Date(`${iso}T00:00:00Z`);
	return Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== iso ? undefined : iso;
}

/**
 * Streams the file once, keeping London's rows (about 3,000 of a national extract's 50,000) and
 * passing over the rest; the header must name every required column. `onProgress` hears the
 * bytes read.
 */
export async function readGiasFile(
	source: ByteSource,
	encoding: Encoding,
	onProgress?: (bytes: number) => void,
): Promise<GiasFile> {
	let header: string[] = [];
	let keep: [string, number][] = [];
	let laAt = -1;
	let changedAt = -1;
	const london: CsvRecord[] = [];
	let outsideLondon = 0;
	let lastChanged: string | undefined;
	// PostgreSQL text cannot hold NUL: every cell with one is named (`rows[2].EstablishmentName`).
	const nul: string[] = [];
	const { records } = await streamCsv(source, encoding, {
		onHeader(names) {
			if (names.some((n) => n.includes("\u0000"))) throw nulError(["header"]);
			checkGiasHeader(names);
			header = names;
			const index = new Map(names.map((n, i) => [n.toLowerCase(), i]));
			keep = READ_COLUMNS.flatMap((c) => {
				const i = index.get(c.toLowerCase());
				return i === undefined ? [] : [[c.toLowerCase(), i] as [string, number]];
			});
			laAt = index.get(COL.la.toLowerCase()) ?? -1;
			changedAt = index.get(COL.lastChanged.toLowerCase()) ?? -1;
		},
		onRecord({ row, fields }) {
			for (const [k, value] of fields.entries())
				if (value.includes("\u0000")) nul.push(`rows[${row}].${header[k] ?? `column ${k + 1}`}`);
			const aligned = fields.length === header.length;
			if (aligned && !LONDON.test((fields[laAt] ?? "").trim())) {
				outsideLondon++;
				return;
			}
			if (aligned && changedAt >= 0) {
				const day = giasDate(fields[changedAt] ?? "");
				if (day && (!lastChanged || day > lastChanged)) lastChanged = day;
			}
			london.push({
				row,
				fieldCount: fields.length,
				values: new Map(keep.map(([name, i]) => [name, (fields[i] ?? "").trim()])),
			});
		},
		onProgress,
	});
	if (nul.length) throw nulError(nul);
	if (records === 0)
		throw new ApiError("validation_failed", "the CSV has a header but no data rows", {
			errors: [{ path: "rows", message: "at least one data row" }],
		});
	return { header, encoding, records, london, outsideLondon, lastChanged };
}

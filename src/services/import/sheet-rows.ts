// A spreadsheet-like file (OpenDocument .ods, Excel .xlsx, or CSV) → its rows as text, for the
// small DfE/ESFA files published as workbooks. Workbooks are read with SheetJS (@e965/xlsx, the
// npm republication of SheetJS 0.20.3); CSV through the project's own decoder.

import * as XLSX from "@e965/xlsx";
import { ApiError } from "../../http/problem.js";
import { streamCsv } from "./csv-stream.js";
import { type ByteSource, detectEncoding, type Encoding } from "./encoding.js";

export interface SheetRows {
	kind: "workbook" | "csv";
	encoding?: Encoding;
	sheet?: string;
	rows: string[][];
	/** `row,column` (0-based, in `rows`) of every cell that holds a formula (workbooks). */
	formulas: Set<string>;
}

const isZip = (head: Uint8Array) =>
	head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;

async function bytesOf(source: ByteSource): Promise<Uint8Array> {
	const parts: Uint8Array[] = [];
	for await (const chunk of source.chunks()) parts.push(chunk);
	return Buffer.concat(parts);
}

/**
 * Reads the sheet named `preferred` if the workbook has one, else its first sheet; a CSV is read
 * whole (these files have a few thousand rows). A zip that is not a workbook is a 400.
 */
export async function readSheetRows(
	source: ByteSource,
	preferred: string,
	encoding?: Encoding,
): Promise<SheetRows> {
	let head: Uint8Array = new Uint8Array();
	for await (const chunk of source.chunks()) {
		head = chunk.subarray(0, 4);
		break;
	}
	if (!isZip(head)) {
		const used = encoding ?? (await detectEncoding(source));
		const rows: string[][] = [];
		await streamCsv(source, used, {
			onHeader: (h) => rows.push(h),
			onRecord: ({ fields }) => rows.push(fields.map((f) => f.trim())),
		});
		return { kind: "csv", encoding: used, rows, formulas: new Set() };
	}
	let book: XLSX.WorkBook;
	try {
		book = XLSX.read(await bytesOf(source), { type: "buffer", cellFormula: true, dense: false });
	} catch (error) {
		throw new ApiError(
			"bad_request",
			`the file is a zip archive but not a readable .ods or .xlsx workbook (${(error as Error).message})`,
			{ errors: [{ path: "file", message: "not a workbook" }] },
		);
	}
	const sheet = book.SheetNames.includes(preferred) ? preferred : book.SheetNames[0];
	const ws = sheet ? book.Sheets[sheet] : undefined;
	if (!sheet || !ws)
		throw new ApiError("bad_request", "the workbook has no sheets", {
			errors: [{ path: "file", message: "no sheets" }],
		});
	const raw = XLSX.utils.sheet_to_json<unknown[]>(ws, {
		header: 1,
		raw: true,
		defval: "",
		blankrows: true,
	});
	const rows = raw.map((r) => r.map((v) => String(v ?? "").trim()));
	const formulas = new Set<string>();
	const origin = XLSX.utils.decode_range(ws["!ref"] ?? "A1");
	for (const [address, cell] of Object.entries(ws)) {
		if (address.startsWith("!") || !(cell as XLSX.CellObject).f) continue;
		const at = XLSX.utils.decode_cell(address);
		formulas.add(`${at.r - origin.s.r},${at.c - origin.s.c}`);
	}
	return { kind: "workbook", sheet, rows, formulas };
}

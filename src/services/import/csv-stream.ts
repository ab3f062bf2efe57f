// A CSV file read record by record, never whole: a national GIAS extract is ~60 MB.

import { Readable } from "node:stream";
import { CsvError, parse } from "csv-parse";
import { ApiError } from "../../http/problem.js";
import { malformed } from "./csv.js";
import { type ByteSource, decodeChunks, type Encoding } from "./encoding.js";

export interface StreamedRecord {
	/** 1-based data row: neither the header nor blank lines count. */
	row: number;
	fields: string[];
}

/**
 * Calls `onHeader` with the header, then `onRecord` for each data record, in file order.
 * `onProgress` hears the bytes decoded so far. Broken quoting is a 400 (csv.ts's message);
 * a file with no header is a 400.
 */
export async function streamCsv(
	source: ByteSource,
	encoding: Encoding,
	handlers: {
		onHeader(header: string[]): void;
		onRecord(record: StreamedRecord): void;
		onProgress?(bytes: number): void;
	},
): Promise<{ records: number }> {
	let bytes = 0;
	async function* text() {
		for await (const chunk of decodeChunks(counted(), encoding)) yield chunk;
	}
	function counted(): ByteSource {
		return {
			async *chunks() {
				for await (const chunk of source.chunks()) {
					yield chunk;
					bytes += chunk.length;
					handlers.onProgress?.(bytes);
				}
			},
		};
	}
	const parser = parse({ bom: true, relax_column_count: true, skip_empty_lines: true });
	const input = Readable.from(text());
	input.on("error", (error) => parser.destroy(error));
	input.pipe(parser);
	let row = 0; // 0 is the header
	try {
		for await (const fields of parser as AsyncIterable<string[]>) {
			if (row === 0) handlers.onHeader(fields.map((h) => h.trim()));
			else handlers.onRecord({ row, fields });
			row++;
		}
	} catch (error) {
		if (error instanceof CsvError) throw malformed(error);
		throw error;
	} finally {
		input.destroy();
	}
	if (row === 0)
		throw new ApiError("bad_request", "the CSV is empty; send a GIAS header row and data");
	return { records: row - 1 };
}

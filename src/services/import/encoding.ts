// The bytes of a register file → text. DfE publishes GIAS as Windows-1252; others save as UTF-8.

import { ApiError } from "../../http/problem.js";

export type Encoding = "utf-8" | "windows-1252";

/**
 * Windows-1252's 0x80–0x9F (the WHATWG table; the five undefined bytes stay C1 controls, which
 * `decodeChunk` refuses). Node 20's TextDecoder treats windows-1252 as ISO-8859-1, turning
 * "St Mary’s" (0x92) into a control character, so the table is applied here.
 */
const C1 = [
	0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152,
	0x8d, 0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122,
	0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];
const UNDEFINED_1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

function badFile(message: string): ApiError {
	return new ApiError("bad_request", message, { errors: [{ path: "file", message }] });
}

/**
 * What a file's first bytes say it is not: a spreadsheet or zip, or UTF-16. Each gets a message
 * saying what to send instead. (A NUL byte is refused cell by cell, naming the row and column.)
 */
export function refuseNonText(head: Uint8Array): void {
	const [a, b, c, d] = head;
	if (a === 0x50 && b === 0x4b && c === 0x03 && d === 0x04)
		throw badFile(
			"the file is a zip archive (an .xlsx or a zipped download), not a CSV: unzip it, or save the sheet as CSV",
		);
	if (a === 0xd0 && b === 0xcf && c === 0x11 && d === 0xe0)
		throw badFile("the file is an old Excel workbook (.xls), not a CSV: save it as CSV");
	if ((a === 0xff && b === 0xfe) || (a === 0xfe && b === 0xff))
		throw badFile(
			"the file is UTF-16; save it as Windows-1252 (as GIAS publishes it) or UTF-8 CSV",
		);
}

/** Windows-1252 bytes → text; throws on an undefined byte (0x81, 0x8D, 0x8F, 0x90, 0x9D). */
export function decode1252(bytes: Uint8Array, offset: number): string {
	let out = "";
	const step = 8192;
	for (let start = 0; start < bytes.length; start += step) {
		const part = bytes.subarray(start, start + step);
		const codes = new Array<number>(part.length);
		for (let i = 0; i < part.length; i++) {
			const byte = part[i] as number;
			if (UNDEFINED_1252.has(byte))
				throw badFile(
					`byte ${offset + start + i + 1} (0x${byte.toString(16).padStart(2, "0")}) is not a character in Windows-1252 or UTF-8: the file is in another encoding or is not text`,
				);
			codes[i] = byte >= 0x80 && byte <= 0x9f ? (C1[byte - 0x80] as number) : byte;
		}
		out += String.fromCharCode(...codes);
	}
	return out;
}

/** Reads a whole byte stream into chunks, for a second pass once the encoding is known. */
export interface ByteSource {
	/** A fresh pass over the bytes each call. */
	chunks(): AsyncIterable<Uint8Array>;
	/** The total size, when known (for progress). */
	size?: number;
}

export function bytesSource(bytes: Uint8Array): ByteSource {
	const step = 1 << 20;
	return {
		size: bytes.length,
		async *chunks() {
			for (let at = 0; at < bytes.length; at += step) yield bytes.subarray(at, at + step);
		},
	};
}

/**
 * The file's encoding: UTF-8 when every byte sequence is valid UTF-8 (Windows-1252 text with any
 * accented letter or curly quote is not), else Windows-1252. One pass, nothing kept.
 */
export async function detectEncoding(source: ByteSource): Promise<Encoding> {
	const probe = new TextDecoder("utf-8", { fatal: true });
	let first = true;
	try {
		for await (const chunk of source.chunks()) {
			if (first) refuseNonText(chunk.subarray(0, 4096));
			first = false;
			probe.decode(chunk, { stream: true });
		}
		probe.decode();
		return "utf-8";
	} catch (error) {
		if (error instanceof ApiError) throw error;
		return "windows-1252";
	}
}

/**
 * Decodes a byte stream as text in `encoding`, chunk by chunk (a UTF-8 sequence split between
 * chunks is joined). A stated encoding the bytes contradict is a 400 naming both.
 */
export async function* decodeChunks(
	source: ByteSource,
	encoding: Encoding,
): AsyncGenerator<string> {
	let offset = 0;
	const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });
	for await (const chunk of source.chunks()) {
		if (offset === 0) refuseNonText(chunk.subarray(0, 4096));
		if (encoding === "windows-1252") yield decode1252(chunk, offset);
		else {
			try {
				yield utf8.decode(chunk, { stream: true });
			} catch {
				throw badFile(
					"the file is not valid UTF-8; a GIAS download is Windows-1252: send it as 'text/csv; charset=windows-1252'",
				);
			}
		}
		offset += chunk.length;
	}
	if (encoding === "utf-8") yield utf8.decode();
}

/** A charset parameter of a Content-Type → the encoding it names, or undefined for none. */
export function charsetOf(contentType: string): Encoding | undefined {
	const charset = /;\s*charset="?([^";\s]+)"?/i.exec(contentType)?.[1]?.toLowerCase();
	if (!charset) return undefined;
	if (["utf-8", "utf8"].includes(charset)) return "utf-8";
	if (["windows-1252", "cp1252", "iso-8859-1", "latin1", "us-ascii"].includes(charset))
		return "windows-1252";
	throw new ApiError(
		"unsupported_media_type",
		`charset ${charset} is not supported; send UTF-8 or windows-1252`,
	);
}

/**
 * A file sent as Windows-1252 whose bytes are valid UTF-8 with letters beyond ASCII was saved as
 * UTF-8: read as Windows-1252, "St Mary’s" would become "St Maryâ€™s". Refused, naming the fix.
 */
export function refuseMislabelled(bytes: Uint8Array): void {
	if (!bytes.some((b) => b >= 0x80)) return;
	try {
		new TextDecoder("utf-8", { fatal: true }).decode(bytes);
	} catch {
		return;
	}
	throw badFile(
		"the file is UTF-8 but was sent as windows-1252 (its accented letters would be garbled): send it as 'text/csv; charset=utf-8'",
	);
}

// An import's body → candidate rows, skipped rows, closed establishments and the file's source.

import type { ImportBody, ImportOptions } from "../import-settings.js";
import type { ImportDefaults } from "./defaults.js";
import { bytesSource, detectEncoding, type Encoding } from "./encoding.js";
import { giasCandidate } from "./gias.js";
import { readGiasFile } from "./gias-read.js";
import { jsonCandidates } from "./json.js";
import type { Source } from "./merge.js";
import type { Candidate, ClosedRow, Skipped } from "./rows.js";

export interface ReadRows {
	candidates: Candidate[];
	skipped: Skipped[];
	closed: ClosedRow[];
	source: Source;
	defaults: ImportDefaults;
	/** For a register file: its size in rows, London's share, its encoding and date. */
	file?: {
		name?: string;
		encoding: Encoding;
		rows: number;
		london: number;
		outsideLondon: number;
		asOf: string;
	};
}

/** `edubasealldata20260901.csv` → 2026-09-01. */
export function dateInName(name: string | undefined): string | undefined {
	const m = /(20\d{2})(\d{2})(\d{2})(?!\d)/.exec(name ?? "");
	if (!m) return undefined;
	const iso = `${m[1]}-${m[2]}-${m[3]}`;
	return new Date(`${iso}T00:00:00Z`).toISOString().startsWith(iso) ? iso : undefined;
}

export async function readRows(
	body: ImportBody,
	defaults: ImportDefaults,
	now: Date,
	options: ImportOptions,
): Promise<ReadRows> {
	const today = now.toISOString().slice(0, 10);
	if (body.kind === "json")
		return {
			candidates: jsonCandidates(body.value),
			skipped: [],
			closed: [],
			source: { name: "import", asOf: options.asOf ?? today },
			defaults,
		};
	const bytes =
		body.kind === "csv" ? bytesSource(new TextEncoder().encode(body.text)) : body.source;
	const name = body.kind === "file" ? body.name : undefined;
	const encoding: Encoding =
		body.kind === "csv" ? "utf-8" : (body.encoding ?? (await detectEncoding(bytes)));
	const file = await readGiasFile(bytes, encoding, (done) =>
		options.onProgress?.({ phase: "reading", done, total: bytes.size }),
	);
	const asOf = options.asOf ?? dateInName(name) ?? file.lastChanged ?? today;
	const candidates: Candidate[] = [];
	const skipped: Skipped[] = [];
	const closed: ClosedRow[] = [];
	for (const record of file.london) {
		const read = giasCandidate(record, file.header, defaults, asOf);
		if ("closedOn" in read) closed.push(read);
		else if ("reason" in read) skipped.push(read);
		else candidates.push(read);
	}
	return {
		candidates,
		skipped,
		closed,
		source: { name: "gias", ...(name ? { file: name } : {}), asOf },
		defaults,
		file: {
			...(name ? { name } : {}),
			encoding,
			rows: file.records,
			london: file.london.length,
			outsideLondon: file.outsideLondon,
			asOf,
		},
	};
}

// Bulk import of settings and provisions (POST /settings/import): GIAS CSV or JSON, all or nothing.

import type { Db, Executor } from "../db/types.js";
import { ApiError } from "../http/problem.js";
import type { Actor } from "./audit.js";
import { parseCsvTable } from "./import/csv.js";
import { describeDefaults, loadImportDefaults } from "./import/defaults.js";
import { giasCandidate } from "./import/gias.js";
import { checkGiasHeader } from "./import/gias-columns.js";
import { jsonCandidates, MAX_ROWS } from "./import/json.js";
import type { Candidate, Skipped, ValidRow } from "./import/rows.js";
import { checkAgainstDatabase, checkRows, type RowError } from "./import/validate.js";
import { writeProvision, writeSetting } from "./settings-write.js";

export type ImportBody = { kind: "csv"; text: string } | { kind: "json"; value: unknown };

export interface RowResult {
	row: number;
	urn: number;
	created: boolean;
	etag: string;
	provisions: { code: string; created: boolean }[];
	assumed: string[];
}

/** How many errors the problem's `detail` spells out (all of them are in `errors`). */
const DETAIL_ERRORS = 5;

/** All errors, in row order: 403 when every one is a borough-permission error, else 422. */
function rejection(errors: RowError[]): ApiError {
	const sorted = errors.map((e, i) => ({ e, i })).sort((a, b) => a.e.row - b.e.row || a.i - b.i);
	const list = sorted.map(({ e }) => ({ path: e.path, message: e.message }));
	const rows = new Set(errors.map((e) => e.row)).size;
	const forbidden = errors.every((e) => e.forbidden);
	const head = list
		.slice(0, DETAIL_ERRORS)
		.map((e) => `${e.path}: ${e.message}`)
		.join("; ");
	const more = list.length > DETAIL_ERRORS ? `; and ${list.length - DETAIL_ERRORS} more` : "";
	const what = forbidden
		? `${rows} row${rows > 1 ? "s" : ""} belong${rows > 1 ? "" : "s"} to another borough`
		: `${list.length} error${list.length > 1 ? "s" : ""} in ${rows} row${rows > 1 ? "s" : ""}`;
	return new ApiError(
		forbidden ? "forbidden" : "unprocessable",
		`${what}; nothing was imported. ${head}${more}`,
		{ errors: list },
	);
}

/** A write refused inside the transaction, re-thrown with the row's paths (it rolls back). */
function atRow(error: unknown, row: ValidRow, provision: number | undefined): unknown {
	const code = (error as { code?: unknown; cause?: { code?: unknown } } | null) ?? {};
	if (code.code === "23505" || code.cause?.code === "23505")
		return new ApiError(
			"conflict",
			`${row.source.prefix}: setting ${row.urn} was written by another request meanwhile; nothing was imported, retry`,
		);
	if (!(error instanceof ApiError)) return error;
	const errors = (error.errors ?? [{ path: "", message: error.message }]).map((e) => ({
		path: row.source.field(e.path.replace(/^body\.?/, ""), provision),
		message: e.message,
	}));
	return new ApiError(error.code, `${row.source.prefix}: ${error.message}`, {
		errors,
		...(error.headers ? { headers: error.headers } : {}),
	});
}

async function writeRow(tx: Executor, actor: Actor, row: ValidRow, now: Date): Promise<RowResult> {
	let at: number | undefined;
	try {
		const setting = await writeSetting(tx, actor, row.urn, row.setting, undefined, now);
		let etag = setting.etag;
		const provisions: RowResult["provisions"] = [];
		for (const [j, p] of row.provisions.entries()) {
			at = j;
			const written = await writeProvision(tx, actor, row.urn, p.code, p.input, undefined, now);
			provisions.push({ code: p.code, created: written.created });
			etag = written.etag;
		}
		return {
			row: row.source.row,
			urn: row.urn,
			created: setting.created,
			etag,
			provisions,
			assumed: row.assumed,
		};
	} catch (error) {
		throw atRow(error, row, at);
	}
}

/**
 * Reads every row, checks every row (shape, borough, repeats, ages, stored vacancies, location)
 * and, only if none has an error, writes them all in one transaction through the same writes as
 * PUT /settings/{urn} and PUT …/provisions/{code} (each audited). Rows are upserts: provisions
 * the import does not name are left as they are.
 */
export async function importSettings(db: Db, actor: Actor, body: ImportBody, now: Date) {
	const defaults = await loadImportDefaults(db);
	const candidates: Candidate[] = [];
	const skipped: Skipped[] = [];
	if (body.kind === "csv") {
		const table = parseCsvTable(body.text);
		checkGiasHeader(table.header);
		if (table.records.length === 0 || table.records.length > MAX_ROWS)
			throw new ApiError(
				"validation_failed",
				`the CSV must have 1 to ${MAX_ROWS} data rows; it has ${table.records.length}`,
				{ errors: [{ path: "rows", message: `1 to ${MAX_ROWS} data rows` }] },
			);
		for (const record of table.records) {
			const read = giasCandidate(record, table.header, defaults);
			if ("reason" in read) skipped.push(read);
			else candidates.push(read);
		}
	} else candidates.push(...jsonCandidates(body.value));

	const { rows, errors } = checkRows(candidates, actor.principal);
	const written = await db.transaction(async (tx) => {
		errors.push(...(await checkAgainstDatabase(tx, actor.principal, rows)));
		if (errors.length) throw rejection(errors);
		const results: RowResult[] = [];
		for (const row of rows) results.push(await writeRow(tx, actor, row, now));
		return results;
	});
	const created = written.filter((r) => r.created).length;
	return {
		rows: written,
		skipped,
		created,
		updated: written.length - created,
		defaults: describeDefaults(defaults),
	};
}

// Bulk import of settings and provisions (POST /settings/import, npm run import:gias): a GIAS
// register file or JSON, all or nothing.

import type { Db, Executor } from "../db/types.js";
import { settingEtag } from "./access.js";
import type { Actor } from "./audit.js";
import { describeDefaults, loadImportDefaults } from "./import/defaults.js";
import type { ByteSource, Encoding } from "./import/encoding.js";
import type { Change } from "./import/merge.js";
import { type ReadRows, readRows } from "./import/read-rows.js";
import { rejection } from "./import/rejection.js";
import type { ClosedRow, Flag, ValidRow } from "./import/rows.js";
import { loadStored } from "./import/stored.js";
import { checkAgainstDatabase, checkRows, type RowError } from "./import/validate.js";
import { closeSettings, writePlans } from "./import/write.js";
import { describeResolved, resolveSuccessors } from "./urn-successors.js";

export type ImportBody =
	| { kind: "csv"; text: string }
	/** A register file's bytes; the encoding is detected when not given. */
	| { kind: "file"; source: ByteSource; encoding?: Encoding; name?: string }
	| { kind: "json"; value: unknown };

export interface ImportProgress {
	phase: "reading" | "writing";
	done: number;
	total?: number;
}

export interface ImportOptions {
	/** Check and report everything, then roll back: nothing is kept. */
	dryRun?: boolean;
	/** The day the file describes (else its name's edubasealldataYYYYMMDD, or its latest LastChangedDate). */
	asOf?: string;
	onProgress?: (progress: ImportProgress) => void;
}

export interface RowResult {
	row: number;
	urn: number;
	created: boolean;
	outcome: "created" | "updated" | "unchanged";
	etag: string;
	provisions: { code: string; created: boolean }[];
	assumed: string[];
}

/** Thrown inside the transaction to roll a dry run back, carrying what it would have done. */
class DryRun extends Error {
	constructor(readonly result: Awaited<ReturnType<typeof applyImport>>) {
		super("dry run");
	}
}

async function applyImport(
	db: Db,
	actor: Actor,
	read: ReadRows,
	now: Date,
	options: ImportOptions,
) {
	const checked = checkRows(read.candidates, actor.principal);
	const { errors } = checked;
	return db.transaction(async (tx) => {
		// A JSON row may name a school by an old URN: it is written to the current one, saying so.
		const { rows, urnsResolved } =
			read.source.name === "import"
				? await toSuccessors(tx, checked.rows, errors)
				: { rows: checked.rows, urnsResolved: [] };
		errors.push(...(await checkAgainstDatabase(tx, actor.principal, rows)));
		const stored = await loadStored(tx, [
			...rows.map((r) => r.urn),
			...read.closed.flatMap((c) => (c.urn === null ? [] : [c.urn])),
		]);
		const closing = read.closed.filter((c) => c.urn !== null && stored.settings.has(c.urn));
		errors.push(...closingErrors(actor, closing, stored.settings));
		if (errors.length) throw rejection(errors);
		const written = await writePlans(tx, actor, rows, stored, read.source, now, (done) =>
			options.onProgress?.({ phase: "writing", done, total: rows.length }),
		);
		const closed = await closeSettings(tx, actor, closing, stored.settings, now);
		const results: RowResult[] = written.map(({ plan, version }) => ({
			row: plan.row.source.row,
			urn: plan.row.urn,
			created: plan.outcome === "created",
			outcome: plan.outcome,
			etag: settingEtag(plan.row.urn, version),
			provisions: plan.provisions.map((p) => ({ code: p.code, created: p.created })),
			assumed: plan.assumed,
		}));
		const changes: Change[] = [...written.flatMap((w) => w.plan.changes), ...closed.changes];
		const flags: Flag[] = rows.flatMap((r) => r.flags);
		const count = (o: RowResult["outcome"]) => results.filter((r) => r.outcome === o).length;
		const result = {
			rows: results,
			skipped: [
				...read.skipped,
				...read.closed
					.filter((c) => !closing.includes(c))
					.map((c) => ({ row: c.row, urn: c.urn, reason: "closed establishment" })),
			].sort((a, b) => a.row - b.row),
			closed: closed.rows,
			created: count("created"),
			updated: count("updated"),
			unchanged: count("unchanged"),
			flagged: new Set(flags.map((f) => f.row)).size,
			flags,
			changes,
			file: read.file,
			...(urnsResolved.length ? { urnsResolved } : {}),
			dryRun: options.dryRun === true,
			defaults: describeDefaults(read.defaults),
		};
		if (options.dryRun) throw new DryRun(result);
		return result;
	});
}

/** Rows whose URN is a GIAS predecessor of a stored school → that school's URN. */
async function toSuccessors(tx: Executor, rows: ValidRow[], errors: RowError[]) {
	const successors = await resolveSuccessors(
		tx,
		rows.map((r) => r.urn),
	);
	const named = new Set(rows.map((r) => r.urn));
	const urnsResolved: { row: number; from: number; urn: number; message: string }[] = [];
	const out = rows.map((r) => {
		const to = successors.get(r.urn);
		if (!to) return r;
		if (named.has(to.urn))
			errors.push({
				row: r.source.row,
				path: r.source.field("urn"),
				message: `${describeResolved(to)}, which another row of the import names too`,
			});
		urnsResolved.push({
			row: r.source.row,
			from: r.urn,
			urn: to.urn,
			message: describeResolved(to),
		});
		return { ...r, urn: to.urn };
	});
	return { rows: out, urnsResolved };
}

/** A closed establishment of another borough may not be closed by this caller. */
function closingErrors(
	actor: Actor,
	closing: ClosedRow[],
	settings: Map<number, { boroughCode: string }>,
): RowError[] {
	const p = actor.principal;
	return closing.flatMap((c) => {
		const owner = c.urn === null ? undefined : settings.get(c.urn)?.boroughCode;
		if (!owner || p.role === "admin" || p.la === owner) return [];
		return [
			{
				row: c.row,
				path: `rows[${c.row}].URN`,
				message: `setting ${c.urn} belongs to borough ${owner}; a ${p.role} of ${p.la ?? "no borough"} may not close it`,
				forbidden: true,
			},
		];
	});
}

/**
 * Reads every row, checks every row (shape, borough, repeats, ages, stored vacancies, location)
 * and, only if none has an error, writes in one transaction what changed, through the same writes
 * as PUT /settings/{urn} and PUT …/provisions/{code} (each audited); closed establishments that
 * are stored are marked closed. Provisions the import does not name are left as they are.
 */
export async function importSettings(
	db: Db,
	actor: Actor,
	body: ImportBody,
	now: Date,
	options: ImportOptions = {},
) {
	const defaults = await loadImportDefaults(db);
	const read = await readRows(body, defaults, now, options);
	try {
		return await applyImport(db, actor, read, now, options);
	} catch (error) {
		if (error instanceof DryRun) return error.result;
		throw error;
	}
}

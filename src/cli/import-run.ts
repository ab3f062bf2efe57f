import { randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import { prepareDatabase } from "../bootstrap.js";
import { ConfigError, loadConfig } from "../config.js";
import { openConfiguredDatabase } from "../db/open.js";
import type { Db } from "../db/types.js";
import { ApiError } from "../http/problem.js";
import type { Actor } from "../services/audit.js";
import type { ByteSource } from "../services/import/encoding.js";
import { FileError, fileSource } from "./file-source.js";
import { type Progress, progressPrinter } from "./import-report.js";

export interface ImportCliRun {
	db: Db;
	actor: Actor;
	source: ByteSource & { name: string };
	dryRun: boolean;
	asOf: string | undefined;
	encoding: "windows-1252" | "utf-8" | undefined;
	progress: Progress;
}

class UsageError extends Error {}

/**
 * The shared shape of the import commands: `npm run <command> -- <file> [--dry-run]
 * [--as-of YYYY-MM-DD] [--encoding windows-1252|utf-8] [--json]`, on the configured database
 * (DATA_DIR, locked, or DATABASE_URL), as an admin. A refused file prints every error with its
 * row and column and "Nothing was changed."; the exit code is 1 (2 for a bad command line).
 */
export async function runImportCli<T>(
	command: string,
	file: string,
	run: (r: ImportCliRun) => Promise<T>,
	print: (result: T, location: string) => string,
): Promise<never> {
	const usage = `usage: npm run ${command} -- <${file}> [--dry-run] [--as-of YYYY-MM-DD] [--encoding windows-1252|utf-8] [--json]`;
	try {
		const { values, positionals } = parseArgs({
			options: {
				"dry-run": { type: "boolean", default: false },
				"as-of": { type: "string" },
				encoding: { type: "string" },
				json: { type: "boolean", default: false },
			},
			allowPositionals: true,
			strict: true,
		});
		const [path, ...extra] = positionals;
		if (!path || extra.length) throw new UsageError("give one file");
		const asOf = values["as-of"];
		if (asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(asOf))
			throw new UsageError(`--as-of ${asOf} is not a date (YYYY-MM-DD)`);
		const encoding = values.encoding;
		if (encoding !== undefined && encoding !== "windows-1252" && encoding !== "utf-8")
			throw new UsageError(`--encoding ${encoding}: give windows-1252 or utf-8`);
		const source = fileSource(path);
		const config = loadConfig(process.env);
		const database = await openConfiguredDatabase(config, `npm run ${command}`);
		try {
			const prepared = await prepareDatabase(database, { loadDemo: false, seed: 0, children: 0 });
			if (prepared.loaded)
				console.error(`${database.location} was empty: loaded London's reference data (no demo)`);
			const progress = progressPrinter(process.stderr, source.size);
			const actor: Actor = {
				principal: { subject: `cli:${command}`, role: "admin", la: null, urn: null, joint: null },
				requestId: `cli-${randomUUID()}`,
			};
			const result = await run({
				db: database.db,
				actor,
				source,
				dryRun: values["dry-run"] === true,
				asOf,
				encoding,
				progress,
			});
			progress.done();
			console.log(values.json ? JSON.stringify(result, null, 2) : print(result, database.location));
		} finally {
			await database.close();
		}
		process.exit(0);
	} catch (error) {
		const say = (line: string) => console.error(line);
		if (
			error instanceof UsageError ||
			(error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")
		)
			say(`${command}: ${(error as Error).message}\n${usage}`);
		else if (error instanceof ApiError) {
			say(`${command}: ${error.message}`);
			for (const e of (error.errors ?? []).slice(0, 50)) say(`  ${e.path}: ${e.message}`);
			const more = (error.errors?.length ?? 0) - 50;
			if (more > 0) say(`  … and ${more} more`);
			say("Nothing was changed.");
		} else if (error instanceof ConfigError || error instanceof FileError)
			say(`${command}: ${error.message}`);
		else say(String((error as Error)?.stack ?? error));
		process.exit(error instanceof UsageError ? 2 : 1);
	}
}

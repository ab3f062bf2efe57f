import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { ensureDevKey } from "../src/auth/dev-key.js";
import { prepareDatabase } from "../src/bootstrap.js";
import { ConfigError, loadConfig } from "../src/config.js";
import { openConfiguredDatabase } from "../src/db/open.js";
import { generateChildren } from "./children.js";
import { readSeedData } from "./read.js";

/**
 * npm run seed -- [--children N] [--seed S] [--reset] [--json]
 *   --json   print N generated children as JSON lines (no database)
 *   --reset  empty the configured database and load London with N children from seed S
 * Without --reset, an empty database is loaded and a loaded one is left alone.
 */
const usage = "usage: npm run seed -- [--children N] [--seed S] [--reset] [--json]";

function fail(message: string): never {
	console.error(`seed: ${message}\n${usage}`);
	process.exit(2);
}

function whole(name: string, value: string | undefined, fallback: number): number {
	if (value === undefined) return fallback;
	if (!/^\d+$/.test(value)) fail(`--${name} ${value} is not a whole number`);
	return Number(value);
}

async function main(): Promise<void> {
	const { values } = parseArgs({
		options: {
			children: { type: "string" },
			seed: { type: "string" },
			reset: { type: "boolean", default: false },
			json: { type: "boolean", default: false },
		},
		strict: true,
	});
	const config = loadConfig(process.env);
	const count = whole("children", values.children, config.demoChildren);
	const seed = whole("seed", values.seed, config.demoSeed);

	if (values.json) {
		for (const child of generateChildren(readSeedData(), { count, seed }))
			console.log(JSON.stringify(child));
		return;
	}
	if (values.reset && config.databaseUrl) {
		const host = new URL(config.databaseUrl).hostname;
		if (!["localhost", "127.0.0.1", "::1"].includes(host))
			fail(`refusing to reset a database on ${host}: only local databases`);
	}
	const database = await openConfiguredDatabase(config, "npm run seed");
	if (!config.databaseUrl && !config.auth.jwksUrl && !config.auth.publicKeyPem) {
		// So that `npm run -s token` works on this DATA_DIR before the server ever started.
		const { created } = await ensureDevKey(config.dataDir);
		if (created) console.log(`Created the development signing key in ${config.dataDir}`);
	}
	try {
		if (values.reset) {
			await prepareDatabase(database, { loadDemo: false, seed, children: 0 });
			const tables = await database.db.execute(
				sql`select tablename from pg_tables where schemaname = 'public'`,
			);
			const names = (
				(tables as unknown as { rows?: { tablename: string }[] }).rows ??
				(tables as unknown as { tablename: string }[])
			).map((r) => `"${r.tablename}"`);
			await database.db.execute(sql.raw(`truncate ${names.join(", ")} restart identity cascade`));
		}
		const result = await prepareDatabase(database, { loadDemo: true, seed, children: count });
		if (!result.loaded) {
			console.log(
				`${database.location} already holds data; nothing loaded (use --reset to replace it).`,
			);
			return;
		}
		const parts = Object.entries(result.summary ?? {}).map(([k, v]) => `${v} ${k}`);
		console.log(`Loaded London (seed ${seed}) into ${database.location}: ${parts.join(", ")}`);
	} finally {
		await database.close();
	}
}

main().catch((error: unknown) =>
	fail(
		error instanceof ConfigError
			? error.message
			: error instanceof Error
				? error.message
				: String(error),
	),
);

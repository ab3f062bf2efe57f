import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import type { Config } from "../config.js";
import { openPglite } from "./pglite.js";
import { openPostgres } from "./postgres.js";
import type { Database } from "./types.js";

/** PostgreSQL when DATABASE_URL is set, otherwise embedded PGlite with its data in DATA_DIR. */
export async function openConfiguredDatabase(config: Config): Promise<Database> {
	if (config.databaseUrl) return openPostgres(config.databaseUrl);
	const dir = resolve(config.dataDir);
	mkdirSync(dir, { recursive: true });
	return openPglite(dir);
}

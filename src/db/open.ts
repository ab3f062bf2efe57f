import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import type { Config } from "../config.js";
import { lockDataDir } from "./data-dir-lock.js";
import { openPglite } from "./pglite.js";
import { ensurePostgresDatabase, openPostgres } from "./postgres.js";
import type { Database } from "./types.js";

/**
 * PostgreSQL when DATABASE_URL is set (creating its database when missing and the user may),
 * otherwise embedded PGlite with its data in DATA_DIR, locked to this process. `command` names
 * the opener in the lock, for the message a second opener gets.
 */
export async function openConfiguredDatabase(
	config: Config,
	command = "npm start",
): Promise<Database> {
	if (config.databaseUrl) {
		await ensurePostgresDatabase(config.databaseUrl);
		return openPostgres(config.databaseUrl);
	}
	const dir = resolve(config.dataDir);
	mkdirSync(dir, { recursive: true });
	const lock = lockDataDir(dir, command);
	try {
		const database = await openPglite(dir);
		return {
			...database,
			close: async () => {
				try {
					await database.close();
				} finally {
					lock.release();
				}
			},
		};
	} catch (error) {
		lock.release();
		throw error;
	}
}

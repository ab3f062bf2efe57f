import { count } from "drizzle-orm";
import { boroughs } from "../schema/index.js";
import { loadLondon } from "../seeds/load.js";
import { migrateDatabase } from "./db/migrate.js";
import type { Database } from "./db/types.js";

export interface PrepareOptions {
	/** Also load the London demo scenario (settings, provisions, vacancies). */
	loadDemo: boolean;
	seed: number;
	/** Demo children awaiting a place (0: none). */
	children?: number;
	/** The clock children's referral dates count back from. */
	now?: Date;
}

export interface PrepareResult {
	loaded: boolean;
	summary?: Record<string, number>;
}

/**
 * Migrates the database and, if it holds no boroughs yet, loads the reference data (and the demo
 * scenario) in one transaction: a crash half-way leaves it empty, to be loaded again next time.
 */
export async function prepareDatabase(
	database: Database,
	options: PrepareOptions,
): Promise<PrepareResult> {
	await migrateDatabase(database);
	const [row] = await database.db.select({ n: count() }).from(boroughs);
	if ((row?.n ?? 0) > 0) return { loaded: false };
	const summary = await database.db.transaction((tx) =>
		loadLondon(tx, {
			demo: options.loadDemo,
			seed: options.seed,
			children: options.children ?? 0,
			now: options.now,
		}),
	);
	return { loaded: true, summary };
}

import { fileURLToPath } from "node:url";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import type { PostgresJsDatabase } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import type { Database } from "./types.js";

export const migrationsFolder = fileURLToPath(new URL("../../schema/migrations", import.meta.url));

/** Applies the committed drizzle-kit migrations (idempotent: applied ones are skipped). */
export async function migrateDatabase(database: Database): Promise<void> {
	if (database.kind === "pglite") {
		await migratePglite(database.db as unknown as PgliteDatabase, { migrationsFolder });
	} else {
		await migratePostgres(database.db as unknown as PostgresJsDatabase, { migrationsFolder });
	}
}

import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { sql } from "drizzle-orm";
import { inject } from "vitest";
import { openPgliteFromDump } from "../../src/db/pglite.js";
import { openPostgres } from "../../src/db/postgres.js";
import type { Database } from "../../src/db/types.js";
import { COPY_PREFIX, databaseUrlFor } from "./shared.js";

/** Which database the suite runs on: PostgreSQL when TEST_DATABASE_URL is set, else PGlite. */
export const testDriver = process.env.TEST_DATABASE_URL ? "postgres" : "pglite";

/**
 * A fresh, private copy of the migrated and loaded test database. Callers close it (see
 * `useTestDatabase` for the usual before/after wiring).
 */
export async function freshDatabase(): Promise<Database> {
	const url = process.env.TEST_DATABASE_URL;
	if (!url) {
		const dump = await readFile(inject("pgliteTemplate"));
		return openPgliteFromDump(new Blob([dump]));
	}
	const name = `${COPY_PREFIX}${randomBytes(6).toString("hex")}`;
	const admin = openPostgres(url, { max: 1 });
	try {
		await admin.db.execute(
			sql.raw(`create database ${name} template ${inject("postgresTemplate")}`),
		);
	} finally {
		await admin.close();
	}
	const database = openPostgres(databaseUrlFor(url, name), { max: 10 });
	return {
		...database,
		close: async () => {
			await database.close();
			const dropper = openPostgres(url, { max: 1 });
			await dropper.db.execute(sql.raw(`drop database if exists ${name} with (force)`));
			await dropper.close();
		},
	};
}

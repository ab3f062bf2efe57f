import { PGlite } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/pglite";
import * as schema from "../../schema/index.js";
import type { Database, Db } from "./types.js";

export type PgliteDatabase = Database & { client: PGlite };

/** Wraps an open PGlite instance (embedded PostgreSQL in WebAssembly) as a Database. */
export function wrapPglite(client: PGlite, location: string): PgliteDatabase {
	const db = drizzle(client, { schema }) as unknown as Db;
	return { db, kind: "pglite", location, client, close: () => client.close() };
}

/** Opens PGlite with its data in `dataDir` (created if missing), or in memory when undefined. */
export async function openPglite(dataDir?: string): Promise<PgliteDatabase> {
	const client = await PGlite.create(dataDir);
	return wrapPglite(client, dataDir ?? "memory");
}

/** Opens an in-memory PGlite from a data-dir dump (PGlite's fast way to copy a database). */
export async function openPgliteFromDump(dump: Blob): Promise<PgliteDatabase> {
	const client = await PGlite.create({ loadDataDir: dump });
	return wrapPglite(client, "memory");
}

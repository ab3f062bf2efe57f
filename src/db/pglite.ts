import { PGlite } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/pglite";
import * as schema from "../../schema/index.js";
import type { Database, Db } from "./types.js";
import { registerWriteCounter, type WriteCounter, writeCounter } from "./write-generation.js";

export type PgliteDatabase = Database & { client: PGlite };

/** Wraps an open PGlite instance (embedded PostgreSQL in WebAssembly) as a Database. */
export function wrapPglite(client: PGlite, location: string): PgliteDatabase {
	const counter = countWrites(client);
	const db = drizzle(client, { schema }) as unknown as Db;
	registerWriteCounter(db, counter);
	return { db, kind: "pglite", location, client, close: () => client.close() };
}

/**
 * Counts, before and after each, the client's statements that may write and its transactions
 * (whose statements run inside), so caches can tell when data may have changed without a query.
 */
function countWrites(client: PGlite): WriteCounter {
	const counter = writeCounter();
	const query = client.query.bind(client);
	const exec = client.exec.bind(client);
	const transaction = client.transaction.bind(client);
	const around = async <T>(note: () => void, run: () => Promise<T>): Promise<T> => {
		note();
		try {
			return await run();
		} finally {
			note();
		}
	};
	client.query = ((text: string, ...rest: unknown[]) =>
		around(
			() => counter.statement(text),
			() => (query as (...a: unknown[]) => Promise<unknown>)(text, ...rest),
		)) as typeof client.query;
	client.exec = ((...args: Parameters<typeof exec>) =>
		around(counter.anything, () => exec(...args))) as typeof client.exec;
	client.transaction = ((...args: Parameters<typeof transaction>) =>
		around(counter.anything, () => transaction(...args))) as typeof client.transaction;
	return counter;
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

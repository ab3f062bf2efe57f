import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "../../schema/index.js";
import type { Database, Db } from "./types.js";

export function redactUrl(url: string): string {
	try {
		const u = new URL(url);
		if (u.password) u.password = "***";
		return u.toString();
	} catch {
		return "postgres";
	}
}

/** Opens PostgreSQL through postgres.js. Works on Node and on Workers (via Hyperdrive). */
export function openPostgres(url: string, options: { max?: number } = {}): Database {
	const client = postgres(url, {
		max: options.max ?? 10,
		onnotice: () => {},
		// Keep bigint and numeric as strings unless the schema says otherwise.
		prepare: true,
	});
	const db = drizzle(client, { schema }) as unknown as Db;
	return {
		db,
		kind: "postgres",
		location: redactUrl(url),
		close: () => client.end({ timeout: 5 }),
	};
}

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

export class DatabaseUnavailableError extends Error {}

/**
 * Checks that DATABASE_URL's database exists and answers. A missing database is created when the
 * user may (through the server's `postgres` database); otherwise one line says what to run.
 */
export async function ensurePostgresDatabase(url: string): Promise<"exists" | "created"> {
	const where = redactUrl(url);
	const probe = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 10 });
	try {
		await probe`select 1`;
		return "exists";
	} catch (error) {
		const code = (error as { code?: string }).code;
		if (code !== "3D000") {
			throw new DatabaseUnavailableError(
				`cannot reach PostgreSQL at ${where}: ${(error as Error).message}`,
			);
		}
	} finally {
		await probe.end({ timeout: 5 });
	}
	const name = decodeURIComponent(new URL(url).pathname.slice(1));
	const server = new URL(url);
	server.pathname = "/postgres";
	const admin = postgres(server.toString(), { max: 1, onnotice: () => {}, connect_timeout: 10 });
	try {
		await admin.unsafe(`create database "${name.replaceAll('"', '""')}"`);
		console.log(`Created database ${name} at ${redactUrl(server.toString())}`);
		return "created";
	} catch (error) {
		const u = new URL(url);
		throw new DatabaseUnavailableError(
			`database "${name}" does not exist at ${where} and could not be created (${(error as Error).message}); create it with: createdb -h ${u.hostname} -p ${u.port || 5432}${u.username ? ` -U ${decodeURIComponent(u.username)}` : ""} ${name}`,
		);
	} finally {
		await admin.end({ timeout: 5 });
	}
}

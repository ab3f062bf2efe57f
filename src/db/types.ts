import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import type * as schema from "../../schema/index.js";

export type Schema = typeof schema;
/** A drizzle database on either driver (PGlite or postgres.js). */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything a query function can run on: the database or an open transaction. */
export type Executor = Db | Tx;

export type DriverKind = "pglite" | "postgres";

export interface Database {
	db: Db;
	kind: DriverKind;
	/** Where the data lives: a folder for PGlite, the server (without password) for PostgreSQL. */
	location: string;
	close(): Promise<void>;
}

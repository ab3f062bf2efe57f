import { sql } from "drizzle-orm";
import {
	bigserial,
	char,
	check,
	index,
	integer,
	json,
	jsonb,
	pgTable,
	text,
	timestamp,
	unique,
} from "drizzle-orm/pg-core";

/** Who did what to which record, when: every write, and every read of a child's record. */
export const auditEvents = pgTable(
	"audit_event",
	{
		id: bigserial("id", { mode: "number" }).primaryKey(),
		at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
		actor: text("actor").notNull(),
		role: text("role").notNull(),
		boroughCode: char("borough_code", { length: 3 }),
		action: text("action").notNull(),
		entityType: text("entity_type").notNull(),
		entityId: text("entity_id").notNull(),
		before: jsonb("before"),
		after: jsonb("after"),
		requestId: text("request_id"),
	},
	(t) => [
		index("audit_entity_idx").on(t.entityType, t.entityId),
		index("audit_actor_idx").on(t.actor, t.at),
		// The audit trail page lists newest first and filters by date: without this, a sort of
		// the whole table on every page.
		index("audit_at_idx").on(t.at),
	],
);

/**
 * A replayable response to a request sent with an Idempotency-Key: a retry gets the first answer
 * and changes nothing; the same key with a different body is refused.
 */
export const idempotencyKeys = pgTable(
	"idempotency_key",
	{
		id: bigserial("id", { mode: "number" }).primaryKey(),
		scope: text("scope").notNull(),
		key: text("key").notNull(),
		requestHash: text("request_hash").notNull(),
		status: integer("status").notNull(),
		/** json, not jsonb: a replay returns the first answer's text exactly, key order and all. */
		body: json("body").notNull(),
		createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [
		unique("idempotency_scope_key").on(t.scope, t.key),
		check("idempotency_key_length", sql`length(${t.key}) between 1 and 255`),
	],
);

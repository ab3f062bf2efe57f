import { sql } from "drizzle-orm";
import {
	check,
	index,
	integer,
	pgTable,
	text,
	timestamp,
	uniqueIndex,
	uuid,
} from "drizzle-orm/pg-core";

export const JOB_STATUSES = ["queued", "running", "done", "failed"] as const;

/**
 * Work that outlives a request (a matching run), claimed by any instance with a lease: a worker
 * takes a job with `FOR UPDATE SKIP LOCKED`, renews `lease_expires_at` while it works, and writes
 * the result only while `lease_token` is still its own. A lease that runs out (a crash) returns
 * the job to whoever claims next, up to `max_attempts`; then it is failed with the reason.
 */
export const jobs = pgTable(
	"job",
	{
		id: uuid("id").primaryKey().defaultRandom(),
		/** What to do: `matching-run`. */
		kind: text("kind").notNull(),
		/** The record the job works on (the matching run's id). */
		subjectId: uuid("subject_id").notNull(),
		/** How heavy it is (a run's children): a Workers isolate only takes light jobs. */
		weight: integer("weight").notNull().default(0),
		status: text("status").notNull().default("queued"),
		attempts: integer("attempts").notNull().default(0),
		maxAttempts: integer("max_attempts").notNull().default(3),
		leaseToken: uuid("lease_token"),
		leasedBy: text("leased_by"),
		leaseExpiresAt: timestamp("lease_expires_at", { withTimezone: true }),
		lastError: text("last_error"),
		createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
		startedAt: timestamp("started_at", { withTimezone: true }),
		finishedAt: timestamp("finished_at", { withTimezone: true }),
	},
	(t) => [
		uniqueIndex("job_kind_subject").on(t.kind, t.subjectId),
		index("job_claimable").on(t.status, t.createdAt),
		check(
			"job_status_valid",
			sql.raw(`status IN (${JOB_STATUSES.map((s) => `'${s}'`).join(",")})`),
		),
		check("job_attempts", sql`${t.attempts} >= 0 AND ${t.maxAttempts} >= 1`),
	],
);

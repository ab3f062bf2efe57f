import { and, asc, eq, inArray, lt, lte, or, sql } from "drizzle-orm";
import { jobs } from "../../../schema/index.js";
import type { Db, Executor } from "../../db/types.js";

export type JobRow = typeof jobs.$inferSelect;

/** A claimed job: whoever holds its token may renew it and write its result, no one else. */
export interface Lease {
	jobId: string;
	kind: string;
	subjectId: string;
	token: string;
	attempt: number;
}

/** The job's lease ran out and someone else took it (or it was released): write nothing. */
export class LeaseLostError extends Error {
	constructor(lease: Lease) {
		super(`job ${lease.jobId} (attempt ${lease.attempt}) is no longer held by this worker`);
	}
}

const expiresIn = (seconds: number) => sql`now() + make_interval(secs => ${seconds})`;

/** Queues a job for a record, in the caller's transaction (with the record it works on). */
export async function enqueueJob(
	tx: Executor,
	job: { kind: string; subjectId: string; weight: number; maxAttempts?: number },
): Promise<void> {
	await tx.insert(jobs).values({ ...job, maxAttempts: job.maxAttempts ?? 3 });
}

export interface ClaimOptions {
	workerId: string;
	leaseSeconds: number;
	/** Only this record's job (a run answered at once); otherwise the oldest claimable. */
	subjectId?: string;
	/** Only jobs this light (a Workers isolate's memory); default any. */
	maxWeight?: number;
}

/**
 * Claims one job: queued, or running with its lease run out (its worker crashed), and with
 * attempts left. `FOR UPDATE SKIP LOCKED` lets instances claim at once without waiting on or
 * taking each other's job; the new token makes any earlier holder's writes fail.
 */
export async function claimJob(db: Db, options: ClaimOptions): Promise<Lease | undefined> {
	const claimable = db
		.select({ id: jobs.id })
		.from(jobs)
		.where(
			and(
				or(
					eq(jobs.status, "queued"),
					and(eq(jobs.status, "running"), lt(jobs.leaseExpiresAt, sql`now()`)),
				),
				lt(jobs.attempts, jobs.maxAttempts),
				options.subjectId ? eq(jobs.subjectId, options.subjectId) : undefined,
				options.maxWeight === undefined ? undefined : lte(jobs.weight, options.maxWeight),
			),
		)
		.orderBy(asc(jobs.createdAt))
		.limit(1)
		.for("update", { skipLocked: true });
	const [row] = await db
		.update(jobs)
		.set({
			status: "running",
			attempts: sql`${jobs.attempts} + 1`,
			leaseToken: sql`gen_random_uuid()`,
			leasedBy: options.workerId,
			leaseExpiresAt: expiresIn(options.leaseSeconds),
			startedAt: sql`now()`,
		})
		.where(inArray(jobs.id, claimable))
		.returning();
	if (!row?.leaseToken) return undefined;
	return {
		jobId: row.id,
		kind: row.kind,
		subjectId: row.subjectId,
		token: row.leaseToken,
		attempt: row.attempts,
	};
}

const held = (lease: Lease) =>
	and(eq(jobs.id, lease.jobId), eq(jobs.leaseToken, lease.token), eq(jobs.status, "running"));

/** Renews the lease; false when it is no longer this worker's. */
export async function renewLease(db: Db, lease: Lease, leaseSeconds: number): Promise<boolean> {
	const rows = await db
		.update(jobs)
		.set({ leaseExpiresAt: expiresIn(leaseSeconds) })
		.where(held(lease))
		.returning({ id: jobs.id });
	return rows.length === 1;
}

/**
 * Marks the job done or failed inside the transaction that writes its result, and only while the
 * lease is still held: otherwise throws LeaseLostError, rolling the result back. The row lock it
 * takes orders this against a concurrent claim of the same job.
 */
export async function finishJob(
	tx: Executor,
	lease: Lease,
	outcome: { status: "done" } | { status: "failed"; error: string },
): Promise<void> {
	const rows = await tx
		.update(jobs)
		.set({
			status: outcome.status,
			lastError: outcome.status === "failed" ? outcome.error : null,
			leaseToken: null,
			leaseExpiresAt: null,
			finishedAt: sql`now()`,
		})
		.where(held(lease))
		.returning({ id: jobs.id });
	if (rows.length !== 1) throw new LeaseLostError(lease);
}

/**
 * Hands claimed jobs back (a graceful stop): queued again at once for the next claimer, and the
 * interrupted attempt not counted against them. Returns the jobs released.
 */
export async function releaseJobs(db: Db, leases: Lease[]): Promise<Lease[]> {
	const released: Lease[] = [];
	for (const lease of leases) {
		const rows = await db
			.update(jobs)
			.set({
				status: "queued",
				attempts: sql`greatest(${jobs.attempts} - 1, 0)`,
				leaseToken: null,
				leasedBy: null,
				leaseExpiresAt: null,
			})
			.where(held(lease))
			.returning({ id: jobs.id });
		if (rows.length === 1) released.push(lease);
	}
	return released;
}

/**
 * Leases of every running job end now: on PGlite one process owns the data, so at start-up a
 * running job can only be a crashed predecessor's, and need not wait out its lease.
 */
export async function expireAllLeases(db: Db): Promise<number> {
	const rows = await db
		.update(jobs)
		.set({ leaseExpiresAt: sql`now() - interval '1 second'` })
		.where(eq(jobs.status, "running"))
		.returning({ id: jobs.id });
	return rows.length;
}

/**
 * Fails the jobs whose last attempt ran out of lease (crashed every time), with the reason,
 * in the transaction that records the failure on their records. Returns them.
 */
export async function failExhaustedJobs(tx: Executor): Promise<JobRow[]> {
	return tx
		.update(jobs)
		.set({
			status: "failed",
			lastError: sql`'interrupted ' || ${jobs.attempts} || ' times (its worker stopped or crashed mid-run); not tried again'`,
			leaseToken: null,
			leaseExpiresAt: null,
			finishedAt: sql`now()`,
		})
		.where(
			and(
				sql`${jobs.attempts} >= ${jobs.maxAttempts}`,
				or(
					eq(jobs.status, "queued"),
					and(eq(jobs.status, "running"), lt(jobs.leaseExpiresAt, sql`now()`)),
				),
			),
		)
		.returning();
}

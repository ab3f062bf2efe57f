import { count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jobs, matchingRuns, proposals } from "../../schema/index.js";
import { RunRequest } from "../../src/contracts/matching-runs.js";
import { openPostgres } from "../../src/db/postgres.js";
import type { Database, Db } from "../../src/db/types.js";
import { requestJobWorker } from "../../src/services/jobs/from-app.js";
import { claimJob, LeaseLostError, releaseJobs } from "../../src/services/jobs/queue.js";
import { createRun, executeRun } from "../../src/services/matching/runs.js";
import { FIXED_NOW, useTestApp } from "../support/app.js";
import { bearer } from "../support/auth.js";

const t = useTestApp();
const now = () => FIXED_NOW;
/** A second app instance on the same database: its own connection pool on PostgreSQL. */
let other: Database | undefined;
beforeAll(() => {
	if (t.database.kind === "postgres") other = openPostgres(t.database.location, { max: 5 });
});
afterAll(async () => {
	await other?.close();
});
const otherDb = (): Db => other?.db ?? t.database.db;

const panelActor = (la: string) => ({
	principal: { subject: `panel@${la}`, role: "panel" as const, la, urn: null, joint: null },
	requestId: "run-jobs-test",
});

async function queuedRun(la: string) {
	return createRun(t.database.db, panelActor(la), RunRequest.parse({}), FIXED_NOW);
}

async function jobOf(runId: string) {
	const [job] = await t.database.db.select().from(jobs).where(eq(jobs.subjectId, runId));
	return job;
}
async function proposalCount(runId: string) {
	const [row] = await t.database.db
		.select({ n: count() })
		.from(proposals)
		.where(eq(proposals.runId, runId));
	return row?.n ?? 0;
}
const expireLease = (runId: string) =>
	t.database.db
		.update(jobs)
		.set({ leaseExpiresAt: sql`now() - interval '1 second'` })
		.where(eq(jobs.subjectId, runId));

describe("matching runs are jobs claimed with a lease", () => {
	it("a run is queued as a job with its children as weight, in the run's own transaction", async () => {
		const { run, childCount } = await queuedRun("306");
		expect(await jobOf(run.id)).toMatchObject({
			kind: "matching-run",
			status: "queued",
			weight: childCount,
			attempts: 0,
			maxAttempts: 3,
			leaseToken: null,
		});
	});

	it("two instances racing for one job: exactly one runs it, and its result is written once", async () => {
		const { run, childCount } = await queuedRun("314");
		const a = requestJobWorker(t.database.db, now, { workerId: "a" });
		const b = requestJobWorker(otherDb(), now, { workerId: "b" });
		const ran = await Promise.all([a.runSubject(run.id), b.runSubject(run.id)]);
		expect(ran.filter(Boolean)).toHaveLength(1);
		expect(await jobOf(run.id)).toMatchObject({ status: "done", attempts: 1, leaseToken: null });
		expect(await proposalCount(run.id)).toBe(childCount);
		const [stored] = await t.database.db
			.select()
			.from(matchingRuns)
			.where(eq(matchingRuns.id, run.id));
		expect(stored?.status).toBe("done");
		// Done is final: neither claims it again.
		expect(await a.runSubject(run.id)).toBe(false);
		expect(await b.runSubject(run.id)).toBe(false);
	});

	it("two instances draining one queue run each job exactly once between them", async () => {
		const runs = [await queuedRun("303"), await queuedRun("305"), await queuedRun("308")];
		const a = requestJobWorker(t.database.db, now, { workerId: "a" });
		const b = requestJobWorker(otherDb(), now, { workerId: "b" });
		const [ranA, ranB] = await Promise.all([a.drainQueue(), b.drainQueue()]);
		// Earlier tests' queued job (the first) is drained too.
		expect(ranA + ranB).toBe(runs.length + 1);
		for (const { run, childCount } of runs) {
			expect(await jobOf(run.id)).toMatchObject({ status: "done", attempts: 1 });
			expect(await proposalCount(run.id)).toBe(childCount);
		}
	});

	it("a worker whose lease ran out writes nothing: the one that took the job over wins", async () => {
		const { run, childCount } = await queuedRun("209");
		const stale = await claimJob(t.database.db, { workerId: "stale", leaseSeconds: 30 });
		expect(stale?.subjectId).toBe(run.id);
		await expireLease(run.id);
		const fresh = requestJobWorker(otherDb(), now, { workerId: "fresh" });
		expect(await fresh.runSubject(run.id)).toBe(true);
		const [before] = await t.database.db
			.select()
			.from(matchingRuns)
			.where(eq(matchingRuns.id, run.id));
		await expect(
			executeRun(t.database.db, stale as NonNullable<typeof stale>, now),
		).rejects.toThrow(LeaseLostError);
		expect(await jobOf(run.id)).toMatchObject({ status: "done", attempts: 2, leasedBy: "fresh" });
		expect(await proposalCount(run.id)).toBe(childCount);
		const [after] = await t.database.db
			.select()
			.from(matchingRuns)
			.where(eq(matchingRuns.id, run.id));
		expect(after?.finishedAt).toEqual(before?.finishedAt);
	});

	it("a job interrupted on every attempt is failed with the reason, and its run says why", async () => {
		const { run } = await queuedRun("210");
		for (let attempt = 1; attempt <= 3; attempt++) {
			const lease = await claimJob(t.database.db, {
				workerId: `crash-${attempt}`,
				leaseSeconds: 30,
			});
			expect(lease).toMatchObject({ subjectId: run.id, attempt });
			await expireLease(run.id);
		}
		const worker = requestJobWorker(t.database.db, now, { workerId: "sweeper" });
		expect(await worker.drainQueue()).toBe(0);
		expect(await jobOf(run.id)).toMatchObject({
			status: "failed",
			attempts: 3,
			lastError: "interrupted 3 times (its worker stopped or crashed mid-run); not tried again",
		});
		const res = await t.get(
			`/matching-runs/${run.id}`,
			await bearer(t.keys, "panel", { la: "210" }),
		);
		expect(await res.json()).toMatchObject({
			status: "failed",
			error: "interrupted 3 times (its worker stopped or crashed mid-run); not tried again",
		});
	});

	it("a stopping worker hands its job back, the attempt not counted, and the run is queued again", async () => {
		const { run, childCount } = await queuedRun("211");
		const lease = await claimJob(t.database.db, { workerId: "stopping", leaseSeconds: 30 });
		expect(await releaseJobs(t.database.db, [lease as NonNullable<typeof lease>])).toHaveLength(1);
		expect(await jobOf(run.id)).toMatchObject({ status: "queued", attempts: 0, leaseToken: null });
		const next = requestJobWorker(otherDb(), now, { workerId: "next" });
		expect(await next.runSubject(run.id)).toBe(true);
		expect(await jobOf(run.id)).toMatchObject({ status: "done", attempts: 1 });
		expect(await proposalCount(run.id)).toBe(childCount);
	});
});

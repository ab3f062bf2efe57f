import type { Db, Executor } from "../../db/types.js";
import { type SolveRound, solveInThisThread } from "../solve/solve-round.js";
import {
	claimJob,
	expireAllLeases,
	failExhaustedJobs,
	type Lease,
	LeaseLostError,
	releaseJobs,
	renewLease,
} from "./queue.js";

/** What a kind of job does, and how its record hears that it failed for good. */
export interface JobHandler {
	/**
	 * Does the work and writes the result with `finishJob(tx, lease, …)` in the result's own
	 * transaction, so that a worker that lost its lease writes nothing.
	 */
	execute(db: Db, lease: Lease, now: () => Date, solve: SolveRound): Promise<void>;
	/** The job was interrupted too often: record why on its record (same transaction). */
	failed(tx: Executor, subjectId: string, reason: string, at: Date): Promise<void>;
	/** The job went back to the queue (a graceful stop): its record may say so. */
	requeued?(db: Db, subjectId: string): Promise<void>;
}

export interface JobWorkerOptions {
	/** Names the worker in the job row (`leased_by`): host and process. */
	workerId: string;
	/** How long a claim lasts without renewal; renewed every quarter of it while working. */
	leaseSeconds: number;
	/** How often a started worker looks for jobs (queued, or abandoned by a crash). */
	pollMs: number;
	/** Take only jobs this light (a Workers isolate); default any. */
	maxWeight?: number;
	handlers: Record<string, JobHandler>;
	now: () => Date;
	/** Where rounds are solved (Node: a worker-thread pool); default this thread. */
	solve?: SolveRound;
	log?: (line: string) => void;
}

/**
 * Runs jobs from the database. Any number of workers (processes, machines, a Cron Trigger) may
 * share one database: each job is claimed by one at a time, and a crashed worker's job is taken up
 * again once its lease runs out. `runSubject` runs a given job now (a round answered at once, or
 * started in the background); `start` also polls for any job left waiting.
 */
export class JobWorker {
	readonly #db: Db;
	readonly #options: JobWorkerOptions;
	readonly #held = new Map<string, Lease>();
	#timer: ReturnType<typeof setInterval> | undefined;
	#claiming = true;
	#polling = false;

	constructor(db: Db, options: JobWorkerOptions) {
		this.#db = db;
		this.#options = options;
	}

	get held(): number {
		return this.#held.size;
	}

	/** Claims this record's job and runs it; false when it is not claimable (another has it). */
	async runSubject(subjectId: string): Promise<boolean> {
		if (!this.#claiming) return false;
		const lease = await claimJob(this.#db, { ...this.#claimOptions(), subjectId });
		if (!lease) return false;
		await this.#run(lease);
		return true;
	}

	/** Fails exhausted jobs, then claims and runs waiting ones one by one; returns how many ran. */
	async drainQueue(limit = Number.POSITIVE_INFINITY): Promise<number> {
		await this.sweep();
		let ran = 0;
		while (this.#claiming && ran < limit) {
			const lease = await claimJob(this.#db, this.#claimOptions());
			if (!lease) break;
			await this.#run(lease);
			ran += 1;
		}
		return ran;
	}

	/** Jobs interrupted on every attempt are failed, with the reason on their records. */
	async sweep(): Promise<void> {
		await this.#db.transaction(async (tx) => {
			for (const job of await failExhaustedJobs(tx)) {
				await this.#options.handlers[job.kind]?.failed(
					tx,
					job.subjectId,
					job.lastError ?? "",
					this.#options.now(),
				);
				this.#options.log?.(`job ${job.kind} ${job.subjectId} failed: ${job.lastError}`);
			}
		});
	}

	/**
	 * Starts polling. `soleOwner` (PGlite: one process owns the data) ends every running lease
	 * first, since only a crashed predecessor can hold one, so its runs resume at once.
	 */
	async start(options: { soleOwner: boolean }): Promise<void> {
		if (options.soleOwner) await expireAllLeases(this.#db);
		const poll = () => {
			// One job at a time from the queue: solving is CPU-bound, and a run started by a
			// request is already running here.
			if (this.#polling || this.#held.size > 0 || !this.#claiming) return;
			this.#polling = true;
			this.drainQueue()
				.catch((error) => this.#options.log?.(`job poll failed: ${(error as Error).message}`))
				.finally(() => {
					this.#polling = false;
				});
		};
		this.#timer = setInterval(poll, this.#options.pollMs);
		this.#timer.unref?.();
		poll();
	}

	/** Stops claiming (a stop has begun); jobs already running carry on. */
	stopClaiming(): void {
		this.#claiming = false;
		if (this.#timer) clearInterval(this.#timer);
	}

	/**
	 * Stops: no more claims, waits for running jobs until `deadline` (epoch ms), then hands the
	 * rest back to the queue for another worker. Returns the jobs released.
	 */
	async stop(deadline = Date.now()): Promise<Lease[]> {
		this.stopClaiming();
		while (this.#held.size > 0 && Date.now() < deadline) {
			await new Promise((resolve) => setTimeout(resolve, 25));
		}
		const released = await releaseJobs(this.#db, [...this.#held.values()]);
		for (const lease of released) {
			await this.#options.handlers[lease.kind]?.requeued?.(this.#db, lease.subjectId);
		}
		return released;
	}

	#claimOptions() {
		return {
			workerId: this.#options.workerId,
			leaseSeconds: this.#options.leaseSeconds,
			maxWeight: this.#options.maxWeight,
		};
	}

	async #run(lease: Lease): Promise<void> {
		const handler = this.#options.handlers[lease.kind];
		this.#held.set(lease.jobId, lease);
		const renew = setInterval(
			() =>
				void renewLease(this.#db, lease, this.#options.leaseSeconds).catch(() => {
					// A failed renewal is retried next time; the result write checks the lease anyway.
				}),
			(this.#options.leaseSeconds * 1000) / 4,
		);
		renew.unref?.();
		try {
			if (!handler) throw new Error(`no handler for job kind ${lease.kind}`);
			await handler.execute(
				this.#db,
				lease,
				this.#options.now,
				this.#options.solve ?? solveInThisThread,
			);
		} catch (error) {
			const what = error instanceof LeaseLostError ? "lost its lease" : "failed";
			this.#options.log?.(
				`job ${lease.kind} ${lease.subjectId} ${what}: ${(error as Error).message}`,
			);
		} finally {
			clearInterval(renew);
			this.#held.delete(lease.jobId);
		}
	}
}

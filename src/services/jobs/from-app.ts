import type { Db } from "../../db/types.js";
import type { SolveRound } from "../solve/solve-round.js";
import { JOB_HANDLERS } from "./kinds.js";
import { JobWorker } from "./worker.js";

/** How long a claim lasts unrenewed (renewed every quarter of it while a job runs). */
export const DEFAULT_LEASE_SECONDS = 20;

/**
 * A worker that runs only the jobs this app's requests start (not started: it never polls).
 * Entry points that should also take up waiting and abandoned jobs build and start their own.
 */
export function requestJobWorker(
	db: Db,
	now: () => Date = () => new Date(),
	options: {
		workerId?: string;
		leaseSeconds?: number;
		pollMs?: number;
		maxWeight?: number;
		solve?: SolveRound;
	} = {},
): JobWorker {
	return new JobWorker(db, {
		workerId: options.workerId ?? `app-${crypto.randomUUID().slice(0, 8)}`,
		leaseSeconds: options.leaseSeconds ?? DEFAULT_LEASE_SECONDS,
		pollMs: options.pollMs ?? 1000,
		maxWeight: options.maxWeight,
		solve: options.solve,
		handlers: JOB_HANDLERS,
		now,
		log: (line) => console.log(line),
	});
}

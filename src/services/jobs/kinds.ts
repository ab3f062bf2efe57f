import { eq } from "drizzle-orm";
import { matchingRuns } from "../../../schema/index.js";
import { executeRun, markRunFailed, RUN_JOB } from "../matching/runs.js";
import type { JobHandler } from "./worker.js";

/** Every kind of job and what runs it. */
export const JOB_HANDLERS: Record<string, JobHandler> = {
	[RUN_JOB]: {
		execute: executeRun,
		failed: markRunFailed,
		requeued: async (db, runId) => {
			await db
				.update(matchingRuns)
				.set({ status: "queued", progress: 0 })
				.where(eq(matchingRuns.id, runId));
		},
	},
};

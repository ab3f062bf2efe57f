import type { Principal } from "../auth/claims.js";
import type { Verifier } from "../auth/verifier.js";
import type { Db, DriverKind } from "../db/types.js";
import type { JobWorker } from "../services/jobs/worker.js";

/** What every request handler may use; built once by createApp and put on the context. */
export interface AppDeps {
	db: Db;
	dbKind: DriverKind;
	/** Verifies a bearer token into the caller's identity. */
	verify: Verifier;
	/** The clock; tests pass a fixed one. */
	now: () => Date;
	/** Runs work after the response (Node: a timer; Workers: ctx.waitUntil). */
	defer: (task: () => Promise<void>) => void;
	/** Runs jobs (matching runs) claimed from the database with a lease. */
	jobs: JobWorker;
	/** Matching rounds up to this many children answer at once; larger ones run in the background. */
	syncRunLimit: number;
}

export type AppEnv = {
	Variables: {
		requestId: string;
		deps: AppDeps;
		/** Set by requireRole() once the token is verified. */
		principal: Principal;
	};
};

import { createApp } from "./app.js";
import type { AssetManifest } from "./assets/manifest.js";
import { createVerifier, type Verifier } from "./auth/verifier.js";
import { openPostgres } from "./db/postgres.js";
import type { Database } from "./db/types.js";
import { requestJobWorker } from "./services/jobs/from-app.js";
import { type WorkerWebEnv, workerWeb } from "./web/worker-web.js";

/** The Worker bindings declared in wrangler.toml. */
export interface WorkerEnv extends WorkerWebEnv {
	HYPERDRIVE: { connectionString: string };
	/** The built static files (`[assets]` in wrangler.toml), served before the Worker runs. */
	ASSETS: { fetch(input: Request | string): Promise<Response> };
	AUTH_JWKS_URL: string;
	AUTH_ISSUER: string;
	AUTH_AUDIENCE: string;
	AUTH_ALGORITHMS?: string;
	MAX_BODY_BYTES?: string;
	IMPORT_MAX_BYTES?: string;
	WORKERS_MAX_RUN_CHILDREN?: string;
}

interface ExecutionContextLike {
	waitUntil(promise: Promise<unknown>): void;
}

// The remote JWKS is cached across requests by jose; build the verifier once per isolate.
let verifier: Promise<Verifier> | undefined;
// The assets' manifest is part of the deployment, so one read per isolate is enough.
let manifest: Promise<AssetManifest> | undefined;

async function readManifest(env: WorkerEnv, origin: string): Promise<AssetManifest> {
	const res = await env.ASSETS.fetch(new Request(new URL("/assets/manifest.json", origin)));
	if (!res.ok) throw new Error(`the assets manifest is missing (${res.status})`);
	return (await res.json()) as AssetManifest;
}
// People sign in at the edge with OpenID Connect; built once per isolate.
let web: ReturnType<typeof workerWeb> | null = null;

/**
 * Cloudflare Workers entry point: the same app, with PostgreSQL reached through Hyperdrive.
 * Hyperdrive pools connections at the edge, so a client per request is the recommended shape.
 * Migrations are applied from a Node machine (`npm start` with DATABASE_URL), not from the edge.
 */
export default {
	async fetch(request: Request, env: WorkerEnv, ctx: ExecutionContextLike): Promise<Response> {
		verifier ??= createVerifier(
			{
				issuer: env.AUTH_ISSUER,
				audience: env.AUTH_AUDIENCE,
				algorithms: (env.AUTH_ALGORITHMS ?? "ES256").split(","),
			},
			{ kind: "jwks-url", url: env.AUTH_JWKS_URL },
		);
		manifest ??= readManifest(env, request.url).catch((error) => {
			manifest = undefined;
			throw error;
		});
		if (web === null) web = workerWeb(env);
		const database = openPostgres(env.HYPERDRIVE.connectionString, { max: 5 });
		// Work deferred past the answer (a run) still needs the connection: close after it.
		const deferred: Promise<void>[] = [];
		const app = createApp({
			db: database.db,
			dbKind: "postgres",
			verify: await verifier,
			defer: (task) => {
				deferred.push(task());
			},
			jobs: edgeJobWorker(database, env),
			maxBodyBytes: Number(env.MAX_BODY_BYTES ?? "1048576"),
			importMaxBodyBytes: Number(env.IMPORT_MAX_BYTES ?? "104857600"),
			assets: { manifest: await manifest },
			web,
		});
		try {
			return await app.fetch(request);
		} finally {
			ctx.waitUntil(Promise.allSettled(deferred).then(() => database.close()));
		}
	},

	/**
	 * The Cron Trigger (`[triggers]` in wrangler.toml, every minute): fails runs interrupted on
	 * every attempt, then claims and solves waiting light runs, as any Node worker would.
	 */
	async scheduled(_event: unknown, env: WorkerEnv, ctx: ExecutionContextLike): Promise<void> {
		const database = openPostgres(env.HYPERDRIVE.connectionString, { max: 2 });
		const jobs = edgeJobWorker(database, env);
		ctx.waitUntil(
			jobs
				.drainQueue(CRON_RUNS_PER_TICK)
				.then(() => undefined)
				.finally(() => database.close()),
		);
	},
};

/** Runs solved in one Cron Trigger invocation (each within the invocation's CPU limit). */
const CRON_RUNS_PER_TICK = 5;

/**
 * An isolate has 128 MB: it takes runs of up to WORKERS_MAX_RUN_CHILDREN children (default
 * 2,000); heavier ones wait for a Node job worker (`npm start` on the same PostgreSQL).
 */
function edgeJobWorker(database: Database, env: WorkerEnv) {
	return requestJobWorker(database.db, undefined, {
		workerId: "workers",
		leaseSeconds: 60,
		maxWeight: Number(env.WORKERS_MAX_RUN_CHILDREN ?? "2000"),
	});
}

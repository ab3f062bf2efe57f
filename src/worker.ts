import { createApp } from "./app.js";
import type { AssetManifest } from "./assets/manifest.js";
import { createVerifier, type Verifier } from "./auth/verifier.js";
import { openPostgres } from "./db/postgres.js";
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
		const app = createApp({
			db: database.db,
			dbKind: "postgres",
			verify: await verifier,
			defer: (task) => ctx.waitUntil(task()),
			maxBodyBytes: Number(env.MAX_BODY_BYTES ?? "1048576"),
			importMaxBodyBytes: Number(env.IMPORT_MAX_BYTES ?? "104857600"),
			assets: { manifest: await manifest },
			web,
		});
		try {
			return await app.fetch(request);
		} finally {
			ctx.waitUntil(database.close());
		}
	},
};

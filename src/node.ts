import type { Server } from "node:http";
import { hostname } from "node:os";
import { serve } from "@hono/node-server";
import { createApp } from "./app.js";
import { AssetsMissingError, loadNodeAssets } from "./assets/node-assets.js";
import { verifierFromConfig } from "./auth/from-config.js";
import { prepareDatabase } from "./bootstrap.js";
import { ConfigError, loadConfig } from "./config.js";
import { DataDirLockedError } from "./db/data-dir-lock.js";
import { openConfiguredDatabase } from "./db/open.js";
import { DatabaseUnavailableError } from "./db/postgres.js";
import { BackgroundTasks, installGracefulStop } from "./http/graceful-stop.js";
import { requestJobWorker } from "./services/jobs/from-app.js";
import { defaultSolverThreads, SolverPool } from "./services/solve/thread-pool.js";
import { webFromConfig } from "./web/from-config.js";

/** Node entry point: `npm start`. */
async function main(): Promise<void> {
	const config = loadConfig(process.env);
	const database = await openConfiguredDatabase(config);
	const started = Date.now();
	const prepared = await prepareDatabase(database, {
		loadDemo: config.loadDemo,
		seed: config.demoSeed,
		children: config.demoChildren,
	});
	if (prepared.loaded) {
		const parts = Object.entries(prepared.summary ?? {}).map(([k, v]) => `${v} ${k}`);
		console.log(
			`Loaded London reference data${config.loadDemo ? " and demo scenario" : ""}: ${parts.join(", ")} (${Date.now() - started} ms)`,
		);
	} else {
		console.log("Database already holds data; nothing loaded.");
	}
	const { verify, keySource, devKey } = await verifierFromConfig(config);
	const assets = await loadNodeAssets();
	const web = webFromConfig(config, devKey);
	const background = new BackgroundTasks();
	const solvers = new SolverPool(config.solverThreads ?? defaultSolverThreads());
	const jobs = requestJobWorker(database.db, undefined, {
		workerId: `${hostname()}:${process.pid}`,
		leaseSeconds: config.jobLeaseSeconds,
		solve: solvers.solve,
	});
	const app = createApp({
		db: database.db,
		dbKind: database.kind,
		verify,
		maxBodyBytes: config.maxBodyBytes,
		importMaxBodyBytes: config.importMaxBytes,
		assets,
		logRequest: config.logRequests ? (line) => console.log(line) : undefined,
		web,
		defer: background.run,
		jobs,
	});
	// PGlite has one owner, so a running job at start-up is a crashed predecessor's: resumed now.
	await jobs.start({ soleOwner: database.kind === "pglite" });
	const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
		const host = config.host === "0.0.0.0" ? "localhost" : config.host;
		console.log(`London SEND Placement Brokerage listening on http://${host}:${info.port}`);
		console.log(`In a browser: http://${host}:${info.port}/ (sign-in: ${web.signIn.kind})`);
		console.log(`API reference: http://${host}:${info.port}/docs`);
		console.log(`Tokens verified with: ${keySource}`);
		console.log(
			`Data: ${database.kind === "pglite" ? `PGlite in ${database.location}` : `PostgreSQL at ${database.location}`}`,
		);
	});
	const { stop } = installGracefulStop({
		server: server as Server,
		graceMs: config.stopGraceSeconds * 1000,
		background,
		onStop: () => jobs.stopClaiming(),
		release: async (deadline) => {
			try {
				return (await jobs.stop(deadline)).length;
			} finally {
				await solvers.close();
				await database.close();
			}
		},
		log: (line) => console.log(line),
		exit: (code) => process.exit(code),
	});
	process.on("SIGINT", () => void stop("SIGINT"));
	process.on("SIGTERM", () => void stop("SIGTERM"));
}

main().catch((error: unknown) => {
	if (error instanceof ConfigError) {
		console.error(`Configuration error: ${error.message}`);
	} else if (error instanceof DataDirLockedError || error instanceof DatabaseUnavailableError) {
		console.error(`Cannot start: ${error.message}`);
	} else if (error instanceof AssetsMissingError) {
		console.error(`Cannot start: ${error.message}`);
	} else {
		console.error(error instanceof Error ? (error.stack ?? error.message) : error);
	}
	process.exit(1);
});

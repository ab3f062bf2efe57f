import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { type AddressInfo, createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import type { Role } from "../../src/auth/claims.js";
import { readDevKey } from "../../src/auth/dev-key.js";
import { signToken } from "../../src/auth/sign.js";
import { openPostgres } from "../../src/db/postgres.js";
import { COPY_PREFIX, databaseUrlFor } from "./shared.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

export async function freePort(): Promise<number> {
	return new Promise((resolve) => {
		const probe = createServer().listen(0, "127.0.0.1", () => {
			const { port } = probe.address() as AddressInfo;
			probe.close(() => resolve(port));
		});
	});
}

export interface ServerProcess {
	child: ChildProcess;
	stdout: () => string;
	stderr: () => string;
	/** Resolves with the exit code once the process ends. */
	exited: Promise<number | null>;
}

/** Starts `src/node.ts` (what `npm start` runs) as its own process with the given environment. */
export function startServer(env: Record<string, string>): ServerProcess {
	const child = spawn(process.execPath, ["--import", "tsx", "src/node.ts"], {
		cwd: ROOT,
		env: { ...process.env, HOST: "127.0.0.1", LOAD_DEMO: "false", ...env },
		stdio: ["ignore", "pipe", "pipe"],
	});
	let out = "";
	let err = "";
	child.stdout?.on("data", (d) => {
		out += d;
	});
	child.stderr?.on("data", (d) => {
		err += d;
	});
	const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
	return { child, stdout: () => out, stderr: () => err, exited };
}

/** Waits until the process prints `text` on stdout (or fails if it exits first). */
export async function waitForOutput(server: ServerProcess, text: string, ms = 240_000) {
	const deadline = Date.now() + ms;
	while (!server.stdout().includes(text)) {
		if (server.child.exitCode !== null)
			throw new Error(`exited ${server.child.exitCode}: ${server.stderr()}`);
		if (Date.now() > deadline) throw new Error(`no "${text}" within ${ms} ms: ${server.stderr()}`);
		await new Promise((r) => setTimeout(r, 100));
	}
}

/**
 * The database a spawned server uses: on a PostgreSQL suite run (TEST_DATABASE_URL) a new
 * database of its own, which the server creates and `drop` removes; otherwise PGlite in DATA_DIR.
 */
export function serverDatabase(): { env: Record<string, string>; drop: () => Promise<void> } {
	const url = process.env.TEST_DATABASE_URL;
	if (!url) return { env: {}, drop: async () => {} };
	const name = `${COPY_PREFIX}ops_${randomBytes(5).toString("hex")}`;
	return {
		env: { DATABASE_URL: databaseUrlFor(url, name) },
		drop: async () => {
			const admin = openPostgres(url, { max: 1 });
			await admin.db.execute(sql.raw(`drop database if exists ${name} with (force)`));
			await admin.close();
		},
	};
}

/** `{ authorization }` with a token the spawned server accepts (its development key in DATA_DIR). */
export async function devBearer(dataDir: string, role: Role, la?: string) {
	const key = readDevKey(dataDir);
	if (!key) throw new Error(`no development key in ${dataDir} yet`);
	const token = await signToken(key.privateJwk, {
		role,
		la,
		ttlSeconds: 3600,
		issuer: "urn:send-brokerage:local",
		audience: "send-brokerage-api",
	});
	return { authorization: `Bearer ${token}` };
}

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { count, eq, inArray } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { jobs, proposals } from "../../schema/index.js";
import { openPglite } from "../../src/db/pglite.js";
import { openPostgres } from "../../src/db/postgres.js";
import type { Database } from "../../src/db/types.js";
import {
	devBearer,
	freePort,
	serverDatabase,
	startServer,
	waitForOutput,
} from "../support/server-process.js";

const dir = mkdtempSync(join(tmpdir(), "send-durable-"));
const db = serverDatabase();
afterAll(async () => {
	rmSync(dir, { recursive: true, force: true });
	await db.drop();
});

interface RunBody {
	id: string;
	status: string;
	children: number;
	error?: string | null;
}

describe("a matching run survives a crash", () => {
	it("kill -9 mid-run, restart: every run ends done within a minute, its proposals written once", async () => {
		const port = await freePort();
		const env = {
			DATA_DIR: dir,
			PORT: String(port),
			LOAD_DEMO: "true",
			DEMO_CHILDREN: "1200",
			JOB_LEASE_SECONDS: "5",
			...db.env,
		};
		const base = `http://127.0.0.1:${port}`;
		const servers: ReturnType<typeof startServer>[] = [];
		try {
			const first = startServer(env);
			servers.push(first);
			await waitForOutput(first, "listening on", 240_000);
			const admin = { ...(await devBearer(dir, "admin")), "content-type": "application/json" };
			const started: RunBody[] = [];
			for (let i = 0; i < 3; i++) {
				const res = await fetch(`${base}/matching-runs`, {
					method: "POST",
					headers: admin,
					body: "{}",
				});
				expect(res.status).toBe(202);
				started.push((await res.json()) as RunBody);
			}
			// Killed while a run is being solved (the rest wait behind it): seen running, or the server
			// too busy to answer within 200 ms (on PGlite the solve holds the event loop).
			let caught: string | undefined;
			const watchUntil = Date.now() + 30_000;
			while (!caught && Date.now() < watchUntil) {
				try {
					const res = await fetch(`${base}/matching-runs/${started[0]?.id}`, {
						headers: admin,
						signal: AbortSignal.timeout(200),
					});
					if (((await res.json()) as RunBody).status === "running") caught = "running";
				} catch {
					caught = "busy";
				}
			}
			await new Promise((r) => setTimeout(r, Math.random() * 100));
			first.child.kill("SIGKILL");
			expect(caught).toBeDefined();
			await first.exited;

			const second = startServer(env);
			servers.push(second);
			await waitForOutput(second, "listening on", 240_000);
			const restarted = Date.now();
			const ended = new Map<string, RunBody>();
			// The issue asks for a minute; a loaded CI machine gets three before the test calls it stuck.
			while (ended.size < started.length && Date.now() - restarted < 180_000) {
				for (const run of started) {
					const res = await fetch(`${base}/matching-runs/${run.id}`, { headers: admin });
					const body = (await res.json()) as RunBody;
					if (body.status === "done" || body.status === "failed") ended.set(run.id, body);
				}
				await new Promise((r) => setTimeout(r, 250));
			}
			expect([...ended.values()].map((r) => r.status)).toEqual(started.map(() => "done"));
			second.child.kill("SIGTERM");
			expect(await second.exited).toBe(0);

			const database: Database = db.env.DATABASE_URL
				? openPostgres(db.env.DATABASE_URL, { max: 1 })
				: await openPglite(dir);
			try {
				const ids = started.map((r) => r.id);
				const rows = await database.db.select().from(jobs).where(inArray(jobs.subjectId, ids));
				expect(rows.map((j) => j.status)).toEqual(ids.map(() => "done"));
				// The run the crash interrupted was taken up again: a second attempt.
				expect(Math.max(...rows.map((j) => j.attempts))).toBe(2);
				for (const run of started) {
					const [n] = await database.db
						.select({ n: count() })
						.from(proposals)
						.where(eq(proposals.runId, run.id));
					expect(n?.n).toBe(run.children);
				}
			} finally {
				await database.close();
			}
		} finally {
			// A failed expectation must not leave a server running on a deleted DATA_DIR.
			for (const server of servers)
				if (server.child.exitCode === null) server.child.kill("SIGKILL");
		}
	}, 900_000);
});

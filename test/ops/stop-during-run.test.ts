import { mkdtempSync, rmSync } from "node:fs";
import { Agent, request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { count, eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { jobs, proposals } from "../../schema/index.js";
import { openPglite } from "../../src/db/pglite.js";
import { openPostgres } from "../../src/db/postgres.js";
import type { Database } from "../../src/db/types.js";
import {
	devBearer,
	freePort,
	type ServerProcess,
	serverDatabase,
	startServer,
	waitForOutput,
} from "../support/server-process.js";

const dir = mkdtempSync(join(tmpdir(), "send-stop-run-"));
const db = serverDatabase();
afterAll(async () => {
	rmSync(dir, { recursive: true, force: true });
	await db.drop();
});

interface RunBody {
	id: string;
	status: string;
	progress: number;
	children: number;
}

function get(agent: Agent, port: number, path: string, headers: Record<string, string>) {
	return new Promise<{ status: number; body: string }>((resolve) => {
		const req = request({ agent, host: "127.0.0.1", port, path, headers }, (res) => {
			let body = "";
			res.setEncoding("utf8");
			res.on("data", (d) => {
				body += d;
			});
			res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
		});
		// A lost request is an answer with status 0 and the error, so the test names which.
		req.on("error", (error) => resolve({ status: 0, body: `${path}: ${error.message}` }));
		req.end();
	});
}

// On PostgreSQL a second instance takes the job over; on PGlite (one owner) the restart does.
describe("SIGTERM while a run solves and requests are in flight", () => {
	it("answers every accepted request, hands the claimed job back, and the run is finished elsewhere", async () => {
		const onPostgres = db.env.DATABASE_URL !== undefined;
		const ports = [await freePort(), await freePort()];
		const env = (port: number) => ({
			DATA_DIR: onPostgres ? join(dir, String(port)) : dir,
			PORT: String(port),
			LOAD_DEMO: "true",
			DEMO_CHILDREN: "15000",
			STOP_GRACE_SECONDS: "1",
			JOB_LEASE_SECONDS: "5",
			...db.env,
		});
		const servers: ServerProcess[] = [];
		try {
			const first = startServer(env(ports[0] as number));
			servers.push(first);
			await waitForOutput(first, "listening on", 600_000);
			const base = `http://127.0.0.1:${ports[0]}`;
			const firstDir = env(ports[0] as number).DATA_DIR;
			const admin = await devBearer(firstDir, "admin");
			const panel = await devBearer(firstDir, "panel", "306");
			const children = (await (
				await fetch(`${base}/children?limit=100`, { headers: panel })
			).json()) as { items: { id: string }[] };
			const created = await fetch(`${base}/matching-runs`, {
				method: "POST",
				headers: { ...admin, "content-type": "application/json" },
				body: "{}",
			});
			expect(created.status).toBe(202);
			const run = (await created.json()) as RunBody;
			// The solve is under way in its thread: a poller sees the progress move past 30.
			const seen: number[] = [];
			const until = Date.now() + 300_000;
			while (!seen.some((p) => p >= 35) && Date.now() < until) {
				const body = (await (
					await fetch(`${base}/matching-runs/${run.id}`, { headers: admin })
				).json()) as RunBody;
				expect(body.status).not.toBe("done");
				if (seen.at(-1) !== body.progress) seen.push(body.progress);
				await new Promise((r) => setTimeout(r, 20));
			}
			// Caught solving (35 … 85): a 15,000-child round takes seconds, longer than the 1 s grace.
			expect(seen.at(-1)).toBeGreaterThanOrEqual(35);
			expect(seen.at(-1)).toBeLessThanOrEqual(85);

			const agent = new Agent({ keepAlive: true, maxSockets: 20 });
			// Every connection opened just before (idle ones close after 5 s), so the requests below
			// are certainly accepted.
			const warm = await Promise.all(
				Array.from({ length: 20 }, () => get(agent, ports[0] as number, "/health", {})),
			);
			expect(warm.map((a) => a.status)).toEqual(warm.map(() => 200));

			const paths = Array.from({ length: 20 }, (_, i) =>
				i % 4 === 3
					? "/health"
					: `/children/${children.items[i % children.items.length]?.id}/options`,
			);
			const answers = Promise.all(
				paths.map((path) => get(agent, ports[0] as number, path, path === "/health" ? {} : panel)),
			);
			// Long enough for the server to have read them all (accepted), not to have answered them.
			await new Promise((r) => setTimeout(r, 150));
			first.child.kill("SIGTERM");
			const got = await answers;
			expect(got.filter((a) => a.status !== 200).map((a) => a.body)).toEqual([]);
			for (const a of got) expect(() => JSON.parse(a.body)).not.toThrow();
			expect(await first.exited).toBe(0);
			agent.destroy();
			expect(first.stdout()).toMatch(
				// The run's solve is the background task left unfinished: its job goes back to the queue.
				/Stopped on SIGTERM in \d+ ms: \d+ requests answered while stopping,[^;]* 1 claimed jobs handed back to the queue; database closed/,
			);

			const second = startServer(env(ports[onPostgres ? 1 : 0] as number));
			servers.push(second);
			await waitForOutput(second, "listening on", 600_000);
			const secondBase = `http://127.0.0.1:${ports[onPostgres ? 1 : 0]}`;
			const secondAdmin = await devBearer(
				env(ports[onPostgres ? 1 : 0] as number).DATA_DIR,
				"admin",
			);
			let ended: RunBody | undefined;
			const deadline = Date.now() + 300_000;
			while (!ended && Date.now() < deadline) {
				const body = (await (
					await fetch(`${secondBase}/matching-runs/${run.id}`, { headers: secondAdmin })
				).json()) as RunBody;
				if (body.status === "done" || body.status === "failed") ended = body;
				else await new Promise((r) => setTimeout(r, 250));
			}
			expect(ended?.status).toBe("done");
			second.child.kill("SIGTERM");
			expect(await second.exited).toBe(0);

			const database: Database = onPostgres
				? openPostgres(db.env.DATABASE_URL as string, { max: 1 })
				: await openPglite(dir);
			try {
				const [job] = await database.db.select().from(jobs).where(eq(jobs.subjectId, run.id));
				// Handed back, not crashed: the interrupted attempt does not count against the run.
				expect(job?.status).toBe("done");
				expect(job?.attempts).toBe(1);
				const [n] = await database.db
					.select({ n: count() })
					.from(proposals)
					.where(eq(proposals.runId, run.id));
				expect(n?.n).toBe(run.children);
			} finally {
				await database.close();
			}
		} finally {
			for (const server of servers)
				if (server.child.exitCode === null) server.child.kill("SIGKILL");
		}
	}, 1_500_000);
});

/**
 * npm run bench:api [-- --postgres URL --children 15000 --duration 60 --borough 306 --json]
 *
 * The API under load, from a second process on loopback: starts the server (`src/node.ts`, what
 * `npm start` runs) on PGlite in a fresh DATA_DIR, or with `--postgres` on that PostgreSQL
 * database (emptied first), with the London demo and `--children` demo children, then drives it
 * with autocannon:
 *  1. `GET /children/{id}/options` at 50 connections for `--duration` seconds, each request for
 *     another of one borough's children (a panel token of `--borough`), the server's RSS
 *     sampled every second (start, end, max);
 *  2. `GET /sufficiency` (a commissioner) at 10 connections for 20 s;
 *  3. `/health`, one request at a time, while an admin matching run over every child solves,
 *     with the run's progress as a poller sees it.
 * Each phase has a 5 s warm-up that is not counted. Prints a table (or `--json`); exits 1 on any
 * error or non-2xx answer. Not a test: a shared machine's figures vary, so state its load.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import { sql } from "drizzle-orm";
import { openPostgres } from "../../src/db/postgres.js";
import { devBearer, freePort, startServer, waitForOutput } from "../support/server-process.js";

const args = process.argv.slice(2);
const option = (name: string) => {
	const at = args.indexOf(name);
	return at >= 0 ? args[at + 1] : undefined;
};
const postgresUrl = option("--postgres");
const childCount = Number(option("--children") ?? 15_000);
const duration = Number(option("--duration") ?? 60);
const borough = option("--borough") ?? "306";
const asJson = args.includes("--json");

const quantile = (sorted: number[], q: number) =>
	sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0;
const round = (n: number) => Math.round(n * 10) / 10;

function latencies(times: number[]) {
	const sorted = [...times].sort((a, b) => a - b);
	return {
		requests: sorted.length,
		p50: round(quantile(sorted, 0.5)),
		p95: round(quantile(sorted, 0.95)),
		p99: round(quantile(sorted, 0.99)),
		max: round(sorted.at(-1) ?? 0),
	};
}

function rssMb(pid: number): number {
	const status = readFileSync(`/proc/${pid}/status`, "utf8");
	const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
	return Math.round(kb / 1024);
}

interface Load {
	path: string | (() => string);
	headers: Record<string, string>;
	connections: number;
	seconds: number;
}

/** One autocannon run; every response's time is kept, so the quantiles are exact. */
async function drive(base: string, load: Load) {
	const times: number[] = [];
	const paths = typeof load.path === "string" ? () => load.path as string : load.path;
	const result = await new Promise<autocannon.Result>((resolve, reject) => {
		const instance = autocannon(
			{
				url: base,
				connections: load.connections,
				duration: load.seconds,
				headers: load.headers,
				requests: [{ setupRequest: (req) => ({ ...req, path: paths() }) }],
			},
			(error, result) => (error ? reject(error) : resolve(result)),
		);
		instance.on("response", (_client, _status, _bytes, responseTime) => times.push(responseTime));
	});
	return {
		connections: load.connections,
		seconds: load.seconds,
		requestsPerSecond: Math.round(result.requests.total / load.seconds),
		...latencies(times),
		errors: result.errors,
		timeouts: result.timeouts,
		non2xx: result.non2xx,
	};
}

async function emptyPostgres(url: string) {
	const admin = openPostgres(url, { max: 1 });
	try {
		await admin.db.execute(
			sql.raw(
				"drop schema if exists drizzle cascade; drop schema if exists public cascade; create schema public",
			),
		);
	} finally {
		await admin.close();
	}
}

async function json<T>(res: Response): Promise<T> {
	if (!res.ok) throw new Error(`${res.url}: ${res.status} ${await res.text()}`);
	return (await res.json()) as T;
}

/** /health one request at a time while an admin run over every child is solved and stored. */
async function healthDuringRun(base: string, admin: Record<string, string>) {
	const run = await json<{ id: string; children: number }>(
		await fetch(`${base}/matching-runs`, {
			method: "POST",
			headers: { ...admin, "content-type": "application/json" },
			body: "{}",
		}),
	);
	const started = performance.now();
	const times: number[] = [];
	let errors = 0;
	let status = "queued";
	const progress: number[] = [];
	let pollErrors = 0;
	const watch = (async () => {
		while (status !== "done" && status !== "failed") {
			try {
				const body = await json<{ status: string; progress: number }>(
					await fetch(`${base}/matching-runs/${run.id}`, { headers: admin }),
				);
				status = body.status;
				if (progress.at(-1) !== body.progress) progress.push(body.progress);
			} catch (error) {
				if (++pollErrors > 20) throw error;
			}
			await new Promise((r) => setTimeout(r, 250));
		}
	})();
	while (status !== "done" && status !== "failed" && pollErrors <= 20) {
		const t0 = performance.now();
		try {
			const res = await fetch(`${base}/health`);
			await res.arrayBuffer();
			if (res.status === 200) times.push(performance.now() - t0);
			else errors++;
		} catch {
			errors++;
		}
		await new Promise((r) => setTimeout(r, 20));
	}
	await watch;
	return {
		runChildren: run.children,
		runStatus: status,
		runSeconds: round((performance.now() - started) / 1000),
		progressSeen: progress,
		...latencies(times),
		errors: errors + pollErrors,
	};
}

async function main() {
	const dir = mkdtempSync(join(tmpdir(), "send-bench-api-"));
	if (postgresUrl) await emptyPostgres(postgresUrl);
	const port = await freePort();
	const base = `http://127.0.0.1:${port}`;
	const loadStarted = Date.now();
	const server = startServer({
		DATA_DIR: dir,
		PORT: String(port),
		LOAD_DEMO: "true",
		DEMO_CHILDREN: String(childCount),
		...(postgresUrl ? { DATABASE_URL: postgresUrl } : {}),
	});
	try {
		await waitForOutput(server, "listening on", 900_000);
		const loadSeconds = round((Date.now() - loadStarted) / 1000);
		const panel = await devBearer(dir, "panel", borough);
		const commissioner = await devBearer(dir, "commissioner");
		const admin = await devBearer(dir, "admin");
		const page = await json<{ items: { id: string }[] }>(
			await fetch(`${base}/children?limit=500`, { headers: panel }),
		);
		const ids = page.items.map((c) => c.id);
		if (ids.length === 0) throw new Error(`borough ${borough} has no children`);
		let next = 0;
		const optionsPath = () => `/children/${ids[next++ % ids.length]}/options`;
		const options: Load = { path: optionsPath, headers: panel, connections: 50, seconds: duration };
		const sufficiency: Load = {
			path: "/sufficiency",
			headers: commissioner,
			connections: 10,
			seconds: 20,
		};
		const pid = server.child.pid as number;

		await drive(base, { ...options, seconds: 5 });
		const rss: number[] = [rssMb(pid)];
		const sampler = setInterval(() => rss.push(rssMb(pid)), 1000);
		const optionsResult = await drive(base, options);
		clearInterval(sampler);
		rss.push(rssMb(pid));
		await drive(base, { ...sufficiency, seconds: 5 });
		const sufficiencyResult = await drive(base, sufficiency);
		const health = await healthDuringRun(base, admin);

		const report = {
			store: postgresUrl ? "postgres" : "pglite",
			machine: {
				cores: cpus().length,
				memoryGiB: Math.round(totalmem() / 2 ** 30),
				loadAverage: loadavg().map((l) => Math.round(l * 100) / 100),
			},
			children: childCount,
			borough,
			boroughChildren: ids.length,
			loadSeconds,
			options: optionsResult,
			sufficiency: sufficiencyResult,
			healthDuringRun: health,
			rssMb: { start: rss[0], end: rss.at(-1), max: Math.max(...rss), samples: rss.length },
		};
		const failed =
			[optionsResult, sufficiencyResult].some((r) => r.errors + r.timeouts + r.non2xx > 0) ||
			health.errors > 0 ||
			health.runStatus !== "done";
		if (asJson) console.log(JSON.stringify(report, null, 2));
		else print(report);
		process.exitCode = failed ? 1 : 0;
	} catch (error) {
		console.error(`server stderr:\n${server.stderr().slice(-4000)}`);
		throw error;
	} finally {
		server.child.kill("SIGTERM");
		await server.exited;
		rmSync(dir, { recursive: true, force: true });
	}
}

function print(r: {
	store: string;
	machine: { cores: number; memoryGiB: number; loadAverage: number[] };
	children: number;
	borough: string;
	boroughChildren: number;
	loadSeconds: number;
	options: Awaited<ReturnType<typeof drive>>;
	sufficiency: Awaited<ReturnType<typeof drive>>;
	healthDuringRun: Awaited<ReturnType<typeof healthDuringRun>>;
	rssMb: { start?: number; end?: number; max: number };
}) {
	console.log(
		`bench:api on ${r.store}, ${r.children} demo children (loaded in ${r.loadSeconds} s), ${r.machine.cores} cores, ${r.machine.memoryGiB} GiB, load ${r.machine.loadAverage.join(" ")}`,
	);
	const rows = [
		["GET /children/{id}/options", r.options],
		["GET /sufficiency", r.sufficiency],
	] as const;
	console.log("route                        conns  req/s    p50    p95    p99    max  errors");
	for (const [name, x] of rows)
		console.log(
			`${name.padEnd(28)} ${String(x.connections).padStart(5)} ${String(x.requestsPerSecond).padStart(6)} ${[x.p50, x.p95, x.p99, x.max].map((v) => String(v).padStart(6)).join(" ")}  ${x.errors + x.timeouts + x.non2xx}`,
		);
	const h = r.healthDuringRun;
	console.log(
		`/health during a ${h.runChildren}-child run (${h.runSeconds} s, ${h.runStatus}): ${h.requests} requests, p50 ${h.p50} p95 ${h.p95} p99 ${h.p99} max ${h.max} ms, ${h.errors} errors; progress seen ${h.progressSeen.join(" → ")}`,
	);
	console.log(
		`server RSS over the options run (${r.borough}: ${r.boroughChildren} children): start ${r.rssMb.start} MB, end ${r.rssMb.end} MB, max ${r.rssMb.max} MB`,
	);
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? (error.stack ?? error.message) : error);
	process.exit(1);
});

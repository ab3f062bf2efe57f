import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { Agent, request } from "node:http";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import {
	devBearer,
	freePort,
	type ServerProcess,
	serverDatabase,
	startServer,
	waitForOutput,
} from "../support/server-process.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const dirs: string[] = [];
const databases: (() => Promise<void>)[] = [];
afterAll(async () => {
	for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
	for (const drop of databases) await drop();
});
function dataDir(): string {
	const dir = mkdtempSync(join(tmpdir(), "send-stop-"));
	dirs.push(dir);
	return dir;
}
function database(): Record<string, string> {
	const { env, drop } = serverDatabase();
	databases.push(drop);
	return env;
}

/** Resolves true when something listens on the port, false when the connection is refused. */
function listening(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const socket = connect(port, "127.0.0.1");
		socket.once("connect", () => {
			socket.destroy();
			resolve(true);
		});
		socket.once("error", () => resolve(false));
	});
}

interface Answer {
	status: number;
	body: string;
	headers: Record<string, string | string[] | undefined>;
	at: number;
}

function get(
	agent: Agent,
	port: number,
	path: string,
	headers: Record<string, string> = {},
	body?: string,
): Promise<Answer> {
	return new Promise((resolve, reject) => {
		const req = request(
			{ agent, host: "127.0.0.1", port, path, method: body ? "PUT" : "GET", headers },
			(res) => {
				let text = "";
				res.setEncoding("utf8");
				res.on("data", (d) => {
					text += d;
				});
				res.on("end", () =>
					resolve({
						status: res.statusCode ?? 0,
						body: text,
						headers: res.headers,
						at: Date.now(),
					}),
				);
			},
		);
		req.on("error", reject);
		req.end(body);
	});
}

describe("stopping the service", () => {
	it("kill -TERM of the npm start process stops the server: one line, the port freed", async () => {
		const port = await freePort();
		const dir = dataDir();
		const npm = spawn("npm", ["start"], {
			cwd: ROOT,
			env: {
				...process.env,
				HOST: "127.0.0.1",
				LOAD_DEMO: "false",
				DATA_DIR: dir,
				PORT: String(port),
				MAX_BODY_BYTES: "2048",
				...database(),
			},
			stdio: ["ignore", "pipe", "pipe"],
		});
		let out = "";
		npm.stdout.on("data", (d) => {
			out += d;
		});
		const exited = new Promise((resolve) => npm.on("exit", resolve));
		const server = {
			child: npm,
			stdout: () => out,
			stderr: () => "",
			exited,
		} as unknown as ServerProcess;
		await waitForOutput(server, "listening on", 150_000);

		// A 413 closes the connection and says so.
		const agent = new Agent({ keepAlive: true, maxSockets: 1 });
		const big = await get(
			agent,
			port,
			"/settings/990001",
			{ "content-type": "application/json" },
			"x".repeat(4096),
		);
		expect(big.status).toBe(413);
		expect(big.headers.connection).toBe("close");
		expect(big.headers["x-content-type-options"]).toBe("nosniff");
		agent.destroy();

		expect(npm.kill("SIGTERM")).toBe(true);
		await exited;
		const deadline = Date.now() + 10_000;
		while ((await listening(port)) && Date.now() < deadline)
			await new Promise((r) => setTimeout(r, 100));
		expect(await listening(port)).toBe(false);
		const stops = out.split("\n").filter((l) => l.startsWith("Stopped on"));
		expect(stops).toEqual([
			expect.stringMatching(
				/^Stopped on SIGTERM in \d+ ms: 0 requests answered while stopping; database closed$/,
			),
		]);
		// The lock on DATA_DIR went with it: the folder opens again at once.
		const again = startServer({ DATA_DIR: dir, PORT: String(port), ...database() });
		await waitForOutput(again, "listening on", 150_000);
		again.child.kill("SIGINT");
		expect(await again.exited).toBe(0);
		expect(again.stdout()).toMatch(/Stopped on SIGINT in \d+ ms/);
	}, 360_000);

	it("SIGTERM under load: every request already sent is answered in full, then the server exits 0", async () => {
		const port = await freePort();
		const dir = dataDir();
		const server = startServer({
			DATA_DIR: dir,
			PORT: String(port),
			LOAD_DEMO: "true",
			DEMO_CHILDREN: "300",
			...database(),
		});
		await waitForOutput(server, "listening on", 240_000);
		const commissioner = await devBearer(dir, "commissioner");
		const panel = await devBearer(dir, "panel", "314");
		const agent = new Agent({ keepAlive: true, maxSockets: 24 });
		// Open every connection first: these requests are certainly accepted by the server.
		const warm = await Promise.all(Array.from({ length: 24 }, () => get(agent, port, "/health")));
		expect(warm.every((a) => a.status === 200)).toBe(true);

		const paths = Array.from({ length: 24 }, (_, i) =>
			i % 2 === 0
				? (["/sufficiency?groupBy=need,area", commissioner] as const)
				: i % 4 === 1
					? (["/children?limit=100", panel] as const)
					: (["/settings?limit=200", {}] as const),
		);
		const answers = Promise.all(paths.map(([path, headers]) => get(agent, port, path, headers)));
		await new Promise((r) => setTimeout(r, 50));
		server.child.kill("SIGTERM");
		const got = await answers;
		expect(got.map((a) => a.status)).toEqual(paths.map(() => 200));
		for (const a of got) expect(() => JSON.parse(a.body)).not.toThrow();
		expect(await server.exited).toBe(0);
		const line = server
			.stdout()
			.split("\n")
			.find((l) => l.startsWith("Stopped on SIGTERM"));
		expect(line).toMatch(
			/^Stopped on SIGTERM in \d+ ms: \d+ requests answered while stopping; database closed$/,
		);
		// Each answer given while stopping told its client not to reuse the connection. (On PGlite,
		// whose queries run on the event loop, the signal may only be heard once the queue drains.)
		const answered = Number(/(\d+) requests answered while stopping/.exec(line ?? "")?.[1]);
		expect(got.filter((a) => a.headers.connection === "close")).toHaveLength(answered);
		// On PostgreSQL the queries wait on sockets, so the signal comes while requests are in flight.
		if (process.env.TEST_DATABASE_URL) expect(answered).toBeGreaterThan(0);
		expect(await listening(port)).toBe(false);
		agent.destroy();
	}, 360_000);
});

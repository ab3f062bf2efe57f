import { type ChildProcess, spawn } from "node:child_process";
import { type AddressInfo, createServer } from "node:net";
import { fileURLToPath } from "node:url";

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
export async function waitForOutput(server: ServerProcess, text: string, ms = 60_000) {
	const deadline = Date.now() + ms;
	while (!server.stdout().includes(text)) {
		if (server.child.exitCode !== null)
			throw new Error(`exited ${server.child.exitCode}: ${server.stderr()}`);
		if (Date.now() > deadline) throw new Error(`no "${text}" within ${ms} ms: ${server.stderr()}`);
		await new Promise((r) => setTimeout(r, 100));
	}
}

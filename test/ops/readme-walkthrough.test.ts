import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { freePort, startServer, waitForOutput } from "../support/server-process.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const run = promisify(execFile);

/**
 * The README's shell blocks that talk to a running server, in the README's order: exactly what a
 * new user pastes into a second terminal while `npm start` serves.
 */
function readmeServerBlocks(readme: string): string[] {
	const blocks = [...readme.matchAll(/^```sh\n([\s\S]*?)^```/gm)].map((m) => m[1] ?? "");
	return blocks.filter((b) => b.includes("localhost:8787") && !/\bnpm start\b/.test(b));
}

const work = mkdtempSync(join(tmpdir(), "send-readme-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("the README's walkthrough, pasted in order against npm start", () => {
	it("finds the publisher's, the panel's and the commissioner's blocks", () => {
		const blocks = readmeServerBlocks(readFileSync(join(ROOT, "README.md"), "utf8"));
		const text = blocks.join("\n");
		for (const step of ["/vacancies", "/children", "/matching-runs", "/placements", "/sufficiency"])
			expect(text).toContain(`localhost:8787${step}`);
	});

	it("runs every command with no id typed by hand, each answer a success", async () => {
		const dataDir = join(work, "data");
		const port = await freePort();
		const server = startServer({ DATA_DIR: dataDir, PORT: String(port), LOAD_DEMO: "true" });
		try {
			await waitForOutput(server, "listening on", 240_000);
			const blocks = readmeServerBlocks(readFileSync(join(ROOT, "README.md"), "utf8"));
			// Every curl fails on an HTTP error (and shows its body); every id the README extracts
			// with jq must be a real one, so a "null" fails the next request.
			const script = [
				"set -euo pipefail",
				// On an HTTP error the body goes to stderr too: inside $(…) stdout is captured.
				`curl() { local out; if ! out=$(command curl --fail-with-body --silent --show-error "$@"); then printf '%s\n' "$out" >&2; return 22; fi; printf '%s\n' "$out"; }`,
				`npm() { command npm --prefix ${JSON.stringify(ROOT)} "$@"; }`,
				...blocks.map((b) => b.replaceAll("localhost:8787", `127.0.0.1:${port}`)),
				`echo "RUN=$RUN CHILD=$CHILD CONSULTATION=$CONSULTATION URN=$URN"`,
			].join("\n");
			const { stdout } = await run("bash", ["-c", script], {
				cwd: work,
				env: { ...process.env, DATA_DIR: dataDir },
				maxBuffer: 64 * 1024 * 1024,
				timeout: 240_000,
			}).catch((error: { stdout?: string; stderr?: string }) => {
				// Say which step failed and what the service answered, not only the script.
				throw new Error(`${error.stderr}\n--- the last answers:\n${error.stdout?.slice(-3000)}`);
			});
			const ids = /RUN=(\S+) CHILD=(\S+) CONSULTATION=(\S+) URN=(\d+)$/m.exec(stdout);
			expect(ids, stdout.slice(-2000)).not.toBeNull();
			for (const id of ids?.slice(1, 4) ?? []) expect(id).toMatch(/^[0-9a-f-]{36}$/);
			// The confirmed placement took the consulted place.
			expect(stdout).toContain(`"consultationId":"${ids?.[3]}"`);
			expect(readFileSync(join(work, "sufficiency.csv"), "utf8").split("\n")[0]).toMatch(/need/);
		} finally {
			server.child.kill("SIGTERM");
			await server.exited;
		}
	}, 600_000);
});

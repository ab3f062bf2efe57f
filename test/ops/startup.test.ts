import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freePort, startServer, waitForOutput } from "../support/server-process.js";

const dataDir = mkdtempSync(join(tmpdir(), "send-startup-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe("npm start on one DATA_DIR", () => {
	it("a second server refuses with one line naming the running one, and the first keeps serving", async () => {
		const first = startServer({ DATA_DIR: dataDir, PORT: String(await freePort()) });
		try {
			await waitForOutput(first, "listening on");
			const second = startServer({ DATA_DIR: dataDir, PORT: String(await freePort()) });
			expect(await second.exited).toBe(1);
			const lines = second.stderr().trim().split("\n");
			expect(lines).toHaveLength(1);
			expect(lines[0]).toMatch(
				new RegExp(`^Cannot start: .+ is in use by npm start \\(pid ${first.child.pid}, since `),
			);
			expect(first.child.exitCode).toBeNull();
		} finally {
			first.child.kill("SIGTERM");
			await first.exited;
		}
		// Stopped cleanly, the folder opens again.
		const third = startServer({ DATA_DIR: dataDir, PORT: String(await freePort()) });
		await waitForOutput(third, "listening on");
		third.child.kill("SIGTERM");
		await third.exited;
	}, 600_000);
});

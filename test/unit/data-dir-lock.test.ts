import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DataDirLockedError, LOCK_FILE, lockDataDir } from "../../src/db/data-dir-lock.js";

const dirs: string[] = [];
function tempDir(): string {
	const dir = mkdtempSync(join(tmpdir(), "send-lock-"));
	dirs.push(dir);
	return dir;
}
afterEach(() => {
	for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A pid that ran and has ended. */
function deadPid(): number {
	const child = spawnSync(process.execPath, ["-e", "console.log(process.pid)"], {
		encoding: "utf8",
	});
	return Number(child.stdout.trim());
}

describe("the data folder's lock", () => {
	it("refuses a second opener, naming the holder, until the first releases it", () => {
		const dir = tempDir();
		const first = lockDataDir(dir, "npm start");
		const lockPath = join(dir, LOCK_FILE);
		expect(JSON.parse(readFileSync(lockPath, "utf8"))).toMatchObject({ pid: process.pid });
		expect(() => lockDataDir(dir, "npm run seed")).toThrow(DataDirLockedError);
		first.release();
		expect(existsSync(lockPath)).toBe(false);
		lockDataDir(dir, "npm run seed").release();
	});

	it("names the running process that holds it", () => {
		const dir = tempDir();
		// The test runner's parent process stands in for another running server.
		const holder = {
			pid: process.ppid,
			host: hostname(),
			command: "npm start",
			startedAt: "2026-12-01T10:00:00Z",
		};
		writeFileSync(join(dir, LOCK_FILE), JSON.stringify(holder));
		expect(() => lockDataDir(dir, "npm start")).toThrow(
			`${dir} is in use by npm start (pid ${process.ppid}, since 2026-12-01T10:00:00Z)`,
		);
		expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), "utf8")).pid).toBe(process.ppid);
	});

	it("takes over a lock left by a process that was killed", () => {
		const dir = tempDir();
		const pid = deadPid();
		writeFileSync(
			join(dir, LOCK_FILE),
			JSON.stringify({ pid, host: hostname(), command: "npm start", startedAt: "x" }),
		);
		const lock = lockDataDir(dir, "npm start");
		expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), "utf8")).pid).toBe(process.pid);
		lock.release();
	});

	it("takes over a lock file that is empty or torn", () => {
		const dir = tempDir();
		writeFileSync(join(dir, LOCK_FILE), "{");
		lockDataDir(dir, "npm start").release();
	});
});

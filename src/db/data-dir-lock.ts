import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";

/**
 * PGlite is a single writer: two processes on one data folder diverge and one loses its writes.
 * An exclusive lock file in the folder refuses a second opener; a lock left by a process that no
 * longer runs (killed with -9) is taken over.
 */
export const LOCK_FILE = "brokerage.lock";

export class DataDirLockedError extends Error {}

interface LockOwner {
	pid: number;
	host: string;
	command: string;
	startedAt: string;
}

function isRunning(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		// EPERM: it runs, as another user.
		return (error as NodeJS.ErrnoException).code === "EPERM";
	}
}

function readOwner(path: string): LockOwner | undefined {
	try {
		return JSON.parse(readFileSync(path, "utf8")) as LockOwner;
	} catch {
		return undefined;
	}
}

/** Takes the folder's lock for this process, or throws naming the process that holds it. */
export function lockDataDir(dir: string, command: string): { release: () => void } {
	const path = join(dir, LOCK_FILE);
	const owner: LockOwner = {
		pid: process.pid,
		host: hostname(),
		command,
		startedAt: new Date().toISOString(),
	};
	for (let attempt = 0; attempt < 2; attempt++) {
		try {
			const fd = openSync(path, "wx", 0o600);
			writeSync(fd, `${JSON.stringify(owner)}\n`);
			closeSync(fd);
			let held = true;
			const release = () => {
				if (!held) return;
				held = false;
				if (readOwner(path)?.pid === process.pid) unlinkSync(path);
			};
			process.once("exit", release);
			return { release };
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
			const holder = readOwner(path);
			const live = holder && holder.host === owner.host && isRunning(holder.pid);
			if (live && holder.pid !== process.pid) {
				throw new DataDirLockedError(
					`${dir} is in use by ${holder.command} (pid ${holder.pid}, since ${holder.startedAt}); stop it first, or set DATA_DIR to another folder`,
				);
			}
			if (live) throw new DataDirLockedError(`${dir} is already open in this process`);
			// Stale: its process is gone. Take it over.
			unlinkSync(path);
		}
	}
	throw new DataDirLockedError(`could not take the lock ${path}`);
}

/**
 * The bench's native anchor: LEMON's NetworkSimplex (C++, Debian package liblemon-dev) on the
 * very network our simplex solves, written as a DIMACS min-cost flow file. test/bench/native/
 * lemon-mcf.cpp is ours; it is compiled here, once per version of its source, when g++ and
 * LEMON's headers are present. Without them the bench says why it skipped the anchor.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export type Native = { binary: string } | { skipped: string };

const SOURCE = fileURLToPath(new URL("./native/lemon-mcf.cpp", import.meta.url));

export function prepareLemon(): Native {
	const gxx = spawnSync("g++", ["--version"], { encoding: "utf8" });
	if (gxx.error || gxx.status !== 0) return { skipped: "no g++ on this machine" };
	const hash = createHash("sha256").update(readFileSync(SOURCE)).digest("hex").slice(0, 12);
	const binary = join(tmpdir(), `send-bench-lemon-mcf-${hash}`);
	if (existsSync(binary)) return { binary };
	const build = spawnSync("g++", ["-O2", "-std=c++17", "-o", binary, SOURCE], { encoding: "utf8" });
	if (build.status === 0) return { binary };
	const missing = /lemon\/[a-z_]+\.h: No such file/.test(build.stderr);
	return {
		skipped: missing
			? "LEMON's headers are not installed (apt-get install -y liblemon-dev)"
			: `g++ could not compile ${SOURCE}: ${build.stderr.trim().split("\n").slice(-2).join(" ")}`,
	};
}

export interface LemonRow {
	spec: string;
	job: "lemon";
	status: string;
	objective: number;
	certified: boolean;
	nodes: number;
	arcs: number;
	readMs: number;
	solveMs: number;
	cpuMs: number;
	peakRssMb: number;
	solveMsRuns?: number[];
	solveMsMin?: number;
	error?: string;
}

/** One LEMON run on a DIMACS file, in its own process. */
export function runLemon(binary: string, spec: string, file: string): LemonRow {
	const run = spawnSync(binary, [file], { encoding: "utf8", maxBuffer: 1 << 20 });
	const line = run.stdout.trim().split("\n").at(-1) ?? "";
	if (run.status !== 0 || !line.startsWith("{")) {
		return { spec, job: "lemon", error: (run.stderr || "no output").trim() } as LemonRow;
	}
	const row = JSON.parse(line) as Omit<LemonRow, "spec" | "job" | "certified">;
	return { spec, job: "lemon", ...row, certified: row.status === "optimal" };
}

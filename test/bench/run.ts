/**
 * npm run bench [-- --sizes 500x300,15000x1500 | --instance round.json] [--json] [--seed N]
 *                [--no-lp] [--no-highs] [--no-lemon] [--repeat N]
 *
 * For each size, every measurement runs in its own process, so each peak RSS is its own (the
 * worker is bundled to plain JavaScript first, so no TypeScript loader counts in it):
 * the two exact graph engines, network (successive shortest paths) and simplex (candidates,
 * solve, certificate, duals: the headline times and memory; run `--repeat` times each,
 * default 3, alternating network, simplex, network, … so that a busy spell on a shared
 * machine hits both, reporting the median solve, every run's time in `solveMsRuns`, the
 * minimum, and the largest peak RSS),
 * HiGHS on the whole LP (load and first-call compilation reported apart), javascript-lp-solver
 * where its dense tableau fits (≤ 2,000 × 800), warm re-solves of the simplex after one
 * provision's capacity changes (`warm`: one more place and back, at 21 provisions; target at
 * 15,000 × 1,500: median ≤ 20 ms), the full explained allocation, and the greedy
 * nearest-place baseline. `engines` lists the engines that ran; `enginesAgree` is true only
 * when at least two ran, each certified optimal, on the same objective. `speed` compares the
 * simplex with HiGHS and, when g++ and LEMON's headers are installed (`--no-lemon` skips it),
 * with LEMON's NetworkSimplex, the native state of the art, on the same network written as a
 * DIMACS file and timed in the same alternation (network, simplex, LEMON, network, …).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { bundleWorker } from "./bundle";
import { DEFAULT_SIZES } from "./instances";
import { type LemonRow, type Native, prepareLemon, runLemon } from "./native";
import { type EngineRow, printEntry, type Row, vsGreedy } from "./report";
import type { Job } from "./worker";

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const value = (name: string) => {
	const at = args.indexOf(name);
	return at >= 0 ? args[at + 1] : undefined;
};
const seed = Number(value("--seed") ?? 20250101);
const instance = value("--instance");
const sizes = instance ? [instance] : (value("--sizes")?.split(",") ?? DEFAULT_SIZES);
const LP_LIMIT = 2_000 * 800;
const repeat = Math.max(1, Number(value("--repeat") ?? 3));

/** The targets (2-core machine): an engine's solve time, its peak memory, its lead on HiGHS and LEMON. */
const TARGETS: Record<
	string,
	{
		engine: "network" | "simplex";
		solveMs: number;
		peakRssMb?: number;
		timesFasterThanHighs?: number;
		/** At most this many times LEMON's NetworkSimplex time in the same run. */
		timesLemon?: number;
	}
> = {
	"15000x1500": {
		engine: "simplex",
		solveMs: 600,
		peakRssMb: 200,
		timesFasterThanHighs: 10,
		timesLemon: 1.5,
	},
	"500x2000": { engine: "network", solveMs: 100 },
};
const EXACT = ["network", "simplex"] as const;
const lemon: Native = flag("--no-lemon") ? { skipped: "--no-lemon" } : prepareLemon();

const worker = await bundleWorker();

function runWorker(spec: string, job: Job, out?: string): Row {
	const child = spawnSync(
		process.execPath,
		["--max-old-space-size=16000", worker, JSON.stringify({ spec, seed, job, out })],
		{ encoding: "utf8", maxBuffer: 1 << 26 },
	);
	const line = child.stdout.trim().split("\n").at(-1) ?? "";
	if (child.status !== 0 || !line.startsWith("{")) {
		const error = (child.stderr || "no output").trim().split("\n").slice(-3).join(" ");
		return { spec, job, error } as Row;
	}
	return JSON.parse(line) as Row;
}

type ExactRows = Record<(typeof EXACT)[number], EngineRow> & {
	lemon: LemonRow | { skipped: string };
};

/**
 * The exact engines (and LEMON when available) `repeat` times each, alternating: per engine its
 * median-time run, with every time, the minimum and the largest peak.
 */
function runExact(spec: string): ExactRows {
	const runs = { network: [] as EngineRow[], simplex: [] as EngineRow[], lemon: [] as LemonRow[] };
	let dimacs: string | null = null;
	if ("binary" in lemon) {
		dimacs = join(
			mkdtempSync(join(tmpdir(), "send-bench-")),
			`${spec.replace(/\W+/g, "-")}.dimacs`,
		);
		const written = runWorker(spec, "dimacs", dimacs);
		if (written.error) dimacs = null;
	}
	for (let k = 0; k < repeat; k++) {
		for (const job of EXACT) runs[job].push(runWorker(spec, job) as EngineRow);
		if (dimacs && "binary" in lemon) runs.lemon.push(runLemon(lemon.binary, spec, dimacs));
	}
	if (dimacs) rmSync(dirname(dimacs), { recursive: true, force: true });
	const summarise = <T extends EngineRow | LemonRow>(rows: T[]): T => {
		const failed = rows.find((row) => row.error);
		if (failed) return failed;
		const byTime = [...rows].sort((a, b) => a.solveMs - b.solveMs);
		const median = byTime[(byTime.length - 1) >> 1] as T;
		return {
			...median,
			solveMsRuns: rows.map((row) => row.solveMs),
			solveMsMin: (byTime[0] as T).solveMs,
			peakRssMb: Math.max(...rows.map((row) => row.peakRssMb)),
		};
	};
	return {
		network: summarise(runs.network),
		simplex: summarise(runs.simplex),
		lemon:
			"skipped" in lemon
				? lemon
				: dimacs
					? summarise(runs.lemon)
					: { skipped: "the DIMACS file could not be written" },
	};
}

function lpFits(spec: string, network: EngineRow): boolean {
	const size = /^(\d+)x(\d+)$/.exec(spec);
	const area = size ? Number(size[1]) * Number(size[2]) : network.children * network.provisions;
	return area <= LP_LIMIT;
}

const ratio = (a: number, b: number) => Math.round((100 * a) / b) / 100;
const report: Record<string, unknown>[] = [];
for (const spec of sizes) {
	const { network, simplex, lemon: native } = runExact(spec);
	const entry: Record<string, unknown> = { size: spec, network, simplex, lemon: native };
	entry.highs = flag("--no-highs") ? { skipped: "--no-highs" } : runWorker(spec, "highs");
	if (flag("--no-lp")) entry.lp = { skipped: "--no-lp" };
	else if (network.error || lpFits(spec, network)) entry.lp = runWorker(spec, "lp");
	else
		entry.lp = { skipped: "above 2,000 × 800 javascript-lp-solver's dense tableau needs many GB" };
	const ran = (["network", "simplex", "lemon", "highs", "lp"] as const).filter((name) => {
		const row = entry[name] as EngineRow & { skipped?: string };
		return !row.skipped && !row.error;
	});
	const rows = ran.map((name) => entry[name] as EngineRow);
	entry.engines = ran;
	entry.enginesAgree =
		rows.length >= 2 && rows.every((row) => row.certified && row.objective === network.objective);
	entry.status =
		network.certified && simplex.certified && entry.enginesAgree ? "optimal" : "unconfirmed";
	const highsRow = entry.highs as EngineRow & { skipped?: string };
	const highsRan = !highsRow.skipped && !highsRow.error;
	const lemonRan = "solveMs" in native && !native.error;
	if (!simplex.error) {
		entry.speed = {
			...(highsRan
				? { simplexTimesFasterThanHighs: ratio(highsRow.solveMs, simplex.solveMs) }
				: {}),
			...(lemonRan
				? {
						simplexOverLemon: ratio(simplex.solveMs, native.solveMs),
						simplexOverLemonMin: ratio(
							simplex.solveMsMin ?? simplex.solveMs,
							native.solveMsMin ?? native.solveMs,
						),
						simplexOverLemonCpu: ratio(simplex.solveCpuMs ?? Number.NaN, native.cpuMs),
					}
				: {}),
		};
	}
	const target = TARGETS[spec];
	const row = target ? (entry[target.engine] as EngineRow) : undefined;
	if (target && row && !row.error) {
		const lead = highsRan ? highsRow.solveMs / row.solveMs : Number.NaN;
		const behindLemon =
			lemonRan && target.engine === "simplex" ? row.solveMs / native.solveMs : null;
		entry.targets = {
			...target,
			met:
				entry.status === "optimal" &&
				row.solveMs <= target.solveMs &&
				(target.peakRssMb === undefined || row.peakRssMb <= target.peakRssMb) &&
				(target.timesFasterThanHighs === undefined || lead >= target.timesFasterThanHighs) &&
				(target.timesLemon === undefined ||
					behindLemon === null ||
					behindLemon <= target.timesLemon),
			...(behindLemon === null ? { lemon: "not measured" } : {}),
		};
	}
	entry.warm = runWorker(spec, "warm");
	if (spec === "15000x1500" && !(entry.warm as Row).error) {
		const warm = entry.warm as Row & { onePlaceMore: { medianMs: number } };
		entry.warmTarget = { onePlaceMoreMedianMs: 20, met: warm.onePlaceMore.medianMs <= 20 };
	}
	entry.explained = runWorker(spec, "explained");
	entry.greedy = runWorker(spec, "greedy");
	const comparison = vsGreedy(network, entry.explained as Row, entry.greedy as Row);
	if (comparison) entry.vsGreedy = comparison;
	report.push(entry);
	if (!flag("--json")) printEntry(entry);
}
if (flag("--json")) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);

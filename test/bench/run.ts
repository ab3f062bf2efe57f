/**
 * npm run bench [-- --sizes 500x300,15000x1500 | --instance round.json] [--json] [--seed N]
 *                [--no-lp] [--no-highs] [--repeat N]
 *
 * For each size, every measurement runs in its own process, so each peak RSS is its own:
 * the network engine (candidates, solve, certificate, duals: the headline time and memory;
 * run `--repeat` times, default 3, reporting the median solve, every run's time in
 * `solveMsRuns` and the largest peak RSS, because on a shared machine one run can be far off),
 * HiGHS on the whole LP (load and first-call compilation reported apart), javascript-lp-solver
 * where its dense tableau fits (≤ 2,000 × 800), the full explained allocation, and the greedy
 * nearest-place baseline. `engines` lists the engines that ran; `enginesAgree` is true only
 * when at least two ran, each certified optimal, on the same objective.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { DEFAULT_SIZES } from "./instances";
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

/** The targets (2-core machine): solve time and the solve's peak memory. */
const TARGETS: Record<string, { solveMs: number; peakRssMb?: number }> = {
	"15000x1500": { solveMs: 1_500, peakRssMb: 400 },
	"500x2000": { solveMs: 100 },
};

function runWorker(spec: string, job: Job): Row {
	const worker = fileURLToPath(new URL("./worker.ts", import.meta.url));
	const child = spawnSync(
		process.execPath,
		["--max-old-space-size=16000", "--import", "tsx", worker, JSON.stringify({ spec, seed, job })],
		{ encoding: "utf8", maxBuffer: 1 << 26 },
	);
	const line = child.stdout.trim().split("\n").at(-1) ?? "";
	if (child.status !== 0 || !line.startsWith("{")) {
		const error = (child.stderr || "no output").trim().split("\n").slice(-3).join(" ");
		return { spec, job, error } as Row;
	}
	return JSON.parse(line) as Row;
}

/** The network job `repeat` times: the median-time run, with every time and the largest peak. */
function runNetwork(spec: string): EngineRow {
	const runs = Array.from({ length: repeat }, () => runWorker(spec, "network") as EngineRow);
	const failed = runs.find((row) => row.error);
	if (failed) return failed;
	const byTime = [...runs].sort((a, b) => a.solveMs - b.solveMs);
	const median = byTime[(byTime.length - 1) >> 1] as EngineRow;
	return {
		...median,
		solveMsRuns: runs.map((row) => row.solveMs),
		peakRssMb: Math.max(...runs.map((row) => row.peakRssMb)),
	};
}

function lpFits(spec: string, network: EngineRow): boolean {
	const size = /^(\d+)x(\d+)$/.exec(spec);
	const area = size ? Number(size[1]) * Number(size[2]) : network.children * network.provisions;
	return area <= LP_LIMIT;
}

const report: Record<string, unknown>[] = [];
for (const spec of sizes) {
	const network = runNetwork(spec);
	const entry: Record<string, unknown> = { size: spec, network };
	entry.highs = flag("--no-highs") ? { skipped: "--no-highs" } : runWorker(spec, "highs");
	if (flag("--no-lp")) entry.lp = { skipped: "--no-lp" };
	else if (network.error || lpFits(spec, network)) entry.lp = runWorker(spec, "lp");
	else
		entry.lp = { skipped: "above 2,000 × 800 javascript-lp-solver's dense tableau needs many GB" };
	const ran = (["network", "highs", "lp"] as const).filter((name) => {
		const row = entry[name] as EngineRow & { skipped?: string };
		return !row.skipped && !row.error;
	});
	const rows = ran.map((name) => entry[name] as EngineRow);
	entry.engines = ran;
	entry.enginesAgree =
		rows.length >= 2 && rows.every((row) => row.certified && row.objective === network.objective);
	entry.status = network.certified && entry.enginesAgree ? "optimal" : "unconfirmed";
	const target = TARGETS[spec];
	if (target && !network.error) {
		entry.targets = {
			...target,
			met:
				entry.status === "optimal" &&
				network.solveMs <= target.solveMs &&
				(target.peakRssMb === undefined || network.peakRssMb <= target.peakRssMb),
		};
	}
	entry.explained = runWorker(spec, "explained");
	entry.greedy = runWorker(spec, "greedy");
	const comparison = vsGreedy(network, entry.explained as Row, entry.greedy as Row);
	if (comparison) entry.vsGreedy = comparison;
	report.push(entry);
	if (!flag("--json")) printEntry(entry);
}
if (flag("--json")) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);

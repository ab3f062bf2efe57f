/**
 * npm run bench [-- --sizes 500x300,15000x1500 | --instance round.json] [--json] [--seed N]
 *                [--no-lp]
 *
 * For each size: the network engine (candidates, solve, duals, full explained allocation),
 * javascript-lp-solver on the whole model where it fits (≤ 2,000 × 800; above that its dense
 * tableau needs gigabytes, so it is skipped and said so), and the greedy nearest-place
 * baseline. Each engine runs in its own process so its peak RSS is its own.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { DEFAULT_SIZES } from "./instances";

interface Totals {
	annualCost: number;
	journeyMinutes: number;
	placed: number;
	unplaced: number;
}

interface Row {
	spec: string;
	engine: string;
	children: number;
	provisions: number;
	places: number;
	edges: number;
	objective: number;
	certified: boolean;
	prepareMs: number;
	solveMs: number;
	dualsMs?: number;
	fullMs?: number;
	peakRssAfterSolveMb: number;
	peakRssMb?: number;
	summary?: Totals;
	greedy?: Totals & { objective: number };
	error?: string;
}

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

function runWorker(spec: string, engine: "network" | "lp"): Row {
	const worker = fileURLToPath(new URL("./worker.ts", import.meta.url));
	const job = JSON.stringify({ spec, seed, engine });
	const child = spawnSync(
		process.execPath,
		["--max-old-space-size=16000", "--import", "tsx", worker, job],
		{ encoding: "utf8", maxBuffer: 1 << 26 },
	);
	const line = child.stdout.trim().split("\n").at(-1) ?? "";
	if (child.status !== 0 || !line.startsWith("{")) {
		return {
			spec,
			engine,
			error: (child.stderr || "no output").trim().split("\n").slice(-3).join(" "),
		} as Row;
	}
	return JSON.parse(line) as Row;
}

function lpFits(spec: string, network: Row): boolean {
	const size = /^(\d+)x(\d+)$/.exec(spec);
	const area = size ? Number(size[1]) * Number(size[2]) : network.children * network.provisions;
	return area <= LP_LIMIT;
}

const report: Record<string, unknown>[] = [];
for (const spec of sizes) {
	const network = runWorker(spec, "network");
	const entry: Record<string, unknown> = { size: spec, network };
	if (!network.error && network.summary && network.greedy) {
		const o = network.summary;
		const g = network.greedy;
		const perChild = (cost: number, placed: number) => (placed > 0 ? Math.round(cost / placed) : 0);
		// The optimum usually places more children, which costs money: totals are shown, but
		// the like-for-like figures are per placed child.
		entry.vsGreedy = {
			objectiveSaved: g.objective - network.objective,
			morePlaced: o.placed - g.placed,
			annualCostSaved: g.annualCost - o.annualCost,
			annualCostPerPlacedChild: {
				greedy: perChild(g.annualCost, g.placed),
				optimum: perChild(o.annualCost, o.placed),
			},
			annualCostSavedPerPlacedChild:
				perChild(g.annualCost, g.placed) - perChild(o.annualCost, o.placed),
			journeyMinutesSavedPerDay: Math.round((g.journeyMinutes - o.journeyMinutes) * 2),
			dailyMinutesPerPlacedChild: {
				greedy: Math.round((200 * g.journeyMinutes) / Math.max(1, g.placed)) / 100,
				optimum: Math.round((200 * o.journeyMinutes) / Math.max(1, o.placed)) / 100,
			},
		};
	}
	if (flag("--no-lp")) entry.lp = { skipped: "--no-lp" };
	else if (network.error || lpFits(spec, network)) {
		const lp = runWorker(spec, "lp");
		entry.lp = lp;
		if (!lp.error) entry.enginesAgree = lp.objective === network.objective;
	} else {
		entry.lp = { skipped: "above 2,000 × 800 javascript-lp-solver's dense tableau needs many GB" };
	}
	report.push(entry);
	if (!flag("--json")) print(entry);
}
if (flag("--json")) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);

function print(entry: Record<string, unknown>): void {
	const n = entry.network as Row;
	const lp = entry.lp as Row & { skipped?: string };
	const gbp = (x: number) =>
		`${x < 0 ? "−" : ""}£${Math.abs(Math.round(x)).toLocaleString("en-GB")}`;
	console.log(
		`\n${entry.size}: ${n.children} children × ${n.provisions} provisions, ${n.places} free places, ${n.edges} edges`,
	);
	if (n.error) {
		console.log(`  network: FAILED ${n.error}`);
		return;
	}
	console.log(
		`  network  solve ${n.solveMs} ms (+ candidates ${n.prepareMs} ms, duals ${n.dualsMs} ms; explained allocation ${n.fullMs} ms)` +
			`  peak RSS ${n.peakRssAfterSolveMb} MB after solve, ${n.peakRssMb} MB overall  objective ${n.objective}` +
			`  certified ${n.certified}  unplaced ${n.summary?.unplaced}`,
	);
	if (lp.skipped) console.log(`  lp       skipped: ${lp.skipped}`);
	else if (lp.error) console.log(`  lp       FAILED ${lp.error}`);
	else
		console.log(
			`  lp       solve ${lp.solveMs} ms  peak RSS ${lp.peakRssAfterSolveMb} MB  objective ${lp.objective}  agree ${entry.enginesAgree}`,
		);
	const vs = entry.vsGreedy as
		| {
				objectiveSaved: number;
				morePlaced: number;
				annualCostSaved: number;
				annualCostSavedPerPlacedChild: number;
				journeyMinutesSavedPerDay: number;
				dailyMinutesPerPlacedChild: { greedy: number; optimum: number };
		  }
		| undefined;
	if (vs && n.greedy) {
		console.log(
			`  vs greedy: objective saved ${gbp(vs.objectiveSaved)}; places ${vs.morePlaced} more children` +
				` (unplaced ${n.greedy.unplaced} → ${n.summary?.unplaced}); annual cost saved ${gbp(vs.annualCostSaved)} in total,` +
				` ${gbp(vs.annualCostSavedPerPlacedChild)} per placed child; journey minutes saved ${vs.journeyMinutesSavedPerDay} a day in total,` +
				` ${vs.dailyMinutesPerPlacedChild.greedy} → ${vs.dailyMinutesPerPlacedChild.optimum} min/day per placed child`,
		);
	}
}

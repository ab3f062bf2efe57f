/** Shapes of the bench workers' answers, the comparison with greedy, and the text report. */
import type { LemonRow } from "./native";

export interface Totals {
	objective: number;
	annualCost: number;
	journeyMinutes: number;
	placed: number;
	unplaced: number;
}

/** Any worker's answer; `error` when the process failed. */
export interface Row {
	spec: string;
	job: string;
	peakRssMb: number;
	fullMs?: number;
	greedyMs?: number;
	summary?: Totals;
	error?: string;
}

/** An engine worker's answer (network, highs, lp). */
export interface EngineRow extends Row {
	engine: string;
	children: number;
	provisions: number;
	places: number;
	edges: number;
	objective: number;
	certified: boolean;
	prepareMs: number;
	solveMs: number;
	/** Network and simplex engines: the solve time of every repeated run (solveMs is their median). */
	solveMsRuns?: number[];
	solveMsMin?: number;
	/** CPU time of the solve (user + system): steadier than wall time on a busy machine. */
	solveCpuMs?: number;
	pivots?: number;
	dualsMs?: number;
	loadMs?: number;
	firstCallMs?: number;
	wasmMb?: number;
	peakRssAfterSolveMb: number;
}

/**
 * The optimum usually places more children, which costs money: totals are shown, but the
 * like-for-like figures are per placed child.
 */
export function vsGreedy(network: EngineRow, explained: Row, greedy: Row) {
	if (network.error || !explained.summary || !greedy.summary) return null;
	const o = explained.summary;
	const g = greedy.summary;
	const perChild = (cost: number, placed: number) => (placed > 0 ? Math.round(cost / placed) : 0);
	return {
		objectiveSaved: g.objective - network.objective,
		morePlaced: o.placed - g.placed,
		unplaced: { greedy: g.unplaced, optimum: o.unplaced },
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

const gbp = (x: number) => `${x < 0 ? "−" : ""}£${Math.abs(Math.round(x)).toLocaleString("en-GB")}`;

function engineLine(name: string, row: EngineRow & { skipped?: string }): string {
	const label = name.padEnd(8);
	if (row.skipped) return `  ${label} skipped: ${row.skipped}`;
	if (row.error) return `  ${label} FAILED ${row.error}`;
	const extra =
		name === "highs"
			? ` (load ${row.loadMs} ms, first call ${row.firstCallMs} ms, WebAssembly ${row.wasmMb} MB)`
			: name === "network" || name === "simplex"
				? ` (median of ${row.solveMsRuns?.join(", ")} ms, min ${row.solveMsMin} ms, CPU ${row.solveCpuMs} ms; first call ${row.firstCallMs} ms; + candidates ${row.prepareMs} ms, duals ${row.dualsMs} ms)`
				: "";
	return (
		`  ${label} solve ${row.solveMs} ms${extra}  peak RSS ${row.peakRssMb} MB` +
		`  objective ${row.objective}  certified ${row.certified}`
	);
}

function lemonLine(row: LemonRow & { skipped?: string }): string {
	if (row.skipped) return `  LEMON    skipped: ${row.skipped}`;
	if (row.error) return `  LEMON    FAILED ${row.error}`;
	return (
		`  LEMON    solve ${row.solveMs} ms (median of ${row.solveMsRuns?.join(", ")} ms, min ${row.solveMsMin} ms; CPU ${row.cpuMs} ms)` +
		`  peak RSS ${row.peakRssMb} MB  objective ${row.objective}  ${row.status}`
	);
}

export function printEntry(entry: Record<string, unknown>): void {
	const n = entry.network as EngineRow;
	console.log(
		`\n${entry.size}: ${n.children} children × ${n.provisions} provisions, ${n.places} free places, ${n.edges} edges`,
	);
	for (const name of ["network", "simplex", "highs", "lp"]) {
		console.log(engineLine(name, entry[name] as EngineRow & { skipped?: string }));
	}
	console.log(lemonLine(entry.lemon as LemonRow & { skipped?: string }));
	const speed = entry.speed as Record<string, number> | undefined;
	if (speed?.simplexTimesFasterThanHighs)
		console.log(`  simplex ${speed.simplexTimesFasterThanHighs}× faster than HiGHS`);
	if (speed?.simplexOverLemon)
		console.log(
			`  simplex / LEMON: ${speed.simplexOverLemon}× (medians), ${speed.simplexOverLemonMin}× (minima), ${speed.simplexOverLemonCpu}× (CPU time)`,
		);
	console.log(
		`  engines ${(entry.engines as string[]).join(", ")}: agree ${entry.enginesAgree}, status ${entry.status}` +
			(entry.targets ? `, targets met ${(entry.targets as { met: boolean }).met}` : ""),
	);
	const warm = entry.warm as Row &
		Record<string, { medianMs: number; minMs: number; maxMs: number }>;
	if (warm?.error) console.log(`  warm re-solve FAILED ${warm.error}`);
	else if (warm?.onePlaceMore) {
		const w = warm as unknown as Record<string, number>;
		console.log(
			`  warm re-solve after one more place: median ${warm.onePlaceMore.medianMs} ms (min ${warm.onePlaceMore.minMs}, max ${warm.onePlaceMore.maxMs});` +
				` the place taken back: median ${warm.placeTakenBack?.medianMs} ms; cold ${w.coldMs} ms;` +
				` shadow prices exact ${w.shadowPricesExact} of ${w.shadowPricesChecked}`,
		);
	}
	const explained = entry.explained as Row;
	const greedy = entry.greedy as Row;
	console.log(
		`  explained allocation ${explained.error ? `FAILED ${explained.error}` : `${explained.fullMs} ms, peak RSS ${explained.peakRssMb} MB`}` +
			`;  greedy ${greedy.error ? `FAILED ${greedy.error}` : `${greedy.greedyMs} ms, peak RSS ${greedy.peakRssMb} MB`}`,
	);
	const vs = entry.vsGreedy as ReturnType<typeof vsGreedy>;
	if (vs) {
		console.log(
			`  vs greedy: objective saved ${gbp(vs.objectiveSaved)}; places ${vs.morePlaced} more children` +
				` (unplaced ${vs.unplaced.greedy} → ${vs.unplaced.optimum}); annual cost saved ${gbp(vs.annualCostSaved)} in total,` +
				` ${gbp(vs.annualCostSavedPerPlacedChild)} per placed child; journey minutes saved ${vs.journeyMinutesSavedPerDay} a day in total,` +
				` ${vs.dailyMinutesPerPlacedChild.greedy} → ${vs.dailyMinutesPerPlacedChild.optimum} min/day per placed child`,
		);
	}
}

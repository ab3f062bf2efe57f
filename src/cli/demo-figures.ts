import { fileURLToPath } from "node:url";
import { prepareDatabase } from "../bootstrap.js";
import { loadConfig } from "../config.js";
import { RunRequest } from "../contracts/matching-runs.js";
import { openPglite } from "../db/pglite.js";
import { createRun, executeRun, getRun } from "../services/matching/runs.js";

/**
 * The figures of the demo a user gets: the London demo (DEMO_SEED, DEMO_CHILDREN, as `npm start`
 * loads it) in a fresh in-memory database, and an admin matching round over every waiting child,
 * against allocation by hand (greedy). The README's table is what this prints:
 *   npm run -s demo:figures [-- --json]
 */
export async function demoFigures(seed: number, children: number) {
	const database = await openPglite();
	try {
		const now = new Date();
		await prepareDatabase(database, { loadDemo: true, seed, children, now });
		const admin = {
			principal: {
				subject: "demo-figures",
				role: "admin" as const,
				la: null,
				urn: null,
				joint: null,
			},
			requestId: "demo-figures",
		};
		const { run } = await createRun(database.db, admin, RunRequest.parse({}), now);
		await executeRun(database.db, run.id, () => now);
		const done = await getRun(database.db, admin.principal, run.id);
		if (done.status !== "done") throw new Error(`the round ended ${done.status}: ${done.error}`);
		const f = done.figures as {
			optimal: boolean;
			placed: number;
			unplaced: number;
			annualCost: number;
			journeyMinutes: number;
			outOfBorough: number;
			preferencesHonoured: number[];
		};
		const g = done.greedy as { placed: number; annualCost: number; journeyMinutes: number };
		const perPlaced = (money: number, placed: number) => Math.round(money / placed);
		const perDay = (minutes: number, placed: number) => Math.round((20 * minutes) / placed) / 10;
		return {
			demo: { seed, children: f.placed + f.unplaced },
			optimal: f.optimal,
			matched: {
				placed: f.placed,
				unplaced: f.unplaced,
				outOfBorough: f.outOfBorough,
				preferencesHonoured: f.preferencesHonoured,
				annualCost: f.annualCost,
				annualCostPerPlacedChild: perPlaced(f.annualCost, f.placed),
				journeyMinutesPerDayPerPlacedChild: perDay(f.journeyMinutes, f.placed),
			},
			greedy: {
				placed: g.placed,
				annualCost: g.annualCost,
				annualCostPerPlacedChild: perPlaced(g.annualCost, g.placed),
				journeyMinutesPerDayPerPlacedChild: perDay(g.journeyMinutes, g.placed),
			},
		};
	} finally {
		await database.close();
	}
}

export type DemoFigures = Awaited<ReturnType<typeof demoFigures>>;

/** The figures as the README's Markdown table. */
export function demoFiguresTable(f: DemoFigures): string {
	const gbp = (n: number) => `£${n.toLocaleString("en-GB")}`;
	const { matched: m, greedy: g } = f;
	return [
		`London demo (seed ${f.demo.seed}): an admin round over all ${f.demo.children} waiting children, ${f.optimal ? "proven optimal" : "not proven optimal"}`,
		"",
		"| | matched (optimal) | by hand (greedy) |",
		"|---|---|---|",
		`| children placed | ${m.placed} | ${g.placed} |`,
		`| annual cost to the public | ${gbp(m.annualCost)} | ${gbp(g.annualCost)} |`,
		`| per placed child | ${gbp(m.annualCostPerPlacedChild)} | ${gbp(g.annualCostPerPlacedChild)} |`,
		`| journey minutes a day per placed child (both ways) | ${m.journeyMinutesPerDayPerPlacedChild} | ${g.journeyMinutesPerDayPerPlacedChild} |`,
		`| placed out of their home borough | ${m.outOfBorough} | — |`,
		`| parents' preference honoured (rank 1, 2, …) | ${m.preferencesHonoured.join(", ") || "0"} | — |`,
	].join("\n");
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
	const config = loadConfig(process.env);
	const figures = await demoFigures(config.demoSeed, config.demoChildren);
	console.log(
		process.argv.includes("--json") ? JSON.stringify(figures, null, 2) : demoFiguresTable(figures),
	);
}

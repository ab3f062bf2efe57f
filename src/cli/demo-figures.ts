import { fileURLToPath } from "node:url";
import { prepareDatabase } from "../bootstrap.js";
import { loadConfig } from "../config.js";
import { RunRequest } from "../contracts/matching-runs.js";
import { openPglite } from "../db/pglite.js";
import { requestJobWorker } from "../services/jobs/from-app.js";
import { createRun, getRun } from "../services/matching/runs.js";
import { shadowPriceReport } from "../services/sufficiency/shadow-prices.js";

interface Figures {
	optimal: boolean;
	placed: number;
	unplaced: number;
	fallback: number;
	noPlacementFound: number;
	annualCost: number;
	fallbackCost: number;
	journeyMinutes: number;
	outOfBorough: number;
	preferencesHonoured: number[];
	lawfulPreferencesHonoured?: number;
	firstPreferenceReasons?: Record<string, number>;
	criteria?: { order: number; criterion: string }[];
}

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
		await requestJobWorker(database.db, () => now).runSubject(run.id);
		const done = await getRun(database.db, admin.principal, run.id);
		if (done.status !== "done") throw new Error(`the round ended ${done.status}: ${done.error}`);
		const f = done.figures as Figures;
		const g = done.greedy as Figures;
		const prices = await shadowPriceReport(database.db, admin.principal, {
			runId: run.id,
			limit: 1,
		});
		const top = prices.items[0];
		const perChild = (money: number) => Math.round(money / (f.placed + f.unplaced));
		const perDay = (minutes: number, placed: number) => Math.round((20 * minutes) / placed) / 10;
		const side = (x: Figures) => ({
			placed: x.placed,
			fallback: x.fallback,
			noPlacementFound: x.noPlacementFound,
			annualCost: x.annualCost,
			fallbackCost: x.fallbackCost,
			annualCostPerChild: perChild(x.annualCost),
			journeyMinutesPerDayPerPlacedChild: perDay(x.journeyMinutes, x.placed),
		});
		return {
			demo: { seed, children: f.placed + f.unplaced },
			optimal: f.optimal,
			matched: {
				...side(f),
				unplaced: f.unplaced,
				outOfBorough: f.outOfBorough,
				preferencesHonoured: f.preferencesHonoured,
				lawfulPreferencesHonoured: f.lawfulPreferencesHonoured ?? 0,
				firstPreferenceReasons: f.firstPreferenceReasons ?? {},
			},
			criteria: (f.criteria ?? []).map((c) => `${c.order}. ${c.criterion}`),
			greedy: side(g),
			savingAgainstGreedy: g.annualCost - f.annualCost,
			topShadowPrice: top
				? {
						setting: top.settingName ?? String(top.urn),
						provision: top.provision,
						borough: top.borough.name,
						gainPlusOne: top.gainPlusOne,
						fallbackCost: top.fallbackCost,
					}
				: null,
		};
	} finally {
		await database.close();
	}
}

export type DemoFigures = Awaited<ReturnType<typeof demoFigures>>;

/**
 * The figures as the README's Markdown table. Only figures that every optimal allocation shares
 * are printed: how children whose costs tie exactly split between equally good places (which
 * rank each preference is honoured at, the first preferences' reasons) is in --json.
 */
export function demoFiguresTable(f: DemoFigures): string {
	const gbp = (n: number) => `£${n.toLocaleString("en-GB")}`;
	const { matched: m, greedy: g, topShadowPrice: top } = f;
	return [
		`London demo (seed ${f.demo.seed}): an admin round over all ${f.demo.children} waiting children, ${f.optimal ? "proven optimal" : "not proven optimal"}`,
		"",
		"| | matched (optimal) | by hand (greedy) |",
		"|---|---|---|",
		`| placed in published supply | ${m.placed} | ${g.placed} |`,
		`| fall back to an independent-sector place | ${m.fallback} | ${g.fallback} |`,
		`| no placement found (not priced) | ${m.noPlacementFound} | ${g.noPlacementFound} |`,
		`| annual cost to the public, every child | ${gbp(m.annualCost)} | ${gbp(g.annualCost)} |`,
		`| of which independent-sector fallbacks | ${gbp(m.fallbackCost)} | ${gbp(g.fallbackCost)} |`,
		`| per child | ${gbp(m.annualCostPerChild)} | ${gbp(g.annualCostPerChild)} |`,
		`| journey minutes a day per child placed in published supply (both ways) | ${m.journeyMinutesPerDayPerPlacedChild} | ${g.journeyMinutesPerDayPerPlacedChild} |`,
		`| placed out of their home borough | ${m.outOfBorough} | — |`,
		`| parents' preferences honoured (any rank) | ${m.preferencesHonoured.reduce((a, b) => a + b, 0)} | — |`,
		"",
		`Matching saves ${gbp(f.savingAgainstGreedy)} a year against allocation by hand.`,
		top
			? `The most valuable extra place (the top shadow price): one more at ${top.setting} (${top.provision}, ${top.borough}) saves ${gbp(top.gainPlusOne)} a year, against the dearest fallback it replaces, ${top.fallbackCost === null ? "none" : gbp(top.fallbackCost)} a year (fee + transport).`
			: "No shadow prices (no finished run).",
	].join("\n");
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
	const config = loadConfig(process.env);
	const figures = await demoFigures(config.demoSeed, config.demoChildren);
	console.log(
		process.argv.includes("--json") ? JSON.stringify(figures, null, 2) : demoFiguresTable(figures),
	);
}

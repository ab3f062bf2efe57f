import { fileURLToPath } from "node:url";
import { boroughs as boroughTable } from "../../schema/index.js";
import type { FairShares } from "../../solver/index.js";
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
	solveMs?: number;
	boroughs?: FairShares["boroughs"];
	guarantee?: FairShares["guarantee"];
	alone?: FairShares["alone"];
}

/** Per borough: children, placed in published supply alone, pooled without and with the guarantee. */
function fairSharesOf(on: Figures, off: Figures, names: Map<string, string>) {
	const without = new Map((off.boroughs ?? []).map((b) => [b.borough, b.pooled.placed]));
	const name = (b: string) => names.get(b) ?? b;
	const price = on.guarantee?.price;
	return {
		boroughs: (on.boroughs ?? [])
			.map((b) => ({
				borough: name(b.borough),
				children: b.pooled.children,
				alone: b.alone.placed,
				pooledWithout: without.get(b.borough) ?? 0,
				pooledWith: b.pooled.placed,
			}))
			.sort((a, b) => (a.borough < b.borough ? -1 : 1)),
		placed: { alone: on.alone?.placed ?? 0, pooledWithout: off.placed, pooledWith: on.placed },
		worseOffWithout: (on.guarantee?.worseOffWithout ?? []).map(name).sort(),
		price: price
			? { annualCost: price.annualCost, placedFewer: price.placedFewer, objective: price.objective }
			: null,
		solveMs: { guaranteeOn: on.solveMs ?? 0, guaranteeOff: off.solveMs ?? 0 },
	};
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
		const round = async (guarantee: boolean) => {
			const request = RunRequest.parse({ guarantee });
			const { run } = await createRun(database.db, admin, request, now);
			await requestJobWorker(database.db, () => now).runSubject(run.id);
			const done = await getRun(database.db, admin.principal, run.id);
			if (done.status !== "done") throw new Error(`the round ended ${done.status}: ${done.error}`);
			return done;
		};
		const done = await round(true);
		const off = (await round(false)).figures as Figures;
		const names = new Map(
			(await database.db.select().from(boroughTable)).map((b) => [b.code, b.name]),
		);
		const run = done;
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
			fairShares: fairSharesOf(f, off, names),
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
	const { matched: m, greedy: g, topShadowPrice: top, fairShares: fair } = f;
	const worse = fair.worseOffWithout;
	const price = fair.price;
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
		"",
		`Fair shares: children placed in published supply by each borough matching alone (its own children in its own places), pooled without the no-borough-worse-off guarantee, and pooled with it (the run above). London alone places ${fair.placed.alone}, pooled ${fair.placed.pooledWithout} without the guarantee and ${fair.placed.pooledWith} with it.`,
		"",
		"| borough | children | alone | pooled, no guarantee | pooled, with the guarantee |",
		"|---|---|---|---|---|",
		...fair.boroughs.map(
			(b) =>
				`| ${b.borough} | ${b.children} | ${b.alone} | ${b.pooledWithout}${b.pooledWithout < b.alone ? " (fewer)" : ""} | ${b.pooledWith} |`,
		),
		"",
		`Without the guarantee ${worse.length === 0 ? "no borough" : `${worse.length} ${worse.length === 1 ? "borough" : "boroughs"} (${worse.join(", ")})`} would place fewer of ${worse.length === 1 ? "its" : "their"} children than alone. ${
			price
				? `The guarantee's price: ${gbp(price.annualCost)} a year and ${price.placedFewer === 0 ? "no child fewer" : `${Math.abs(price.placedFewer)} ${price.placedFewer > 0 ? "fewer" : "more"} children`} placed in published supply, against the unconstrained optimum.`
				: "The guarantee was off."
		}`,
	].join("\n");
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
	const config = loadConfig(process.env);
	const figures = await demoFigures(config.demoSeed, config.demoChildren);
	console.log(
		process.argv.includes("--json") ? JSON.stringify(figures, null, 2) : demoFiguresTable(figures),
	);
}

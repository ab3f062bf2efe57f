import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { consultations, matchingRuns, proposals } from "../../../schema/index.js";
import { buildCandidates, buildInstance, type RuleFailure } from "../../../solver/index.js";
import { checkPair } from "../../../solver/rules.js";
import type { Db } from "../../db/types.js";
import type { Actor } from "../audit.js";
import { readChild } from "../children.js";
import { type ProvisionInfo, toSolverChild } from "./load-instance.js";
import { describeOption, type OptionView, type ScarcityEntry } from "./options-view.js";
import { isoDay } from "./params.js";
import { currentSupply } from "./supply-snapshot.js";

const RULE_WORDS: Record<RuleFailure, string> = {
	"need-not-designated": "not designated for the child's primary need",
	"age-out-of-range": "outside the provision's age range",
	"level-not-accepted": "not the level of provision the plan calls for",
	"journey-too-long": "the journey is longer than the child's limit",
	"no-capacity": "no place free",
};

/** Shadow prices by provision id of finished runs (a finished run's prices never change). */
const runPrices = new WeakMap<object, Map<string, Map<string, ScarcityEntry>>>();
const HELD_RUNS = 16;

async function pricesOf(db: Db, runId: string): Promise<Map<string, ScarcityEntry>> {
	const held = runPrices.get(db) ?? new Map<string, Map<string, ScarcityEntry>>();
	runPrices.set(db, held);
	const known = held.get(runId);
	if (known) return known;
	const [row] = await db
		.select({ prices: matchingRuns.shadowPrices })
		.from(matchingRuns)
		.where(eq(matchingRuns.id, runId));
	const prices = new Map<string, ScarcityEntry>();
	for (const p of (row?.prices ?? []) as (ScarcityEntry & { provisionId: number })[])
		prices.set(String(p.provisionId), p);
	if (held.size >= HELD_RUNS) held.delete(held.keys().next().value as string);
	held.set(runId, prices);
	return prices;
}

/** The latest finished run that covered this child, with its shadow prices by provision id. */
async function latestRunFor(db: Db, childId: string) {
	const [row] = await db
		.select({ id: matchingRuns.id, finishedAt: matchingRuns.finishedAt })
		.from(proposals)
		.innerJoin(matchingRuns, eq(matchingRuns.id, proposals.runId))
		.where(and(eq(proposals.childId, childId), eq(matchingRuns.status, "done")))
		.orderBy(desc(matchingRuns.finishedAt))
		.limit(1);
	if (!row) return undefined;
	return { id: row.id, finishedAt: row.finishedAt, prices: await pricesOf(db, row.id) };
}

/** How many children are already being consulted for each full provision (the waiting list). */
async function queueLengths(db: Db, childId: string, ids: number[]) {
	if (ids.length === 0) return new Map<string, number>();
	const rows = await db
		.select({ provisionId: consultations.provisionId, n: sql<number>`count(*)::int` })
		.from(consultations)
		.where(
			and(
				inArray(consultations.provisionId, ids),
				inArray(consultations.status, ["open", "agreed"]),
				sql`${consultations.childId} <> ${childId}`,
			),
		)
		.groupBy(consultations.provisionId);
	return new Map(rows.map((r) => [String(r.provisionId), Number(r.n)]));
}

/**
 * A child's suitable provisions ranked by annual cost to the public plus the value of journey
 * time; the parents' preferences always appear, with why one is unsuitable or what it costs.
 */
export async function rankOptions(db: Db, actor: Actor, childId: string, limit: number, now: Date) {
	// Three independent reads at once; the run is looked up by the id asked for, but shown only
	// once the child proved to be the caller's own (readChild answers 404 otherwise).
	const [child, supply, run] = await Promise.all([
		readChild(db, actor, childId),
		currentSupply(db, isoDay(now)),
		latestRunFor(db, childId),
	]);
	const { provisions, policy, params } = supply;
	const solverChild = toSolverChild(child, policy);
	// Only provisions designated for the child's primary need can be candidates (checkPair).
	const designated = supply.byNeed.get(solverChild.primaryNeed) ?? [];
	const instance = buildInstance({ children: [solverChild], provisions: designated, params });
	const edges = buildCandidates(instance);
	const full = [];
	const views: OptionView[] = [];
	for (let e = 0; e < edges.count; e++) {
		const p = instance.provisions[edges.provision[e] as number] as ProvisionInfo;
		if (p.freeNow === 0) full.push(Number(p.id));
		views.push({ provision: p, edge: e });
	}
	const queues = await queueLengths(db, child.id, full);
	const described = views.map((v) => describeOption(v, edges, child, queues, run));
	described.sort((a, b) => a.rankingCost - b.rankingCost || a.provisionId - b.provisionId);
	const best = described[0];
	described.forEach((o, i) => {
		o.rank = i + 1;
		o.reason = o.reasonFor(best);
	});
	const preferredUrns = child.preferences.map(String);
	// The parents' suitable preferences always take places within the limit; the best-ranked
	// options fill the rest.
	const preferred = described.filter((o) => preferredUrns.includes(String(o.urn)));
	const others = described.filter((o) => !preferred.includes(o));
	const shown = [...preferred, ...others.slice(0, Math.max(0, limit - preferred.length))].sort(
		(a, b) => a.rank - b.rank,
	);
	const unsuitable = preferredUrns
		.filter((urn) => !described.some((o) => String(o.urn) === urn))
		.map((urn) => {
			const at = provisions.filter((p) => p.settingUrn === urn);
			const failures = at.map((p) => {
				const outcome = checkPair(solverChild, p, params, undefined, false);
				return { provision: p.code, rule: typeof outcome === "string" ? outcome : "no-capacity" };
			});
			return {
				urn: Number(urn),
				settingName: at[0]?.settingName ?? null,
				preferenceRank: preferredUrns.indexOf(urn) + 1,
				suitable: false,
				reason:
					at.length === 0
						? "no specialist provision is published at this setting"
						: failures
								.map((f) => `${f.provision}: ${RULE_WORDS[f.rule as RuleFailure]}`)
								.join("; "),
				failures,
			};
		});
	return {
		child,
		run: run ? { id: run.id, finishedAt: run.finishedAt?.toISOString() ?? null } : null,
		total: described.length,
		limit,
		options: shown.map(({ reasonFor: _r, ...o }) => o),
		unsuitablePreferences: unsuitable,
	};
}

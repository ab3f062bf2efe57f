// Where one more place would save the most: a matching run's shadow prices, ranked and summed.
import type { Principal } from "../../auth/claims.js";
import type { Db } from "../../db/types.js";
import { ApiError } from "../../http/problem.js";
import { listBoroughs } from "../../queries/reference.js";
import {
	findRunPrices,
	latestDoneRunPrices,
	settingNamesOf,
} from "../../queries/sufficiency-shadow.js";
import { seesExactly } from "../matching/run-disclosure.js";
import { ownUsedOf } from "../matching/run-own-share.js";
import { isSmall } from "./suppress.js";

/** A shadow price as store-run.ts writes it into matching_run.shadow_prices. */
interface StoredPrice {
	provisionId: number;
	urn: number;
	code: string;
	borough: string;
	level: string;
	needTypes: string[];
	capacity: number;
	used: number;
	gainPlusOne: number;
	lossMinusOne: number;
	/** Absent in runs stored before the fallback was priced. */
	fallbackCost?: number | null;
	/** Absent in runs stored before preferences were lawful. */
	preferencesGained?: number;
}

export const SHADOW_PRICE_METHOD =
	"gainPlusOne is the LP dual of the provision's capacity in the run: the annual saving (£ a year: public cost and the value of journey time, less preference credits, over the whole round) one more place there would have brought, ≥ 0; lossMinusOne what one place fewer would have cost. A child with no published place falls back to an independent-sector place (fee by need and phase plus transport for a typical out-of-borough journey), so a place saves at most a fallback: fallbackCost, shown beside, is the dearest fallback (fee + transport) among the children who could take the place (null when one of them has no fallback, or in a run stored before fallbacks were priced). Parents' lawful preferences come first in the run's objective (see its criteria): preferencesGained is the priority of the lawful preferences one more place would let the round honour (first preference 3, second 2, third 1), and gainPlusOne the pounds beside it. Prices are marginal: they hold for one place, not for many. used (the run's children placed there) and capacity are null where another borough's children there number 1 to 4 (a full provision's used equals its capacity), unless the caller is an admin or the run is of its own borough only. byArea and byNeed sum and take the maximum of gainPlusOne over the provisions in the borough or designated for the need (a provision with several needs counts under each).";

/** Panels and publishers see their own borough's runs; commissioners and admins every run. */
const restrictedTo = (p: Principal) =>
	p.role === "panel" || p.role === "publisher" ? (p.la as string) : null;

const pounds = (x: number) => Math.round(x);

function summarise<K>(items: StoredPrice[], keysOf: (p: StoredPrice) => K[]) {
	const groups = new Map<K, { provisions: number; total: number; max: number }>();
	for (const p of items) {
		for (const key of keysOf(p)) {
			const g = groups.get(key) ?? { provisions: 0, total: 0, max: 0 };
			g.provisions += 1;
			g.total += p.gainPlusOne;
			g.max = Math.max(g.max, p.gainPlusOne);
			groups.set(key, g);
		}
	}
	return [...groups]
		.map(([key, g]) => ({
			key,
			provisions: g.provisions,
			totalGainPlusOne: pounds(g.total),
			maxGainPlusOne: pounds(g.max),
		}))
		.sort(
			(a, b) =>
				b.totalGainPlusOne - a.totalGainPlusOne || String(a.key).localeCompare(String(b.key)),
		);
}

export async function shadowPriceReport(
	db: Db,
	principal: Principal,
	q: { runId?: string | undefined; limit: number },
) {
	const borough = restrictedTo(principal);
	// The run named; else the latest planning run (commissioners plan from one); else the latest.
	const planning =
		q.runId || borough !== null
			? undefined
			: await latestDoneRunPrices(db, { borough, kind: "planning" });
	const run = q.runId
		? await findRunPrices(db, { id: q.runId })
		: (planning ?? (await latestDoneRunPrices(db, { borough })));
	const chosenBy = q.runId ? "runId" : planning ? "latest-planning-run" : "latest-run";
	// Another borough's run answers exactly like a missing one.
	if (!run || (borough !== null && run.boroughCode !== borough)) {
		throw new ApiError(
			"not_found",
			q.runId ? `no matching run ${q.runId}` : "no finished matching run you may see",
		);
	}
	if (run.status !== "done")
		throw new ApiError(
			"conflict",
			`run ${run.id} is ${run.status}; shadow prices come when it is done`,
		);
	const prices = ((run.shadowPrices ?? []) as StoredPrice[])
		.map((p) => ({ ...p, gainPlusOne: Math.max(0, p.gainPlusOne ?? 0) }))
		.sort((a, b) => b.gainPlusOne - a.gainPlusOne || a.provisionId - b.provisionId);
	const shown = prices.slice(0, q.limit);
	// Another borough's children placed at a provision, 1–4, are hidden; so is the capacity
	// beside them, which a full provision's count equals.
	const exact = seesExactly(principal, run.scopeBoroughs);
	const ownUsed =
		exact || !principal.la ? new Map<number, number>() : await ownUsedOf(db, run.id, principal.la);
	const hides = (p: StoredPrice) =>
		!exact && isSmall({ n: p.used, own: ownUsed.get(p.provisionId) ?? 0 });
	const [names, boroughs] = await Promise.all([
		settingNamesOf(db, { urns: [...new Set(shown.map((p) => p.urn))] }),
		listBoroughs(db),
	]);
	const boroughName = new Map(boroughs.map((b) => [b.code, b.name]));
	return {
		runId: run.id,
		run: { id: run.id, kind: run.kind, name: run.name, chosenBy },
		runBorough: run.boroughCode,
		finishedAt: run.finishedAt?.toISOString() ?? null,
		provisions: prices.length,
		items: shown.map((p, i) => ({
			rank: i + 1,
			provisionId: p.provisionId,
			urn: p.urn,
			settingName: names.get(p.urn) ?? null,
			provision: p.code,
			borough: { code: p.borough, name: boroughName.get(p.borough) ?? p.borough },
			level: p.level,
			needTypes: p.needTypes,
			capacity: hides(p) ? null : p.capacity,
			used: hides(p) ? null : p.used,
			suppressed: hides(p) ? ["used", "capacity"] : [],
			gainPlusOne: pounds(p.gainPlusOne),
			lossMinusOne: pounds(Math.max(0, p.lossMinusOne ?? 0)),
			fallbackCost: p.fallbackCost ?? null,
			preferencesGained: p.preferencesGained ?? 0,
		})),
		byArea: summarise(prices, (p) => [p.borough]).map(({ key, ...g }) => ({
			borough: { code: key, name: boroughName.get(key) ?? key },
			...g,
		})),
		byNeed: summarise(prices, (p) => p.needTypes).map(({ key, ...g }) => ({ need: key, ...g })),
		method: SHADOW_PRICE_METHOD,
	};
}

import type { BoroughFlow, FairShares } from "../../../solver/index.js";
import type { Principal } from "../../auth/claims.js";
import { tenthsOfMinute } from "../rounding.js";
import { SMALL_COUNT } from "../sufficiency/suppress.js";

const COUNTS = [
	"children",
	"placed",
	"fallback",
	"noPlacementFound",
	"preferencesHonoured",
] as const;
type Count = (typeof COUNTS)[number];
const SIDES = ["pooled", "alone"] as const;
type Side = (typeof SIDES)[number];
type Figures = FairShares["boroughs"][number]["pooled"];
/** A borough's figures as shown: a suppressed count (and the money summed over it) is null. */
type Shown = { [K in keyof Figures]: number | null };

const small = (n: number) => n >= SMALL_COUNT.min && n <= SMALL_COUNT.max;

/** Whoever may see every borough's row in full: an admin; else only the viewer's own row. */
const ownRow = (viewer: Principal, borough: string) =>
	viewer.role === "admin" || viewer.la === borough;

/**
 * Per-borough fair shares as a viewer may see them (an admin: everything). Another borough's counts of 1–4 children
 * are hidden, as in /sufficiency, with secondary suppression: within a row children = placed +
 * fallback + no placement found, and across rows every count adds up to the run's published
 * total, so a relation with one hidden count would give it away, and the smallest other count
 * of another borough in it is hidden too, until none has a lone hidden count. Money and
 * journeys summed over a hidden count are hidden with it; so are the alone totals when other
 * boroughs' part of them is 1–4, and the guarantee's price in children when it is 1–4.
 */
export function fairSharesFor(fair: FairShares, viewer: Principal) {
	const rows = fair.boroughs;
	const key = (r: number, side: Side, m: Count) => `${r}|${side}|${m}`;
	const value = (r: number, side: Side, m: Count) =>
		(rows[r] as FairShares["boroughs"][number])[side][m];
	const others = rows.map((b, r) => (ownRow(viewer, b.borough) ? -1 : r)).filter((r) => r >= 0);
	const hidden = new Set<string>();
	for (const r of others)
		for (const side of SIDES)
			for (const m of COUNTS) if (small(value(r, side, m))) hidden.add(key(r, side, m));
	const relations: string[][] = [];
	for (let r = 0; r < rows.length; r++) {
		for (const side of SIDES)
			relations.push(
				["children", "placed", "fallback", "noPlacementFound"].map((m) => key(r, side, m as Count)),
			);
		relations.push([key(r, "pooled", "children"), key(r, "alone", "children")]);
	}
	for (const side of SIDES)
		for (const m of COUNTS) relations.push(rows.map((_, r) => key(r, side, m)));
	const hideable = new Set(
		others.flatMap((r) => SIDES.flatMap((s) => COUNTS.map((m) => key(r, s, m)))),
	);
	const size = (k: string) => {
		const [r, side, m] = k.split("|") as [string, Side, Count];
		return value(Number(r), side, m);
	};
	for (let changed = true; changed; ) {
		changed = false;
		for (const relation of relations) {
			if (relation.filter((k) => hidden.has(k)).length !== 1) continue;
			const next = relation
				.filter((k) => hideable.has(k) && !hidden.has(k) && size(k) > 0)
				.sort((a, b) => size(a) - size(b))[0];
			if (next === undefined) continue;
			hidden.add(next);
			changed = true;
		}
	}
	const shown = (r: number, side: Side): Shown => {
		const f = (rows[r] as FairShares["boroughs"][number])[side];
		const count = (m: Count) => (hidden.has(key(r, side, m)) ? null : f[m]);
		return {
			children: count("children"),
			placed: count("placed"),
			fallback: count("fallback"),
			noPlacementFound: count("noPlacementFound"),
			preferencesHonoured: count("preferencesHonoured"),
			annualCost: count("children") === null ? null : f.annualCost,
			spend: count("children") === null ? null : f.spend,
			journeyMinutes: count("placed") === null ? null : tenthsOfMinute(f.journeyMinutes),
		};
	};
	const everything = viewer.role === "admin";
	const otherAlone = others.reduce((n, r) => n + value(r, "alone", "placed"), 0);
	const hideAlone = small(otherAlone);
	const price = fair.guarantee.price;
	const fewerHidden =
		price?.lawfulPreferencesFewer !== undefined && small(Math.abs(price.lawfulPreferencesFewer));
	return {
		boroughs: rows.map((b, r) => ({
			borough: b.borough,
			pooled: shown(r, "pooled"),
			alone: shown(r, "alone"),
		})),
		flows: fair.flows.map((f) => flowFor(f, viewer)),
		alone: {
			// In lawful mode the objective counts preferences honoured: only an admin sees it.
			objective: everything ? fair.alone.objective : null,
			optimal: fair.alone.optimal,
			placed: hideAlone ? null : fair.alone.placed,
			annualCost: hideAlone ? null : fair.alone.annualCost,
		},
		guarantee: {
			...fair.guarantee,
			price: price && !everything ? priceFor(price, fewerHidden) : price,
		},
	};
}

type Price = NonNullable<FairShares["guarantee"]["price"]>;

/** The guarantee's price with its child counts of 1–4 hidden (and the objective that counts them). */
function priceFor(price: Price, fewerHidden: boolean) {
	return {
		objective: fewerHidden ? null : price.objective,
		annualCost: price.annualCost,
		placedFewer: small(Math.abs(price.placedFewer)) ? null : price.placedFewer,
		...(price.lawfulPreferencesFewer === undefined
			? {}
			: { lawfulPreferencesFewer: fewerHidden ? null : price.lawfulPreferencesFewer }),
	};
}

/** A flow of 1–4 children between boroughs is hidden unless the viewer is its home borough. */
function flowFor(flow: BoroughFlow, viewer: Principal) {
	if (ownRow(viewer, flow.home) || !small(flow.children)) return flow;
	return { ...flow, children: null, placeFunding: null, topUp: null };
}

export type FairSharesView = ReturnType<typeof fairSharesFor>;

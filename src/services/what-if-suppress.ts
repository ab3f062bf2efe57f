import type { Principal } from "../auth/claims.js";
import { type LinkedCount, isSmallCount as small, suppressLinked } from "./sufficiency/suppress.js";
import type { whatIf } from "./what-if.js";

type Row = Awaited<ReturnType<typeof whatIf>>["byBorough"][number];
type Key = "placed" | "unplaced";
const KEYS: Key[] = ["placed", "unplaced"];

/**
 * Another borough's counts of 1–4 children are suppressed (in the baseline, the scenario and the
 * change alike). The London totals are shown, so where a count is hidden in only one borough,
 * the smallest other borough's non-zero count is hidden too (secondary suppression): otherwise
 * the hidden one would be the total minus the rest (a hidden zero would protect nothing).
 */
export function suppressWhatIfRows(rows: Row[], viewer: Principal) {
	const exact = (r: Row) => viewer.role === "admin" || viewer.la === r.borough;
	const hidden = new Map<string, Set<Key>>(rows.map((r) => [r.borough, new Set<Key>()]));
	for (const key of KEYS) {
		const primary = rows.filter(
			(r) => !exact(r) && (small(r.baseline[key]) || small(r.scenario[key])),
		);
		for (const r of primary) hidden.get(r.borough)?.add(key);
		if (primary.length === 1) {
			const next = rows
				.filter(
					(r) =>
						!exact(r) &&
						!hidden.get(r.borough)?.has(key) &&
						(r.baseline[key] > 0 || r.scenario[key] > 0),
				)
				.sort((a, b) => a.baseline[key] - b.baseline[key] || a.borough.localeCompare(b.borough))[0];
			if (next) hidden.get(next.borough)?.add(key);
		}
	}
	return rows.map((row) => {
		const keys = hidden.get(row.borough) ?? new Set<Key>();
		const mask = (f: Row["baseline"]) => ({
			...f,
			placed: keys.has("placed") ? null : f.placed,
			unplaced: keys.has("unplaced") ? null : f.unplaced,
		});
		return {
			...row,
			baseline: mask(row.baseline),
			scenario: mask(row.scenario),
			change: mask(row.change),
			suppressed: [...keys],
		};
	});
}

type Result = Awaited<ReturnType<typeof whatIf>>;
type Totals = Result["baseline"];
const TOTAL_COUNTS = ["placed", "unplaced", "fallback", "noPlacementFound"] as const;
const SIDES = ["baseline", "scenario", "change"] as const;

/**
 * A what-if answer as its viewer may see it: the rows by borough (above), and the London
 * totals, the children matched and each new provision's `used` with another borough's counts
 * of 1–4 hidden (null), by the same rule as the sufficiency report, with secondary suppression
 * where a total, a difference or a sum would give a hidden count away.
 */
export function discloseWhatIf(result: Result) {
	const { viewer, ...rest } = result;
	const byBorough = suppressWhatIfRows(rest.byBorough, viewer);
	const strip = rest.newProvisions.map(({ ownUsed: _, ...p }) => p);
	if (viewer.role === "admin")
		return { ...rest, byBorough, newProvisions: strip, suppressed: [] as string[] };
	const mine = rest.byBorough.find((r) => r.borough === viewer.la);
	const own = (side: "baseline" | "scenario") => mine?.[side] ?? { placed: 0, unplaced: 0 };
	const ownChildren = own("baseline").placed + own("baseline").unplaced;
	const counts: Record<string, LinkedCount> = {
		children: { n: rest.children, own: ownChildren },
	};
	for (const side of ["baseline", "scenario"] as const) {
		const o = own(side);
		const t = rest[side];
		counts[`${side}.placed`] = { n: t.placed, own: o.placed };
		counts[`${side}.unplaced`] = { n: t.unplaced, own: o.unplaced };
		// Split of the own unplaced between fallback and none: only its bound is known here.
		for (const k of ["fallback", "noPlacementFound"] as const)
			counts[`${side}.${k}`] = { n: t[k], own: Math.min(t[k], o.unplaced), exact: false };
	}
	// A change is other boroughs' children too: its other part is the change less the viewer's.
	for (const k of ["placed", "unplaced"] as const)
		counts[`change.${k}`] = {
			n: Math.abs(rest.change[k] - (own("scenario")[k] - own("baseline")[k])),
			own: 0,
		};
	for (const k of ["fallback", "noPlacementFound"] as const) {
		const n = Math.abs(rest.change[k]);
		counts[`change.${k}`] = { n, own: Math.min(n, ownChildren), exact: false };
	}
	rest.newProvisions.forEach((p, i) => {
		counts[`newProvisions.${i}.used`] = { n: p.used, own: p.ownUsed };
	});
	const relations = [
		...(["baseline", "scenario"] as const).flatMap((s) => [
			["children", `${s}.placed`, `${s}.unplaced`],
			[`${s}.unplaced`, `${s}.fallback`, `${s}.noPlacementFound`],
		]),
		...TOTAL_COUNTS.map((k) => SIDES.map((s) => `${s}.${k}`)),
	];
	const hidden = suppressLinked(counts, relations);
	const mask = (side: (typeof SIDES)[number]): Totals => {
		const t = { ...rest[side] } as Record<string, unknown>;
		for (const k of TOTAL_COUNTS) if (hidden.has(`${side}.${k}`)) t[k] = null;
		if (hidden.has(`${side}.fallback`)) t.fallbackCost = null;
		return t as Totals;
	};
	const suppressed = [...hidden];
	for (const s of SIDES) if (hidden.has(`${s}.fallback`)) suppressed.push(`${s}.fallbackCost`);
	return {
		...rest,
		children: hidden.has("children") ? null : rest.children,
		baseline: mask("baseline"),
		scenario: mask("scenario"),
		change: mask("change"),
		byBorough,
		newProvisions: strip.map((p, i) => ({
			...p,
			used: hidden.has(`newProvisions.${i}.used`) ? null : p.used,
		})),
		suppressed: suppressed.sort(),
	};
}

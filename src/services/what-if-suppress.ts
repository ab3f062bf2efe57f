import type { Principal } from "../auth/claims.js";
import type { whatIf } from "./what-if.js";

type Row = Awaited<ReturnType<typeof whatIf>>["byBorough"][number];
type Key = "placed" | "unplaced";
const KEYS: Key[] = ["placed", "unplaced"];
const small = (n: number) => n >= 1 && n <= 4;

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

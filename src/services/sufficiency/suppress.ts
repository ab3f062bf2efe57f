// Statistical disclosure control: small counts of other boroughs' children are not shown.
import { type Amount, type Cell, CHILD_METRICS, type ChildMetric } from "./cells.js";

/** Counts of other boroughs' children from 1 to 4 are suppressed, as the DfE does. */
export const SMALL_COUNT = { min: 1, max: 4 } as const;

/** Counts whose own suppression is decided here; the cost follows its placements' count. */
const COUNTS = CHILD_METRICS.filter((m) => m !== "independentAnnualCost");

const otherPart = (a: Amount) => Math.round(a.n - a.own);

/** Primary suppression: the part of the count that is not the viewer's own children is 1–4. */
export function isSmall(a: Amount): boolean {
	const other = otherPart(a);
	return other >= SMALL_COUNT.min && other <= SMALL_COUNT.max;
}

export interface SuppressionInput {
	/** One entry per row: its values of the grouped dimensions, in groupBy order. */
	keys: string[][];
	cells: Cell[];
}

/**
 * Which child metrics each row hides. Primary: small counts. Secondary: along every grouped
 * dimension, rows sharing the other dimensions' values form a line whose total another query
 * publishes; a line with exactly one hidden cell would give it away by subtraction, so the
 * smallest other cell the viewer cannot already know (it holds other boroughs' children) is
 * hidden too, repeated until no line has a lone hidden cell.
 */
export function suppressRows(input: SuppressionInput): Set<ChildMetric>[] {
	const out = input.cells.map(() => new Set<ChildMetric>());
	const width = input.keys[0]?.length ?? 0;
	for (const metric of COUNTS) {
		const hidden = input.cells.map((c) => isSmall(c[metric]));
		for (let changed = true; changed; ) {
			changed = false;
			for (let d = 0; d < width; d++) {
				for (const line of linesAlong(input.keys, d)) {
					if (line.filter((i) => hidden[i]).length !== 1) continue;
					const candidates = line.filter(
						(i) => !hidden[i] && otherPart((input.cells[i] as Cell)[metric]) > 0,
					);
					const next = candidates.sort(
						(a, b) => (input.cells[a] as Cell)[metric].n - (input.cells[b] as Cell)[metric].n,
					)[0];
					if (next === undefined) continue;
					hidden[next] = true;
					changed = true;
				}
			}
		}
		hidden.forEach((h, i) => {
			if (!h) return;
			out[i]?.add(metric);
			if (metric === "independentPlacements") out[i]?.add("independentAnnualCost");
		});
	}
	return out;
}

/** Row indices grouped by every key position except `d`. */
function linesAlong(keys: string[][], d: number): number[][] {
	const lines = new Map<string, number[]>();
	keys.forEach((key, i) => {
		const rest = key.filter((_, j) => j !== d).join("|");
		lines.set(rest, [...(lines.get(rest) ?? []), i]);
	});
	return [...lines.values()];
}

/** The rule for a count made only of other boroughs' children: 1–4 is hidden. */
export const isSmallCount = (n: number) => isSmall({ n, own: 0 });

/** A count, the viewer's own children in it, and whether that own part is known exactly. */
export interface LinkedCount extends Amount {
	/** False when only an upper bound of the own part is known: hidden if it could be 1–4. */
	exact?: boolean;
}

const couldBeSmall = (a: LinkedCount) =>
	a.exact === false ? a.n >= SMALL_COUNT.min && a.n - a.own <= SMALL_COUNT.max : isSmall(a);

/**
 * Which of a set of linked counts to hide (a run's figures). Primary: small counts of other
 * boroughs' children. Secondary: each relation lists counts any one of which follows from the
 * others (children = placed + unplaced), so a relation with exactly one hidden count would give
 * it away: the smallest other count holding other boroughs' children is hidden too, repeated
 * until no relation has a lone hidden count.
 */
export function suppressLinked(
	counts: Record<string, LinkedCount>,
	relations: string[][],
): Set<string> {
	const hidden = new Set(Object.keys(counts).filter((k) => couldBeSmall(counts[k] as LinkedCount)));
	const other = (k: string) => {
		const c = counts[k] as LinkedCount;
		return c.exact === false ? c.n : otherPart(c);
	};
	for (let changed = true; changed; ) {
		changed = false;
		for (const relation of relations) {
			const members = relation.filter((k) => k in counts);
			if (members.filter((k) => hidden.has(k)).length !== 1) continue;
			const next = members
				.filter((k) => !hidden.has(k) && other(k) > 0)
				.sort((a, b) => (counts[a] as LinkedCount).n - (counts[b] as LinkedCount).n)[0];
			if (next === undefined) continue;
			hidden.add(next);
			changed = true;
		}
	}
	return hidden;
}

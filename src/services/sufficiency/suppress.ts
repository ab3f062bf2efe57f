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

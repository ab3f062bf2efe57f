// Accumulates facts into the report's cells, keeping apart the part made of the viewer's own children.
import { cellsOf, type Dimension, type FactDims } from "./dimensions.js";

/** Counts of places: not child data, never suppressed. */
export const SUPPLY_METRICS = ["places", "vacant"] as const;
/** Counts made of children (and the cost of their placements): suppressed when small. */
export const CHILD_METRICS = [
	"filled",
	"awaiting",
	"unmet",
	"notYetMatched",
	"placedOutOfBorough",
	"placedOutOfLondon",
	"independentPlacements",
	"independentAnnualCost",
] as const;
/** Published DfE plans and their projection (estimates for a group; never suppressed). */
export const DEMAND_METRICS = [
	"plans",
	"specialistPlans",
	"forecast0",
	"forecast1",
	"forecast2",
	"forecastSpecialist0",
	"forecastSpecialist1",
	"forecastSpecialist2",
] as const;

export type ChildMetric = (typeof CHILD_METRICS)[number];
export type Metric =
	| (typeof SUPPLY_METRICS)[number]
	| ChildMetric
	| (typeof DEMAND_METRICS)[number];

/** A metric's total, and how much of it is the viewer's own borough's children. */
export interface Amount {
	n: number;
	own: number;
}
export type Cell = Record<Metric, Amount>;

const ALL: readonly Metric[] = [...SUPPLY_METRICS, ...CHILD_METRICS, ...DEMAND_METRICS];

export function emptyCell(): Cell {
	return Object.fromEntries(ALL.map((m) => [m, { n: 0, own: 0 }])) as Cell;
}

/** Cells keyed by the grouped dimensions' values ("ASD|aldcs-south"); "" when not grouped. */
export class CellTable {
	readonly cells = new Map<string, Cell>();

	constructor(
		private readonly groupBy: readonly Dimension[],
		/** The viewer's borough: its own children's share of a count is kept apart. */
		private readonly viewerLa: string | null,
	) {}

	/** Adds one fact; a fact in no area of the report's scope is left out. */
	add(dims: FactDims, metrics: Partial<Record<Metric, number>>, home?: string): void {
		if (dims.area.length === 0) return;
		const own = home !== undefined && home === this.viewerLa;
		for (const [key, weight] of cellsOf(this.groupBy, dims)) {
			let cell = this.cells.get(key);
			if (!cell) {
				cell = emptyCell();
				this.cells.set(key, cell);
			}
			for (const [m, value] of Object.entries(metrics) as [Metric, number][]) {
				cell[m].n += value * weight;
				if (own) cell[m].own += value * weight;
			}
		}
	}

	get(key: string): Cell {
		return this.cells.get(key) ?? emptyCell();
	}
}

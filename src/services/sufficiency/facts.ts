// Turns the loaded rows into facts: which need, phase and area each counts under, and for what.
import { ageOfYearGroup, type YearGroup } from "../../../schema/index.js";
import type {
	loadActivePlacements,
	loadCaseloadSeries,
	loadFreeVacancies,
	loadLatestProposals,
	loadPlansByAge,
	loadPlansByPlacementNeed,
	loadProvisionSupply,
	loadWaitingChildren,
} from "../../queries/sufficiency.js";
import type { CellTable } from "./cells.js";
import {
	type AreaScope,
	isSpecialistPlacement,
	once,
	phaseOfAge,
	phaseWeightsOfRange,
} from "./dimensions.js";
import { type Projection, projectPlans } from "./forecast.js";
import { phaseWeightsFrom } from "./phase-weights.js";

export { phaseWeightsFrom } from "./phase-weights.js";

type Rows<F extends (...args: never[]) => Promise<unknown[]>> = Awaited<ReturnType<F>>;

export interface SufficiencyData {
	provisions: Rows<typeof loadProvisionSupply>;
	vacancies: Rows<typeof loadFreeVacancies>;
	placements: Rows<typeof loadActivePlacements>;
	waiting: Rows<typeof loadWaitingChildren>;
	latestProposals: Rows<typeof loadLatestProposals>;
	caseload: Rows<typeof loadCaseloadSeries>;
	plans: Rows<typeof loadPlansByPlacementNeed>;
	plansByAge: Rows<typeof loadPlansByAge>;
}

/** Greater London's bounding box (WGS84): a setting outside it is out of London. */
export const GREATER_LONDON = { south: 51.2868, north: 51.6919, west: -0.5104, east: 0.334 };
export const isOutOfLondon = (lat: number, lon: number) =>
	lat < GREATER_LONDON.south ||
	lat > GREATER_LONDON.north ||
	lon < GREATER_LONDON.west ||
	lon > GREATER_LONDON.east;

/** A placement's annual cost to the public purse, whichever shape it was stored in. */
export function annualCostOf(stored: unknown): number {
	if (typeof stored === "number") return stored;
	if (!stored || typeof stored !== "object") return 0;
	const parts = stored as Record<string, unknown>;
	if (typeof parts.total === "number") return parts.total;
	return ["placeFunding", "topUp", "fee", "transport"].reduce(
		(sum, k) => sum + (typeof parts[k] === "number" ? (parts[k] as number) : 0),
		0,
	);
}

/** Each borough's projection from its own caseload series. */
export function projectBoroughs(caseload: SufficiencyData["caseload"]): Map<string, Projection> {
	const byBorough = new Map<string, { academicYear: string; plans: number }[]>();
	for (const r of caseload)
		byBorough.set(r.boroughCode, [...(byBorough.get(r.boroughCode) ?? []), r]);
	return new Map([...byBorough].map(([b, series]) => [b, projectPlans(series, 3)]));
}

/** Adds every fact to the table. */
export function addFacts(
	table: CellTable,
	data: SufficiencyData,
	scope: AreaScope,
	projections: Map<string, Projection>,
): void {
	const byId = new Map(data.provisions.map((p) => [p.id, p]));
	for (const p of data.provisions) {
		table.add(
			{
				need: once(p.needTypes),
				phase: phaseWeightsOfRange(p.ageMin, p.ageMax),
				area: once(scope.areasOf(p.borough)),
			},
			{ places: p.places },
		);
	}
	for (const v of data.vacancies) {
		const p = byId.get(v.provisionId);
		if (!p) continue;
		const phase = v.yearGroup
			? once([phaseOfAge(ageOfYearGroup(v.yearGroup as YearGroup))])
			: phaseWeightsOfRange(p.ageMin, p.ageMax);
		table.add(
			{ need: once(p.needTypes), phase, area: once(scope.areasOf(p.borough)) },
			{ vacant: v.count },
		);
	}
	for (const pl of data.placements) {
		const phase = once([phaseOfAge(pl.age)]);
		const provision = byId.get(pl.provisionId);
		// Supply side: a filled place counts where the provision is, under its designated needs.
		table.add(
			{
				need: once(provision?.needTypes ?? []),
				phase,
				area: once(scope.areasOf(pl.hostBorough)),
			},
			{ filled: 1 },
			pl.homeBorough,
		);
		// Demand side: where the child comes from, under its primary need.
		const independent = pl.level === "special_independent";
		table.add(
			{ need: once([pl.primaryNeed]), phase, area: once(scope.areasOf(pl.homeBorough)) },
			{
				placedOutOfBorough: pl.hostBorough !== pl.homeBorough ? 1 : 0,
				placedOutOfLondon: isOutOfLondon(pl.settingLat, pl.settingLon) ? 1 : 0,
				independentPlacements: independent ? 1 : 0,
				independentAnnualCost: independent ? annualCostOf(pl.annualCost) : 0,
			},
			pl.homeBorough,
		);
	}
	const unplaced = new Set(
		data.latestProposals.filter((p) => p.provisionId === null).map((p) => p.childId),
	);
	const matched = new Set(data.latestProposals.map((p) => p.childId));
	for (const c of data.waiting) {
		table.add(
			{
				need: once([c.primaryNeed]),
				phase: once([phaseOfAge(c.age)]),
				area: once(scope.areasOf(c.borough)),
			},
			{
				awaiting: 1,
				unmet: c.status === "awaiting" && unplaced.has(c.id) ? 1 : 0,
				notYetMatched: matched.has(c.id) ? 0 : 1,
			},
			c.borough,
		);
	}
	const phaseWeights = phaseWeightsFrom(data.plansByAge, data.plans);
	for (const r of data.plans) {
		const projection = projections.get(r.boroughCode);
		const ratio = (k: number) => {
			const base = projection?.base.plans ?? 0;
			return base > 0 ? (projection?.years[k]?.plans ?? base) / base : 1;
		};
		const specialist = isSpecialistPlacement(r.placement) ? r.plans : 0;
		table.add(
			{
				need: once([r.needCode]),
				phase: phaseWeights(r.boroughCode, r.placement),
				area: once(scope.areasOf(r.boroughCode)),
			},
			{
				plans: r.plans,
				specialistPlans: specialist,
				forecast0: r.plans * ratio(0),
				forecast1: r.plans * ratio(1),
				forecast2: r.plans * ratio(2),
				forecastSpecialist0: specialist * ratio(0),
				forecastSpecialist1: specialist * ratio(1),
				forecastSpecialist2: specialist * ratio(2),
			},
		);
	}
}

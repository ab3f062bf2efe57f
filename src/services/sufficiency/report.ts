// The commissioners' sufficiency report: supply, demand, gap and forecast by need, phase and area.
import { PHASE_FILTERS } from "../../../schema/index.js";
import type { Principal } from "../../auth/claims.js";
import type { Db } from "../../db/types.js";
import { listBoroughs, listNeedTypes, listPartnerships } from "../../queries/reference.js";
import {
	loadActivePlacements,
	loadCaseloadSeries,
	loadFreeVacancies,
	loadLatestProposals,
	loadPlansByAge,
	loadPlansByPlacementNeed,
	loadProvisionSupply,
	loadWaitingChildren,
} from "../../queries/sufficiency.js";
import { type Cell, CellTable, type ChildMetric } from "./cells.js";
import { type Dimension, resolveArea } from "./dimensions.js";
import { addFacts, projectBoroughs } from "./facts.js";
import { SUFFICIENCY_METHOD } from "./method.js";
import { suppressRows } from "./suppress.js";

export interface SufficiencyQuery {
	groupBy: Dimension[];
	area: string;
	/** ISO date: vacancies free on this day count as vacant. */
	today: string;
}

const PHASE_NAMES: Record<string, string> = {
	early_years: "Early years",
	primary: "Primary",
	secondary: "Secondary",
	post16: "Post-16",
};

export interface Keyed {
	code: string;
	name: string;
}

export interface SufficiencyFigures {
	places: number;
	vacant: number;
	filled: number | null;
	awaiting: number | null;
	unmet: number | null;
	notYetMatched: number | null;
	gap: number | null;
	placedOutOfBorough: number | null;
	placedOutOfLondon: number | null;
	independentPlacements: number | null;
	independentAnnualCost: number | null;
	plans: number;
	specialistPlans: number;
	forecast: { academicYear: string; plans: number; specialistPlans: number }[];
	suppressed: string[];
}
export type SufficiencyRow = Partial<Record<Dimension, Keyed>> & SufficiencyFigures;

/** A cell's figures as the viewer may see them. */
function figuresOf(cell: Cell, hidden: Set<ChildMetric>, years: string[]): SufficiencyFigures {
	const shown = (m: ChildMetric) => (hidden.has(m) ? null : Math.round(cell[m].n));
	const awaiting = shown("awaiting");
	const vacant = Math.round(cell.vacant.n);
	const suppressed: string[] = [...hidden];
	if (awaiting === null) suppressed.push("gap");
	// With no waiting child of the row in any finished run, "unmet" is not known yet, not zero.
	const unknown =
		awaiting !== null && awaiting > 0 && Math.round(cell.notYetMatched.n) === awaiting;
	const r = (m: keyof Cell) => Math.round(cell[m].n);
	return {
		places: r("places"),
		vacant,
		filled: shown("filled"),
		awaiting,
		unmet: unknown ? null : shown("unmet"),
		notYetMatched: shown("notYetMatched"),
		gap: awaiting === null ? null : awaiting - vacant,
		placedOutOfBorough: shown("placedOutOfBorough"),
		placedOutOfLondon: shown("placedOutOfLondon"),
		independentPlacements: shown("independentPlacements"),
		independentAnnualCost: shown("independentAnnualCost"),
		plans: r("plans"),
		specialistPlans: r("specialistPlans"),
		forecast: years.map((academicYear, k) => ({
			academicYear,
			plans: r(`forecast${k}` as keyof Cell),
			specialistPlans: r(`forecastSpecialist${k}` as keyof Cell),
		})),
		suppressed,
	};
}

/** Whether the unmet figures rest on a matching run yet, in words a reader can act on. */
function matchingBasis(latest: { childId: string; runId: string }[], waiting: number) {
	const runs = new Set(latest.map((p) => p.runId)).size;
	const note =
		runs === 0
			? `No matching run has finished yet, so unmet need is not known (null), not zero: ${waiting} children are waiting. Start one with POST /matching-runs.`
			: "Unmet counts waiting children whom the latest finished run that included them placed nowhere; children in no finished run are counted in notYetMatched, and a row whose waiting children are all unmatched shows unmet as null.";
	return { finishedRuns: runs, note };
}

/** Every combination of the grouped dimensions' values, in a stable order. */
function combinations(domains: Keyed[][]): Keyed[][] {
	return domains.reduce<Keyed[][]>(
		(acc, domain) => acc.flatMap((prefix) => domain.map((v) => [...prefix, v])),
		[[]],
	);
}

export async function buildSufficiencyReport(db: Db, principal: Principal, q: SufficiencyQuery) {
	const [boroughs, partnerships, needs] = await Promise.all([
		listBoroughs(db),
		listPartnerships(db),
		listNeedTypes(db),
	]);
	const scope = resolveArea(q.area, boroughs, partnerships);
	const data = {
		provisions: await loadProvisionSupply(db),
		vacancies: await loadFreeVacancies(db, { today: q.today }),
		placements: await loadActivePlacements(db),
		waiting: await loadWaitingChildren(db),
		latestProposals: await loadLatestProposals(db),
		caseload: await loadCaseloadSeries(db),
		plans: await loadPlansByPlacementNeed(db),
		plansByAge: await loadPlansByAge(db),
	};
	const projections = projectBoroughs(data.caseload);
	const years = [...projections.values()][0]?.years.map((y) => y.academicYear) ?? [];
	const exact = principal.role === "admin";
	const viewerLa = principal.la;

	const table = new CellTable(q.groupBy, viewerLa);
	addFacts(table, data, scope, projections);
	const totalsTable = new CellTable([], viewerLa);
	addFacts(totalsTable, data, scope, projections);

	const domains: Record<Dimension, Keyed[]> = {
		need: needs.map((n) => ({ code: n.code, name: n.label })),
		phase: PHASE_FILTERS.map((p) => ({ code: p, name: PHASE_NAMES[p] ?? p })),
		area: scope.areas,
	};
	const combos = combinations(q.groupBy.map((d) => domains[d]));
	const keys = combos.map((combo) => combo.map((k) => k.code));
	const cells = keys.map((key) => table.get(key.join("|")));
	const none = () => new Set<ChildMetric>();
	const hidden = exact ? cells.map(none) : suppressRows({ keys, cells });
	const totalCell = totalsTable.get("");
	const totalHidden = exact
		? none()
		: (suppressRows({ keys: [[]], cells: [totalCell] })[0] ?? none());

	const rows: SufficiencyRow[] = combos.map((combo, i) => ({
		...Object.fromEntries(q.groupBy.map((d, j) => [d, combo[j]])),
		...figuresOf(cells[i] as Cell, hidden[i] ?? none(), years),
	}));
	return {
		groupBy: q.groupBy,
		area: { param: scope.param, kind: scope.kind },
		asOf: q.today,
		latestCensus: [...projections.values()][0]?.base.academicYear ?? null,
		viewer: { role: principal.role, la: viewerLa, exact },
		rows,
		totals: figuresOf(totalCell, totalHidden, years),
		matching: matchingBasis(data.latestProposals, data.waiting.length),
		method: SUFFICIENCY_METHOD,
	};
}

export type SufficiencyReport = Awaited<ReturnType<typeof buildSufficiencyReport>>;

import { and, asc, desc, eq, gt, inArray, isNull, lte, or, sql } from "drizzle-orm";
import {
	caseloadSeries,
	children,
	matchingRuns,
	placements,
	plansByAge,
	plansByPlacementNeed,
	proposals,
	provisions,
	settings,
	vacancies,
} from "../../schema/index.js";
import type { Db, Executor } from "../db/types.js";
import { localWriteGeneration } from "../db/write-generation.js";
import { needTypesOfProvision } from "./columns.js";

/** Every provision with its setting's borough, ages, places and designated need types. */
export async function loadProvisionSupply(db: Executor) {
	return db
		.select({
			id: provisions.id,
			borough: settings.boroughCode,
			level: provisions.level,
			ageMin: provisions.ageMin,
			ageMax: provisions.ageMax,
			places: provisions.places,
			needTypes: needTypesOfProvision,
		})
		.from(provisions)
		.innerJoin(settings, eq(settings.urn, provisions.settingUrn))
		.where(isNull(settings.closedOn)) // a closed setting is kept, but is no longer supply
		.orderBy(asc(provisions.id));
}

/** Published vacancies free on `today` (no date, or a date not after it). */
export async function loadFreeVacancies(db: Executor, params: { today: string }) {
	return db
		.select({
			provisionId: vacancies.provisionId,
			yearGroup: vacancies.yearGroup,
			count: vacancies.count,
		})
		.from(vacancies)
		.where(
			and(
				gt(vacancies.count, 0),
				or(isNull(vacancies.availableFrom), lte(vacancies.availableFrom, params.today)),
			),
		);
}

/** Active placements with the child's need and age and where the setting stands. */
export async function loadActivePlacements(db: Executor) {
	return db
		.select({
			provisionId: placements.provisionId,
			homeBorough: placements.homeBorough,
			hostBorough: placements.hostBorough,
			annualCost: placements.annualCost,
			primaryNeed: children.primaryNeed,
			age: children.age,
			level: provisions.level,
			settingLat: settings.lat,
			settingLon: settings.lon,
		})
		.from(placements)
		.innerJoin(children, eq(children.id, placements.childId))
		.innerJoin(provisions, eq(provisions.id, placements.provisionId))
		.innerJoin(settings, eq(settings.urn, provisions.settingUrn))
		.where(eq(placements.status, "active"));
}

/** Children still waiting for a place (awaiting or in consultation). */
export async function loadWaitingChildren(db: Executor) {
	return db
		.select({
			id: children.id,
			borough: children.boroughCode,
			primaryNeed: children.primaryNeed,
			age: children.age,
			status: children.status,
		})
		.from(children)
		.where(inArray(children.status, ["awaiting", "consulting"]));
}

/**
 * For each child in any finished run: its proposal in the latest finished run that included it
 * (by `finished_at`). `provisionId` null means that run left the child unplaced.
 */
export async function loadLatestProposals(db: Executor) {
	return db
		.selectDistinctOn([proposals.childId], {
			childId: proposals.childId,
			provisionId: proposals.provisionId,
			runId: proposals.runId,
		})
		.from(proposals)
		.innerJoin(matchingRuns, eq(matchingRuns.id, proposals.runId))
		.where(eq(matchingRuns.status, "done"))
		.orderBy(
			asc(proposals.childId),
			sql`${matchingRuns.finishedAt} desc nulls last`,
			desc(matchingRuns.createdAt),
		);
}

/** The DfE caseload series of every borough. */
export async function loadCaseloadSeries(db: Executor) {
	return db
		.select()
		.from(caseloadSeries)
		.orderBy(asc(caseloadSeries.boroughCode), asc(caseloadSeries.academicYear));
}

/** Plans by placement type and primary need, January 2025, every borough. */
export async function loadPlansByPlacementNeed(db: Executor) {
	return db.select().from(plansByPlacementNeed);
}

/** Plans by placement type and age, January 2025, every borough (how placements spread over phases). */
export async function loadPlansByAge(db: Executor) {
	return db.select().from(plansByAge);
}

/**
 * A fingerprint of everything the sufficiency report reads besides the supply (children,
 * placements, finished runs, the demand series and the reference lists): it changes with any
 * committed change to them. Children are many, so only the columns the report uses are hashed.
 */
export async function demandKey(db: Db): Promise<string> {
	const local = localWriteGeneration(db, "demand");
	if (local !== undefined) return `local:${local}`;
	const whole = (table: string) =>
		sql.raw(`(select count(*) || '/' || coalesce(sum(hashtext(t::text)), 0) from ${table} t)`);
	const [row] = await db
		.select({
			k: sql<string>`concat_ws(':',
				(select count(*) || '/' || coalesce(sum(hashtext(id::text || status || primary_need || age::text || borough_code)), 0) from child),
				${whole("placement")},
				(select count(*) || '/' || coalesce(max(finished_at)::text, '') from matching_run where status = 'done'),
				${whole("caseload_series")}, ${whole("plans_by_placement_need")}, ${whole("plans_by_age")},
				${whole("borough")}, ${whole("partnership")}, ${whole("partnership_member")}, ${whole("need_type")})`,
		})
		.from(sql`(select 1) as one`);
	return row?.k ?? "";
}

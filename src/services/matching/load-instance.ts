import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { children, provisions, settings, vacancies } from "../../../schema/index.js";
import type { Child as SolverChild, Provision as SolverProvision } from "../../../solver/index.js";
import type { Executor } from "../../db/types.js";
import { needTypesOfProvision, qualified } from "../../queries/columns.js";
import type { ChildRow } from "../children.js";
import type { Policy } from "../policy.js";

/** A provision as the service knows it: the solver's fields plus what the API shows. */
export interface ProvisionInfo extends SolverProvision {
	settingName: string;
	/** The provision's code within its setting (the solver's id is the database id). */
	code: string;
	/** Places free now (published vacancies with no date or a date on or before today). */
	freeNow: number;
	/** Places published as free from a later date, and the earliest such date. */
	freeLater: number;
	earliestFrom: string | null;
	places: number;
}

/** Every provision with its setting, designations and vacancy state, as the matcher takes them. */
export async function loadProvisions(db: Executor, today: string): Promise<ProvisionInfo[]> {
	const rows = await db
		.select({
			id: provisions.id,
			code: provisions.code,
			urn: settings.urn,
			settingName: settings.name,
			s41Approved: settings.s41Approved,
			borough: settings.boroughCode,
			level: provisions.level,
			ageMin: provisions.ageMin,
			ageMax: provisions.ageMax,
			places: provisions.places,
			lat: settings.lat,
			lon: settings.lon,
			placeFunding: provisions.placeFunding,
			topUp: provisions.topUp,
			fee: provisions.fee,
			needTypes: needTypesOfProvision,
			freeNow: sql<number>`coalesce((select sum(${vacancies.count}) from ${vacancies} where ${vacancies.provisionId} = ${qualified(provisions.id)} and (${vacancies.availableFrom} is null or ${vacancies.availableFrom} <= ${today})), 0)::int`,
			freeLater: sql<number>`coalesce((select sum(${vacancies.count}) from ${vacancies} where ${vacancies.provisionId} = ${qualified(provisions.id)} and ${vacancies.availableFrom} > ${today}), 0)::int`,
			earliestFrom: sql<
				string | null
			>`(select min(${vacancies.availableFrom})::text from ${vacancies} where ${vacancies.provisionId} = ${qualified(provisions.id)} and ${vacancies.availableFrom} > ${today} and ${vacancies.count} > 0)`,
		})
		.from(provisions)
		.innerJoin(settings, eq(settings.urn, provisions.settingUrn))
		// A setting the register says closed is kept, but offers no place.
		.where(isNull(settings.closedOn))
		.orderBy(provisions.id);
	return rows.map((r) => ({
		id: String(r.id),
		settingUrn: String(r.urn),
		settingName: r.settingName,
		borough: r.borough,
		level: r.level,
		needTypes: r.needTypes,
		ageMin: r.ageMin,
		ageMax: r.ageMax,
		capacity: Number(r.freeNow),
		lat: r.lat,
		lon: r.lon,
		cost: { placeFunding: r.placeFunding, topUp: r.topUp, fee: r.fee },
		s41Approved: r.s41Approved,
		freeNow: Number(r.freeNow),
		freeLater: Number(r.freeLater),
		earliestFrom: r.earliestFrom,
		places: r.places,
		code: r.code,
	}));
}

/** Just the matcher's fields of a provision (the solver's input is exactly its Provision type). */
export function toSolverProvision(p: ProvisionInfo): SolverProvision {
	const {
		settingName: _n,
		code: _c,
		freeNow: _f,
		freeLater: _l,
		earliestFrom: _e,
		places: _p,
		...solverFields
	} = p;
	return solverFields;
}

/** A child record as the matcher takes it (pseudonymous id, plan level expanded to provision levels). */
export function toSolverChild(c: ChildRow, policy: Policy): SolverChild {
	return {
		id: c.id,
		borough: c.boroughCode,
		primaryNeed: c.primaryNeed as SolverChild["primaryNeed"],
		age: c.age,
		levels: policy.planLevels[c.planLevel] ?? [],
		lat: c.homeLat,
		lon: c.homeLon,
		maxJourneyMinutes: c.maxJourneyMinutes,
		preferences: c.preferences.map(String),
		referralOrder: c.referredAt.getTime(),
	};
}

/** Children awaiting a place in the given boroughs, or exactly the given ids within them. */
export async function loadChildren(
	db: Executor,
	boroughs: string[],
	ids?: string[],
): Promise<ChildRow[]> {
	const where = ids
		? and(inArray(children.id, ids), inArray(children.boroughCode, boroughs))
		: and(inArray(children.boroughCode, boroughs), eq(children.status, "awaiting"));
	return db.select().from(children).where(where).orderBy(children.referredAt, children.id);
}

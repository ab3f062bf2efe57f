import { and, asc, count, eq, gt, gte, isNull, lte, or, type SQL } from "drizzle-orm";
import {
	PHASE_AGES,
	type PhaseFilter,
	provisions,
	settings,
	vacancies,
	vacancyEvents,
} from "../../schema/index.js";
import type { Executor } from "../db/types.js";
import { needTypesOfProvision, provisionDesignatedFor } from "./columns.js";

export interface VacancyFilter {
	need?: string;
	phase?: PhaseFilter;
	level?: string;
	borough?: string;
	/** Only places free on or before this date (ISO). */
	availableBy?: string;
	limit: number;
	offset: number;
}

/** Published vacancies with at least one free place, newest first within a stable order. */
export async function listVacancies(db: Executor, f: VacancyFilter) {
	const conditions: (SQL | undefined)[] = [gt(vacancies.count, 0), isNull(settings.closedOn)];
	if (f.need) {
		conditions.push(provisionDesignatedFor(f.need));
	}
	if (f.level) conditions.push(eq(provisions.level, f.level));
	if (f.borough) conditions.push(eq(settings.boroughCode, f.borough));
	if (f.phase) {
		const [lo, hi] = PHASE_AGES[f.phase];
		conditions.push(lte(provisions.ageMin, hi), gte(provisions.ageMax, lo));
	}
	if (f.availableBy)
		conditions.push(
			or(isNull(vacancies.availableFrom), lte(vacancies.availableFrom, f.availableBy)),
		);
	const where = and(...conditions);
	const base = () =>
		db
			.select({
				urn: settings.urn,
				settingName: settings.name,
				borough: settings.boroughCode,
				provision: provisions.code,
				level: provisions.level,
				ageMin: provisions.ageMin,
				ageMax: provisions.ageMax,
				places: provisions.places,
				needTypes: needTypesOfProvision,
				yearGroup: vacancies.yearGroup,
				count: vacancies.count,
				availableFrom: vacancies.availableFrom,
				version: vacancies.version,
				updatedAt: vacancies.updatedAt,
			})
			.from(vacancies)
			.innerJoin(provisions, eq(provisions.id, vacancies.provisionId))
			.innerJoin(settings, eq(settings.urn, provisions.settingUrn));
	const [total] = await db
		.select({ n: count() })
		.from(vacancies)
		.innerJoin(provisions, eq(provisions.id, vacancies.provisionId))
		.innerJoin(settings, eq(settings.urn, provisions.settingUrn))
		.where(where);
	const items = await base()
		.where(where)
		.orderBy(
			asc(settings.boroughCode),
			asc(settings.urn),
			asc(provisions.code),
			asc(vacancies.yearGroup),
		)
		.limit(f.limit)
		.offset(f.offset);
	return { total: total?.n ?? 0, items };
}

/** Vacancy changes after `since` (exclusive), in feed order. */
export async function listVacancyChanges(db: Executor, since: number, limit: number) {
	return db
		.select({
			seq: vacancyEvents.seq,
			urn: provisions.settingUrn,
			provision: provisions.code,
			borough: settings.boroughCode,
			yearGroup: vacancyEvents.yearGroup,
			count: vacancyEvents.count,
			previousCount: vacancyEvents.previousCount,
			availableFrom: vacancyEvents.availableFrom,
			source: vacancyEvents.source,
			at: vacancyEvents.createdAt,
		})
		.from(vacancyEvents)
		.innerJoin(provisions, eq(provisions.id, vacancyEvents.provisionId))
		.innerJoin(settings, eq(settings.urn, provisions.settingUrn))
		.where(gt(vacancyEvents.seq, since))
		.orderBy(asc(vacancyEvents.seq))
		.limit(limit);
}

import { and, asc, eq } from "drizzle-orm";
import { provisions, settings, vacancies } from "../../schema/index.js";
import type { Executor } from "../db/types.js";

export interface GridRow {
	urn: number;
	settingName: string;
	provision: string;
	provisionName: string;
	level: string;
	places: number;
	yearGroup: string | null;
	count: number;
	availableFrom: string | null;
	updatedAt: Date | null;
	updatedBy: string | null;
}

/**
 * Every provision of a borough with each of its published vacancy slots (a whole-provision slot
 * with no year group, and any per year group); a provision with none shows one empty slot at 0.
 */
export async function findBoroughVacancySlots(db: Executor, borough: string): Promise<GridRow[]> {
	const rows = await db
		.select({
			urn: settings.urn,
			settingName: settings.name,
			provision: provisions.code,
			provisionName: provisions.name,
			level: provisions.level,
			places: provisions.places,
			yearGroup: vacancies.yearGroup,
			count: vacancies.count,
			availableFrom: vacancies.availableFrom,
			updatedAt: vacancies.updatedAt,
			updatedBy: vacancies.updatedBy,
		})
		.from(provisions)
		.innerJoin(settings, eq(settings.urn, provisions.settingUrn))
		.leftJoin(vacancies, eq(vacancies.provisionId, provisions.id))
		.where(and(eq(settings.boroughCode, borough)))
		.orderBy(asc(settings.name), asc(settings.urn), asc(provisions.code), asc(vacancies.yearGroup));
	return rows.map((r) => ({ ...r, count: r.count ?? 0 }));
}

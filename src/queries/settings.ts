import {
	and,
	asc,
	count,
	eq,
	exists,
	gte,
	inArray,
	isNull,
	lte,
	or,
	type SQL,
	sql,
} from "drizzle-orm";
import {
	PHASE_AGES,
	type PhaseFilter,
	provisionNeedTypes,
	provisions,
	settings,
	vacancies,
} from "../../schema/index.js";
import type { Executor } from "../db/types.js";
import { provisionDesignatedFor, qualified } from "./columns.js";

export interface SettingFilter {
	borough?: string;
	need?: string;
	phase?: PhaseFilter;
	level?: string;
	/** Vacancies free on this day (ISO) count as free now. */
	today: string;
	limit: number;
	offset: number;
}

/** Conditions on a provision row: designated for the need, of the level, serving the phase. */
function provisionMatches(f: SettingFilter): SQL | undefined {
	const conditions: (SQL | undefined)[] = [];
	if (f.need) {
		conditions.push(provisionDesignatedFor(f.need));
	}
	if (f.level) conditions.push(eq(provisions.level, f.level));
	if (f.phase) {
		const [lo, hi] = PHASE_AGES[f.phase];
		conditions.push(lte(provisions.ageMin, hi), gte(provisions.ageMax, lo));
	}
	return and(...conditions);
}

export async function listSettings(db: Executor, f: SettingFilter) {
	const where = and(
		isNull(settings.closedOn),
		f.borough ? eq(settings.boroughCode, f.borough) : undefined,
		exists(
			db
				.select({ one: sql`1` })
				.from(provisions)
				.where(and(eq(provisions.settingUrn, qualified(settings.urn)), provisionMatches(f))),
		),
	);
	const [totalRow] = await db.select({ n: count() }).from(settings).where(where);
	const page = await db
		.select()
		.from(settings)
		.where(where)
		.orderBy(asc(settings.boroughCode), asc(settings.name), asc(settings.urn))
		.limit(f.limit)
		.offset(f.offset);
	const summaries = await summariseSettings(
		db,
		page.map((s) => s.urn),
		f.today,
	);
	return {
		total: totalRow?.n ?? 0,
		items: page.map((s) => ({ setting: s, summary: summaries.get(s.urn) })),
	};
}

/**
 * Per setting: provisions, commissioned places, places free on `today`, levels and need types,
 * each aggregated over its own table and grouped by setting (no per-row subquery).
 */
async function summariseSettings(db: Executor, urns: number[], today: string) {
	const out = new Map<
		number,
		{ provisions: number; places: number; vacant: number; levels: string[]; needTypes: string[] }
	>();
	if (urns.length === 0) return out;
	const [provisionRows, vacantRows, needRows] = await Promise.all([
		db
			.select({
				urn: provisions.settingUrn,
				provisions: sql<number>`count(*)::int`,
				places: sql<number>`coalesce(sum(${provisions.places}), 0)::int`,
				levels: sql<string[]>`array_agg(distinct ${provisions.level} order by ${provisions.level})`,
			})
			.from(provisions)
			.where(inArray(provisions.settingUrn, urns))
			.groupBy(provisions.settingUrn),
		db
			.select({
				urn: provisions.settingUrn,
				vacant: sql<number>`coalesce(sum(${vacancies.count}), 0)::int`,
			})
			.from(vacancies)
			.innerJoin(provisions, eq(provisions.id, vacancies.provisionId))
			.where(
				and(
					inArray(provisions.settingUrn, urns),
					or(isNull(vacancies.availableFrom), lte(vacancies.availableFrom, today)),
				),
			)
			.groupBy(provisions.settingUrn),
		db
			.select({
				urn: provisions.settingUrn,
				needTypes: sql<
					string[]
				>`array_agg(distinct ${provisionNeedTypes.needCode} order by ${provisionNeedTypes.needCode})`,
			})
			.from(provisionNeedTypes)
			.innerJoin(provisions, eq(provisions.id, provisionNeedTypes.provisionId))
			.where(inArray(provisions.settingUrn, urns))
			.groupBy(provisions.settingUrn),
	]);
	const vacant = new Map(vacantRows.map((r) => [r.urn, Number(r.vacant)]));
	const needs = new Map(needRows.map((r) => [r.urn, r.needTypes]));
	for (const r of provisionRows) {
		out.set(r.urn, {
			provisions: Number(r.provisions),
			places: Number(r.places),
			vacant: vacant.get(r.urn) ?? 0,
			levels: r.levels,
			needTypes: needs.get(r.urn) ?? [],
		});
	}
	return out;
}

export async function getSetting(db: Executor, urn: number) {
	const [setting] = await db.select().from(settings).where(eq(settings.urn, urn));
	if (!setting) return undefined;
	const provisionRows = await db
		.select()
		.from(provisions)
		.where(eq(provisions.settingUrn, urn))
		.orderBy(asc(provisions.code));
	const ids = provisionRows.map((p) => p.id);
	const [needRows, vacancyRows] = ids.length
		? await Promise.all([
				db.select().from(provisionNeedTypes).where(inArray(provisionNeedTypes.provisionId, ids)),
				db
					.select()
					.from(vacancies)
					.where(inArray(vacancies.provisionId, ids))
					.orderBy(asc(vacancies.yearGroup)),
			])
		: [[], []];
	return {
		setting,
		provisions: provisionRows.map((p) => ({
			provision: p,
			needTypes: needRows
				.filter((n) => n.provisionId === p.id)
				.map((n) => n.needCode)
				.sort(),
			vacancies: vacancyRows.filter((v) => v.provisionId === p.id),
		})),
	};
}

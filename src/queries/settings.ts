import { and, asc, count, eq, exists, gte, inArray, lte, type SQL, sql } from "drizzle-orm";
import {
	PHASE_AGES,
	type PhaseFilter,
	provisionNeedTypes,
	provisions,
	settings,
	vacancies,
} from "../../schema/index.js";
import type { Executor } from "../db/types.js";

export interface SettingFilter {
	borough?: string;
	need?: string;
	phase?: PhaseFilter;
	level?: string;
	limit: number;
	offset: number;
}

/** Conditions on a provision row: designated for the need, of the level, serving the phase. */
function provisionMatches(f: SettingFilter): SQL | undefined {
	const conditions: (SQL | undefined)[] = [];
	if (f.need) {
		conditions.push(
			sql`exists (select 1 from ${provisionNeedTypes} where ${provisionNeedTypes.provisionId} = ${provisions.id} and ${provisionNeedTypes.needCode} = ${f.need})`,
		);
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
		f.borough ? eq(settings.boroughCode, f.borough) : undefined,
		exists(
			db
				.select({ one: sql`1` })
				.from(provisions)
				.where(and(eq(provisions.settingUrn, settings.urn), provisionMatches(f))),
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
	);
	return {
		total: totalRow?.n ?? 0,
		items: page.map((s) => ({ setting: s, summary: summaries.get(s.urn) })),
	};
}

/** Per setting: provisions, commissioned places, places free now, levels and need types. */
async function summariseSettings(db: Executor, urns: number[]) {
	const out = new Map<
		number,
		{ provisions: number; places: number; vacant: number; levels: string[]; needTypes: string[] }
	>();
	if (urns.length === 0) return out;
	const rows = await db
		.select({
			urn: provisions.settingUrn,
			provisions: sql<number>`count(*)::int`,
			places: sql<number>`coalesce(sum(${provisions.places}), 0)::int`,
			vacant: sql<number>`coalesce(sum((select coalesce(sum(${vacancies.count}), 0) from ${vacancies} where ${vacancies.provisionId} = ${provisions.id} and (${vacancies.availableFrom} is null or ${vacancies.availableFrom} <= current_date))), 0)::int`,
			levels: sql<string[]>`array_agg(distinct ${provisions.level})`,
			needTypes: sql<
				string[]
			>`coalesce((select array_agg(distinct pn.need_code order by pn.need_code) from ${provisionNeedTypes} pn join ${provisions} p2 on p2.id = pn.provision_id where p2.setting_urn = ${provisions.settingUrn}), '{}')`,
		})
		.from(provisions)
		.where(inArray(provisions.settingUrn, urns))
		.groupBy(provisions.settingUrn);
	for (const r of rows) {
		out.set(r.urn, {
			provisions: Number(r.provisions),
			places: Number(r.places),
			vacant: Number(r.vacant),
			levels: [...r.levels].sort(),
			needTypes: r.needTypes,
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

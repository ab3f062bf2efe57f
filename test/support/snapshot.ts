import { count, sql } from "drizzle-orm";
import {
	auditEvents,
	idempotencyKeys,
	provisionNeedTypes,
	provisions,
	settings,
	vacancies,
	vacancyEvents,
} from "../../schema/index.js";
import type { Db } from "../../src/db/types.js";

const tables = {
	settings,
	provisions,
	provisionNeedTypes,
	vacancies,
	vacancyEvents,
	auditEvents,
	idempotencyKeys,
};
export type Counts = Record<keyof typeof tables | "vacancyTotal", number>;

/** Row counts of the registry's tables (and the places published): compare before and after. */
export async function registryCounts(db: Db): Promise<Counts> {
	const out = {} as Counts;
	for (const name of Object.keys(tables) as (keyof typeof tables)[]) {
		const [row] = await db.select({ n: count() }).from(tables[name]);
		out[name] = row?.n ?? 0;
	}
	const [sum] = await db
		.select({ n: sql<number>`coalesce(sum(${vacancies.count}), 0)::int` })
		.from(vacancies);
	out.vacancyTotal = Number(sum?.n ?? 0);
	return out;
}

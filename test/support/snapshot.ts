import { count } from "drizzle-orm";
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

/** Row counts of the registry's tables: compare before and after to prove nothing changed. */
export async function registryCounts(db: Db): Promise<Record<string, number>> {
	const tables = {
		settings,
		provisions,
		provisionNeedTypes,
		vacancies,
		vacancyEvents,
		auditEvents,
		idempotencyKeys,
	};
	const out: Record<string, number> = {};
	for (const [name, table] of Object.entries(tables)) {
		const [row] = await db.select({ n: count() }).from(table);
		out[name] = row?.n ?? 0;
	}
	const [sum] = await db.select({ n: count() }).from(vacancies);
	out.vacancyRows = sum?.n ?? 0;
	return out;
}

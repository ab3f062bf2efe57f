import { and, count, desc, eq, like, or, type SQL, sql } from "drizzle-orm";
import { auditEvents } from "../../schema/index.js";
import type { AuditFilterT } from "../contracts/audit-filter.js";
import type { Executor } from "../db/types.js";

export type AuditEventRow = typeof auditEvents.$inferSelect;

/** `consultation` finds consultation.open, consultation.answer, …: LIKE's own characters are escaped. */
const prefix = (value: string) => `${value.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

/** A London calendar day's first instant (so a day in summer starts at 23:00 UTC the day before). */
const londonMidnight = (day: string) =>
	sql`((${day})::date)::timestamp at time zone 'Europe/London'`;

function whereOf(f: AuditFilterT): SQL | undefined {
	return and(
		f.borough ? eq(auditEvents.boroughCode, f.borough) : undefined,
		f.role ? eq(auditEvents.role, f.role) : undefined,
		f.action ? like(auditEvents.action, prefix(f.action)) : undefined,
		f.recordType ? eq(auditEvents.entityType, f.recordType) : undefined,
		f.recordId ? eq(auditEvents.entityId, f.recordId) : undefined,
		f.from ? sql`${auditEvents.at} >= ${londonMidnight(f.from)}` : undefined,
		f.to ? sql`${auditEvents.at} < ${londonMidnight(f.to)} + interval '1 day'` : undefined,
	);
}

/** Audit events matching the filter, newest first, with how many match in all. */
export async function findAuditEvents(
	db: Executor,
	f: AuditFilterT,
	page: { limit: number; offset: number },
): Promise<{ total: number; items: AuditEventRow[] }> {
	const where = whereOf(f);
	const [total] = await db.select({ n: count() }).from(auditEvents).where(where);
	const items = await db
		.select()
		.from(auditEvents)
		.where(where)
		.orderBy(desc(auditEvents.at), desc(auditEvents.id))
		.limit(page.limit)
		.offset(page.offset);
	return { total: total?.n ?? 0, items };
}

/**
 * The latest recorded change to a setting, one of its provisions or their vacancies: who made it
 * and when (provision events are keyed `urn/code`).
 */
export async function latestSettingChange(db: Executor, urn: number) {
	const [row] = await db
		.select({
			at: auditEvents.at,
			actor: auditEvents.actor,
			role: auditEvents.role,
			boroughCode: auditEvents.boroughCode,
			action: auditEvents.action,
			entityId: auditEvents.entityId,
		})
		.from(auditEvents)
		.where(
			or(
				and(eq(auditEvents.entityType, "setting"), eq(auditEvents.entityId, String(urn))),
				// A URN is digits only: nothing in the prefix needs escaping.
				and(eq(auditEvents.entityType, "provision"), like(auditEvents.entityId, `${urn}/%`)),
			),
		)
		.orderBy(desc(auditEvents.at), desc(auditEvents.id))
		.limit(1);
	return row;
}

import { and, asc, between, count, eq, exists, getTableColumns, ilike, lt, sql } from "drizzle-orm";
import { children, consultations, PHASE_AGES, type PhaseFilter } from "../../schema/index.js";
import type { Db } from "../db/types.js";
import { type Actor, audit } from "./audit.js";
import { homeBoroughOf } from "./children.js";
import { isoDay } from "./matching/params.js";

export interface ChildFilter {
	status?: string;
	need?: string;
	yearGroup?: string;
	phase?: PhaseFilter;
	/** "true": only children with an open consultation past its due date. */
	overdue?: "true" | "false";
	/** Part of a case reference, any case. */
	q?: string;
	limit: number;
	offset: number;
}

/** The panel's own children, filtered; the list read is audited with the ids it showed. */
export async function listChildren(db: Db, actor: Actor, f: ChildFilter, now: Date) {
	const borough = homeBoroughOf(actor.principal);
	const ages = f.phase ? PHASE_AGES[f.phase] : undefined;
	const overdue = db
		.select({ one: sql`1` })
		.from(consultations)
		.where(
			and(
				eq(consultations.childId, children.id),
				eq(consultations.status, "open"),
				lt(consultations.dueAt, isoDay(now)),
			),
		);
	const where = and(
		eq(children.boroughCode, borough),
		f.status ? eq(children.status, f.status) : undefined,
		f.need ? eq(children.primaryNeed, f.need) : undefined,
		f.yearGroup ? eq(children.yearGroup, f.yearGroup) : undefined,
		ages ? between(children.age, ages[0], ages[1]) : undefined,
		f.overdue === "true" ? exists(overdue) : undefined,
		// The search text is a case-reference fragment: escape LIKE's wildcards in it.
		f.q ? ilike(children.caseRef, `%${f.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`) : undefined,
	);
	// One query gives the page and the number of matches (a window count); only a page past the
	// end, which has no row to carry it, counts again.
	const rows = await db
		.select({
			child: getTableColumns(children),
			total: sql<number>`count(*) over ()`.mapWith(Number),
		})
		.from(children)
		.where(where)
		.orderBy(asc(children.referredAt), asc(children.caseRef))
		.limit(f.limit)
		.offset(f.offset);
	const items = rows.map((r) => r.child);
	const total =
		rows[0]?.total ??
		(f.offset > 0 ? ((await db.select({ n: count() }).from(children).where(where))[0]?.n ?? 0) : 0);
	await audit(db, actor, {
		action: "child.list",
		entityType: "child",
		entityId: `borough:${borough}`,
		after: { filter: f, ids: items.map((c) => c.id) },
	});
	return { total, items };
}

import { and, asc, count, eq, lt, type SQL } from "drizzle-orm";
import { children, consultations, provisions, settings } from "../../schema/index.js";
import type { Principal } from "../auth/claims.js";
import type { Db, Executor } from "../db/types.js";
import { ApiError } from "../http/problem.js";
import { type Actor, audit } from "../services/audit.js";
import type { ChildRow } from "../services/children.js";

export type ConsultationRow = typeof consultations.$inferSelect;
export interface ConsultationView {
	c: ConsultationRow;
	child: ChildRow;
	setting: typeof settings.$inferSelect;
	provision: typeof provisions.$inferSelect;
}

/** Who may read which consultations: a panel its borough's, a setting those addressed to it. */
export function readerScope(p: Principal): SQL {
	if (p.role === "panel" && p.la) return eq(consultations.homeBorough, p.la);
	if (p.role === "setting" && p.urn) return eq(consultations.settingUrn, p.urn);
	throw new ApiError("forbidden", "only a panel or the consulted setting reads consultations");
}

export function views(tx: Executor, where: SQL | undefined) {
	return tx
		.select({ c: consultations, child: children, setting: settings, provision: provisions })
		.from(consultations)
		.innerJoin(children, eq(children.id, consultations.childId))
		.innerJoin(provisions, eq(provisions.id, consultations.provisionId))
		.innerJoin(settings, eq(settings.urn, consultations.settingUrn))
		.where(where)
		.orderBy(asc(consultations.dueAt), asc(consultations.sentAt), asc(consultations.id))
		.$dynamic();
}

export async function viewOf(tx: Executor, id: string): Promise<ConsultationView> {
	const [v] = await views(tx, eq(consultations.id, id));
	if (!v) throw new Error(`consultation ${id} vanished`);
	return v;
}

export interface ConsultationFilter {
	status?: string;
	overdue?: "true" | "false";
	childId?: string;
	limit: number;
	offset: number;
}

export async function listConsultations(
	db: Db,
	actor: Actor,
	f: ConsultationFilter,
	today: string,
) {
	const where = and(
		readerScope(actor.principal),
		f.status ? eq(consultations.status, f.status) : undefined,
		f.childId ? eq(consultations.childId, f.childId) : undefined,
		f.overdue === "true"
			? and(eq(consultations.status, "open"), lt(consultations.dueAt, today))
			: undefined,
	);
	return db.transaction(async (tx) => {
		const [total] = await tx.select({ n: count() }).from(consultations).where(where);
		const items = await views(tx, where).limit(f.limit).offset(f.offset);
		await audit(tx, actor, {
			action: "consultation.list",
			entityType: "consultation",
			entityId:
				actor.principal.role === "panel"
					? `borough:${actor.principal.la}`
					: `urn:${actor.principal.urn}`,
			after: { filter: f, ids: items.map((v) => v.c.id) },
		});
		return { total: total?.n ?? 0, items };
	});
}

export async function readConsultation(db: Db, actor: Actor, id: string) {
	return db.transaction(async (tx) => {
		const [v] = await views(tx, and(eq(consultations.id, id), readerScope(actor.principal)));
		if (!v) throw new ApiError("not_found", `no consultation ${id} visible to you`);
		await audit(tx, actor, {
			action: "consultation.read",
			entityType: "consultation",
			entityId: id,
		});
		return v;
	});
}

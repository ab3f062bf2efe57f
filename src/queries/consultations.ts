import { and, asc, count, eq, lt, type SQL } from "drizzle-orm";
import {
	children,
	consultations,
	matchingRuns,
	proposals,
	provisionNeedTypes,
	provisions,
	settings,
} from "../../schema/index.js";
import type { Principal } from "../auth/claims.js";
import type { Db, Executor, Tx } from "../db/types.js";
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

/**
 * Locks a child's row. Every write to a child's consultations or placements takes it first, so
 * such writes queue per child and can never deadlock on each other's rows.
 */
export async function lockChild(tx: Tx, childId: string) {
	const [child] = await tx.select().from(children).where(eq(children.id, childId)).for("update");
	if (!child) throw new Error(`child ${childId} vanished`);
	return child;
}

/** Locks (child first) a consultation the caller may act on; anything else is 404, so existence does not leak. */
export async function lockConsultation(tx: Tx, where: SQL, id: string) {
	const [peek] = await tx
		.select({ childId: consultations.childId })
		.from(consultations)
		.where(and(eq(consultations.id, id), where));
	if (!peek) throw new ApiError("not_found", `no consultation ${id} visible to you`);
	const child = await lockChild(tx, peek.childId);
	const [row] = await tx.select().from(consultations).where(eq(consultations.id, id)).for("update");
	if (!row) throw new Error(`consultation ${id} vanished`);
	return { row, child };
}

/** A matching run's proposal for one of the borough's children (undefined: none visible). */
export async function findBoroughProposal(tx: Executor, params: { id: string; borough: string }) {
	const [row] = await tx
		.select({ p: proposals })
		.from(proposals)
		.innerJoin(children, eq(children.id, proposals.childId))
		// A planning run's proposals are aggregates' working, never accepted.
		.innerJoin(
			matchingRuns,
			and(eq(matchingRuns.id, proposals.runId), eq(matchingRuns.kind, "round")),
		)
		.where(and(eq(proposals.id, params.id), eq(children.boroughCode, params.borough)));
	return row?.p;
}

/** A provision by its setting's URN and its code. */
export async function findProvisionId(tx: Executor, params: { urn: number; code: string }) {
	const [p] = await tx
		.select({ id: provisions.id })
		.from(provisions)
		.where(and(eq(provisions.settingUrn, params.urn), eq(provisions.code, params.code)));
	return p?.id;
}

/** The need types a provision is designated for. */
export async function needCodesOf(tx: Executor, provisionId: number) {
	const rows = await tx
		.select({ needCode: provisionNeedTypes.needCode })
		.from(provisionNeedTypes)
		.where(eq(provisionNeedTypes.provisionId, provisionId));
	return rows.map((n) => n.needCode);
}

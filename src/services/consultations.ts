import { and, eq, type SQL, sql } from "drizzle-orm";
import {
	children,
	consultations,
	DECLINE_REASONS,
	placements,
	proposals,
	provisionNeedTypes,
	provisions,
	settings,
} from "../../schema/index.js";
import type { Db, Executor, Tx } from "../db/types.js";
import { ApiError, type FieldError } from "../http/problem.js";
import { type ConsultationView, readerScope, viewOf } from "../queries/consultations.js";
import type { AnswerInputT, ConsultationInputT } from "../routes/consultations.schemas.js";
import { type Actor, audit } from "./audit.js";
import { type ChildRow, homeBoroughOf } from "./children.js";
import { isoDay } from "./matching/params.js";
import { loadPolicy } from "./policy.js";

export type { ConsultationRow, ConsultationView } from "../queries/consultations.js";
export { listConsultations, readConsultation } from "../queries/consultations.js";

/** s.39/s.40: the setting should answer within 15 calendar days. */
const ANSWER_DAYS = 15;

/** A unique index refused the write (the two drivers put the SQLSTATE in different places). */
export function isUniqueViolation(error: unknown): boolean {
	const e = (error ?? {}) as { code?: unknown; cause?: { code?: unknown } };
	return e.code === "23505" || e.cause?.code === "23505";
}

/**
 * Derives a child's status from its records: placed while a placement is active, consulting
 * while an open or agreed consultation is not yet used by a placement, else awaiting.
 */
export async function refreshChildStatus(tx: Executor, childId: string, now: Date) {
	const status = sql<string>`case
		when exists (select 1 from placement p where p.child_id = ${childId} and p.status = 'active') then 'placed'
		when exists (select 1 from consultation c where c.child_id = ${childId} and c.status in ('open', 'agreed')
			and not exists (select 1 from placement p where p.consultation_id = c.id)) then 'consulting'
		else 'awaiting' end`;
	await tx
		.update(children)
		.set({ status, version: sql`${children.version} + 1`, updatedAt: now })
		.where(and(eq(children.id, childId), sql`${children.status} <> ${status}`));
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

async function resolveTarget(tx: Tx, borough: string, input: ConsultationInputT) {
	if ("proposalId" in input) {
		const [row] = await tx
			.select({ p: proposals })
			.from(proposals)
			.innerJoin(children, eq(children.id, proposals.childId))
			.where(and(eq(proposals.id, input.proposalId), eq(children.boroughCode, borough)));
		if (!row) throw new ApiError("not_found", `no proposal ${input.proposalId} in your borough`);
		if (row.p.provisionId === null) {
			throw new ApiError("unprocessable", "the proposal leaves the child unplaced", {
				errors: [{ path: "body.proposalId", message: "proposes no provision to consult" }],
			});
		}
		return { childId: row.p.childId, provisionId: row.p.provisionId, proposalId: row.p.id };
	}
	const [p] = await tx
		.select({ id: provisions.id })
		.from(provisions)
		.where(and(eq(provisions.settingUrn, input.urn), eq(provisions.code, input.provision)));
	if (!p) {
		const message = `no provision ${input.provision} at setting ${input.urn}`;
		throw new ApiError("unprocessable", message, { errors: [{ path: "body.provision", message }] });
	}
	return { childId: input.childId, provisionId: p.id, proposalId: null };
}

/** Why a provision cannot meet this child's plan: need designation, age range, level. */
async function unsuitability(tx: Tx, child: ChildRow, p: ConsultationView["provision"]) {
	const needs = (
		await tx.select().from(provisionNeedTypes).where(eq(provisionNeedTypes.provisionId, p.id))
	).map((n) => n.needCode);
	const levels = (await loadPolicy(tx)).planLevels[child.planLevel] ?? [];
	const reasons: string[] = [];
	if (!needs.includes(child.primaryNeed))
		reasons.push(`not designated for ${child.primaryNeed} (only ${needs.join(", ") || "none"})`);
	if (child.age < p.ageMin || child.age > p.ageMax)
		reasons.push(`takes ages ${p.ageMin}–${p.ageMax}; the child is ${child.age}`);
	if (!levels.includes(p.level))
		reasons.push(`${p.level} does not meet a ${child.planLevel} plan (${levels.join(", ")} do)`);
	return reasons;
}

/** Opens a consultation with a setting (and its maintaining borough) for one of the panel's children. */
export async function openConsultation(
	db: Db,
	actor: Actor,
	input: ConsultationInputT,
	now: Date,
): Promise<ConsultationView> {
	const borough = homeBoroughOf(actor.principal);
	return db.transaction(async (tx) => {
		const target = await resolveTarget(tx, borough, input);
		const [child] = await tx
			.select()
			.from(children)
			.where(and(eq(children.id, target.childId), eq(children.boroughCode, borough)))
			.for("update");
		if (!child) throw new ApiError("not_found", `no child ${target.childId} in your borough`);
		if (child.status === "placed")
			throw new ApiError("conflict", "the child has an active placement; end it first");
		const [p] = await tx
			.select({ p: provisions, hostBorough: settings.boroughCode })
			.from(provisions)
			.innerJoin(settings, eq(settings.urn, provisions.settingUrn))
			.where(eq(provisions.id, target.provisionId));
		if (!p) throw new Error(`provision ${target.provisionId} vanished`);
		const reasons = await unsuitability(tx, child, p.p);
		if (reasons.length) {
			const path = "proposalId" in input ? "body.proposalId" : "body.provision";
			throw new ApiError(
				"unprocessable",
				`the provision does not suit the child: ${reasons.join("; ")}`,
				{
					errors: reasons.map((message) => ({ path, message })),
				},
			);
		}
		const values = {
			childId: child.id,
			provisionId: p.p.id,
			settingUrn: p.p.settingUrn,
			homeBorough: borough,
			maintainingBorough: p.hostBorough,
			proposalId: target.proposalId,
			sentAt: now,
			dueAt: isoDay(new Date(now.getTime() + ANSWER_DAYS * 86_400_000)),
		};
		const row = await tx
			.insert(consultations)
			.values(values)
			.returning()
			.then((rows) => rows[0])
			.catch((error: unknown) => {
				if (!isUniqueViolation(error)) throw error;
				throw new ApiError(
					"conflict",
					`an open or agreed consultation of ${p.p.settingUrn}/${p.p.code} for this child exists already`,
				);
			});
		if (!row) throw new Error("consultation insert returned nothing");
		if (target.proposalId)
			await tx.update(proposals).set({ accepted: true }).where(eq(proposals.id, target.proposalId));
		await refreshChildStatus(tx, child.id, now);
		await audit(tx, actor, {
			action: "consultation.open",
			entityType: "consultation",
			entityId: row.id,
			after: row,
		});
		return viewOf(tx, row.id);
	});
}

function answerErrors(a: AnswerInputT): FieldError[] {
	if (a.canMeetNeed && a.hasCapacity)
		return a.reasonCode
			? [{ path: "body.reasonCode", message: "only a decline has a reason" }]
			: [];
	const errors: FieldError[] = [];
	if (!a.reasonCode)
		errors.push({
			path: "body.reasonCode",
			message: `a decline needs one of ${DECLINE_REASONS.join(", ")}`,
		});
	if ((a.evidence ?? "").length < 20)
		errors.push({
			path: "body.evidence",
			message: "a decline needs evidence of at least 20 characters",
		});
	return errors;
}

/** The consulted setting answers: agreed when it can meet the need and has capacity. */
export async function answerConsultation(
	db: Db,
	actor: Actor,
	id: string,
	a: AnswerInputT,
	now: Date,
): Promise<ConsultationView> {
	const errors = answerErrors(a);
	return db.transaction(async (tx) => {
		const { row: before } = await lockConsultation(tx, readerScope(actor.principal), id);
		if (before.status !== "open")
			throw new ApiError("conflict", `the consultation is ${before.status}, no longer open`);
		if (errors.length)
			throw new ApiError("unprocessable", errors.map((e) => e.message).join("; "), { errors });
		const agreed = a.canMeetNeed && a.hasCapacity;
		const [after] = await tx
			.update(consultations)
			.set({
				status: agreed ? "agreed" : "declined",
				canMeetNeed: a.canMeetNeed,
				hasCapacity: a.hasCapacity,
				reasonCode: agreed ? null : (a.reasonCode ?? null),
				evidence: a.evidence ?? null,
				answeredAt: now,
				answeredBy: actor.principal.subject,
			})
			.where(eq(consultations.id, id))
			.returning();
		await refreshChildStatus(tx, before.childId, now);
		await audit(tx, actor, {
			action: "consultation.answer",
			entityType: "consultation",
			entityId: id,
			before,
			after,
		});
		return viewOf(tx, id);
	});
}

/** The home panel withdraws an open or agreed consultation that no active placement holds. */
export async function withdrawConsultation(db: Db, actor: Actor, id: string, now: Date) {
	const borough = homeBoroughOf(actor.principal);
	return db.transaction(async (tx) => {
		const { row: before } = await lockConsultation(tx, eq(consultations.homeBorough, borough), id);
		if (before.status !== "open" && before.status !== "agreed")
			throw new ApiError("conflict", `the consultation is ${before.status} already`);
		const [held] = await tx
			.select({ id: placements.id })
			.from(placements)
			.where(and(eq(placements.consultationId, id), eq(placements.status, "active")));
		if (held)
			throw new ApiError("conflict", "an active placement holds this consultation; end it first");
		const [after] = await tx
			.update(consultations)
			.set({ status: "withdrawn" })
			.where(eq(consultations.id, id))
			.returning();
		await refreshChildStatus(tx, before.childId, now);
		await audit(tx, actor, {
			action: "consultation.withdraw",
			entityType: "consultation",
			entityId: id,
			before,
			after,
		});
		return viewOf(tx, id);
	});
}

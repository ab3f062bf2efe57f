import { and, eq } from "drizzle-orm";
import { consultations, DECLINE_REASONS, placements } from "../../schema/index.js";
import type { AnswerInputT } from "../contracts/consultations.js";
import type { Db, Tx } from "../db/types.js";
import { ApiError, type FieldError } from "../http/problem.js";
import {
	type ConsultationView,
	lockConsultation,
	readerScope,
	viewOf,
} from "../queries/consultations.js";
import { type Actor, audit } from "./audit.js";
import { homeBoroughOf } from "./children.js";
import { refreshChildStatus } from "./consultations.js";

/** How a consultation ends: answered by the setting, withdrawn by the panel, closed with its placement. */

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

/**
 * A placement ended or was cancelled: its agreed consultation is spent. Closed, it no longer holds
 * the one open-or-agreed consultation a child may have at a provision, so the child can be
 * consulted there again. The caller holds the child's lock.
 */
export async function closeSpentConsultation(tx: Tx, actor: Actor, id: string) {
	const [after] = await tx
		.update(consultations)
		.set({ status: "closed" })
		.where(and(eq(consultations.id, id), eq(consultations.status, "agreed")))
		.returning({ id: consultations.id, status: consultations.status });
	if (after)
		await audit(tx, actor, {
			action: "consultation.close",
			entityType: "consultation",
			entityId: id,
			before: { status: "agreed" },
			after: { status: after.status },
		});
}

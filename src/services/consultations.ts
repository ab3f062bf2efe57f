import { and, eq, sql } from "drizzle-orm";
import { children, consultations, proposals, provisions, settings } from "../../schema/index.js";
import type { ConsultationInputT } from "../contracts/consultations.js";
import type { Db, Executor, Tx } from "../db/types.js";
import { ApiError } from "../http/problem.js";
import {
	type ConsultationView,
	findBoroughProposal,
	findProvisionId,
	needCodesOf,
	viewOf,
} from "../queries/consultations.js";
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

async function resolveTarget(tx: Tx, borough: string, input: ConsultationInputT) {
	if ("proposalId" in input) {
		const p = await findBoroughProposal(tx, { id: input.proposalId, borough });
		if (!p) throw new ApiError("not_found", `no proposal ${input.proposalId} in your borough`);
		if (p.provisionId === null) {
			throw new ApiError("unprocessable", "the proposal leaves the child unplaced", {
				errors: [{ path: "body.proposalId", message: "proposes no provision to consult" }],
			});
		}
		return { childId: p.childId, provisionId: p.provisionId, proposalId: p.id };
	}
	const provisionId = await findProvisionId(tx, { urn: input.urn, code: input.provision });
	if (provisionId === undefined) {
		const message = `no provision ${input.provision} at setting ${input.urn}`;
		throw new ApiError("unprocessable", message, { errors: [{ path: "body.provision", message }] });
	}
	return { childId: input.childId, provisionId, proposalId: null };
}

/** Why a provision cannot meet this child's plan: need designation, age range, level. */
async function unsuitability(tx: Tx, child: ChildRow, p: ConsultationView["provision"]) {
	const needs = await needCodesOf(tx, p.id);
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

import { and, eq } from "drizzle-orm";
import { consultations, placements, provisions } from "../../schema/index.js";
import type { Db } from "../db/types.js";
import { ApiError } from "../http/problem.js";
import { lockChild, lockConsultation } from "../queries/consultations.js";
import { type PlacementView, pageOfPlacements, placementView } from "../queries/placements.js";
import { type Actor, audit } from "./audit.js";
import { homeBoroughOf } from "./children.js";
import { closeSpentConsultation } from "./consultation-outcomes.js";
import { isUniqueViolation, refreshChildStatus } from "./consultations.js";
import { isoDay } from "./matching/params.js";
import {
	annualCost,
	freePlace,
	takePlace,
	transportEstimate,
	type VacancyOutcome,
} from "./place-ledger.js";
import { loadPolicy } from "./policy.js";
import { lockSetting } from "./settings-write.js";

export type { PlacementRow, PlacementView } from "../queries/placements.js";
export type { VacancyOutcome } from "./place-ledger.js";

/** Confirms a place on an agreed consultation, taking one vacancy, all in one transaction. */
export async function confirmPlacement(
	db: Db,
	actor: Actor,
	input: { consultationId: string; startDate: string },
	now: Date,
): Promise<{ view: PlacementView; vacancy: VacancyOutcome }> {
	const borough = homeBoroughOf(actor.principal);
	const today = isoDay(now);
	return db.transaction(async (tx) => {
		const { row: c, child } = await lockConsultation(
			tx,
			eq(consultations.homeBorough, borough),
			input.consultationId,
		);
		const [used] = await tx
			.select({ id: placements.id })
			.from(placements)
			.where(eq(placements.consultationId, c.id));
		if (used)
			throw new ApiError(
				"conflict",
				`the consultation was used by placement ${used.id}; consult again`,
			);
		if (c.status !== "agreed")
			throw new ApiError(
				"unprocessable",
				`the consultation is ${c.status}; only an agreed one can become a placement`,
			);
		if (child.status === "placed")
			throw new ApiError("conflict", "the child already has an active placement");
		if (input.startDate < today) {
			const message = `must be today (${today}) or later`;
			throw new ApiError("unprocessable", `the start date ${message}`, {
				errors: [{ path: "body.startDate", message }],
			});
		}
		const setting = await lockSetting(tx, c.settingUrn);
		const [provision] = await tx.select().from(provisions).where(eq(provisions.id, c.provisionId));
		if (!setting || !provision) throw new Error(`provision ${c.provisionId} vanished`);
		const taken = await takePlace(tx, actor, provision, child.yearGroup, input.startDate, now);
		const transport = transportEstimate(
			await loadPolicy(tx),
			{ lat: child.homeLat, lon: child.homeLon },
			setting,
		);
		const row = await tx
			.insert(placements)
			.values({
				childId: child.id,
				provisionId: provision.id,
				consultationId: c.id,
				homeBorough: borough,
				hostBorough: setting.boroughCode,
				startDate: input.startDate,
				vacancyYearGroup: taken.yearGroup,
				annualCost: annualCost(provision, transport, borough, setting.boroughCode),
				confirmedAt: now,
			})
			.returning()
			.then((rows) => rows[0])
			.catch((error: unknown) => {
				if (isUniqueViolation(error))
					throw new ApiError("conflict", "the child or the consultation was placed meanwhile");
				throw error;
			});
		if (!row) throw new Error("placement insert returned nothing");
		await refreshChildStatus(tx, child.id, now);
		await audit(tx, actor, [
			{ action: "placement.confirm", entityType: "placement", entityId: row.id, after: row },
			{
				action: "vacancy.take",
				entityType: "provision",
				entityId: `${setting.urn}/${provision.code}`,
				before: { count: taken.count + 1 },
				after: { count: taken.count, yearGroup: taken.yearGroup, placement: row.id },
			},
		]);
		const vacancy = {
			yearGroup: taken.yearGroup,
			count: taken.count,
			changed: true,
			note: "one place taken",
		};
		return { view: await placementView(tx, row.id), vacancy };
	});
}

/** Ends (the child left) or cancels (it never went ahead) an active placement, freeing its place. */
export async function closePlacement(
	db: Db,
	actor: Actor,
	id: string,
	close: { kind: "end" | "cancel"; reason: string; endDate?: string | undefined },
	now: Date,
): Promise<{ view: PlacementView; vacancy: VacancyOutcome }> {
	const borough = homeBoroughOf(actor.principal);
	const today = isoDay(now);
	return db.transaction(async (tx) => {
		const [peek] = await tx
			.select({ childId: placements.childId })
			.from(placements)
			.where(and(eq(placements.id, id), eq(placements.homeBorough, borough)));
		if (!peek) throw new ApiError("not_found", `no placement ${id} in your borough`);
		const child = await lockChild(tx, peek.childId);
		const [before] = await tx.select().from(placements).where(eq(placements.id, id)).for("update");
		if (!before) throw new Error(`placement ${id} vanished`);
		if (before.status !== "active")
			throw new ApiError("conflict", `the placement is ${before.status} already`);
		const endDate = close.endDate ?? today;
		if (close.kind === "end" && (endDate < before.startDate || endDate > today)) {
			const message = `must lie between the start ${before.startDate} and today ${today} (cancel a placement that never began)`;
			throw new ApiError("unprocessable", `the end date ${message}`, {
				errors: [{ path: "body.endDate", message }],
			});
		}
		const [provision] = await tx
			.select()
			.from(provisions)
			.where(eq(provisions.id, before.provisionId));
		if (!provision) throw new Error(`placement ${id} lost its provision`);
		await lockSetting(tx, provision.settingUrn);
		const vacancy = await freePlace(tx, actor, provision, before.vacancyYearGroup, now);
		await closeSpentConsultation(tx, actor, before.consultationId);
		const [after] = await tx
			.update(placements)
			.set({
				status: close.kind === "end" ? "ended" : "cancelled",
				endedAt: close.kind === "end" ? new Date(`${endDate}T00:00:00Z`) : now,
				endReason: close.reason,
			})
			.where(eq(placements.id, id))
			.returning();
		await refreshChildStatus(tx, child.id, now);
		await audit(tx, actor, {
			action: `placement.${close.kind}`,
			entityType: "placement",
			entityId: id,
			before,
			after: { ...after, vacancy },
		});
		return { view: await placementView(tx, id), vacancy };
	});
}

/** The borough's placements (child-level data: every list is audited). */
export async function listPlacements(
	db: Db,
	actor: Actor,
	f: { status?: string; limit: number; offset: number },
) {
	const borough = homeBoroughOf(actor.principal);
	return db.transaction(async (tx) => {
		const page = await pageOfPlacements(tx, { borough, ...f });
		await audit(tx, actor, {
			action: "placement.list",
			entityType: "placement",
			entityId: `borough:${borough}`,
			after: { filter: f, ids: page.items.map((v) => v.pl.id) },
		});
		return page;
	});
}

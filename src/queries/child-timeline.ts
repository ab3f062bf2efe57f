import { and, asc, eq, inArray, notLike } from "drizzle-orm";
import { auditEvents, placements } from "../../schema/index.js";
import type { Executor } from "../db/types.js";
import { placementViews } from "./placements.js";

/** A child's placements (any status), newest first. */
export function placementsOfChild(tx: Executor, borough: string, childId: string) {
	return placementViews(
		tx,
		and(eq(placements.homeBorough, borough), eq(placements.childId, childId)),
	);
}

/** The decisions recorded about a child, its consultations and placements: writes, not reads. */
export function decisionsAbout(tx: Executor, entityIds: string[]) {
	return tx
		.select()
		.from(auditEvents)
		.where(
			and(
				inArray(auditEvents.entityId, entityIds),
				notLike(auditEvents.action, "%.read"),
				notLike(auditEvents.action, "%.list"),
			),
		)
		.orderBy(asc(auditEvents.at), asc(auditEvents.id));
}

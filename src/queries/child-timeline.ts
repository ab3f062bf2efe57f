import { and, asc, eq, inArray, notLike, or, sql } from "drizzle-orm";
import { auditEvents, consultations, placements, settings } from "../../schema/index.js";
import type { Executor } from "../db/types.js";
import { views } from "./consultations.js";
import { placementViews } from "./placements.js";

/** A child's placements (any status), newest first. */
export function placementsOfChild(tx: Executor, borough: string, childId: string) {
	return placementViews(
		tx,
		and(eq(placements.homeBorough, borough), eq(placements.childId, childId)),
	);
}

/**
 * The decisions recorded about a child, its consultations and placements: writes, not reads.
 * One query: the consultations' and placements' ids come from subqueries, not a round trip.
 */
export function decisionsAboutChild(tx: Executor, childId: string) {
	// By (entity type, id), the audit log's index: the log grows with every read.
	const ofChild = (type: string, table: typeof consultations | typeof placements) =>
		and(
			eq(auditEvents.entityType, type),
			inArray(
				auditEvents.entityId,
				tx
					.select({ id: sql<string>`${table.id}::text` })
					.from(table)
					.where(eq(table.childId, childId)),
			),
		);
	return tx
		.select()
		.from(auditEvents)
		.where(
			and(
				or(
					and(eq(auditEvents.entityType, "child"), eq(auditEvents.entityId, childId)),
					ofChild("consultation", consultations),
					ofChild("placement", placements),
				),
				notLike(auditEvents.action, "%.read"),
				notLike(auditEvents.action, "%.list"),
			),
		)
		.orderBy(asc(auditEvents.at), asc(auditEvents.id));
}

/** A child's consultations as its home borough sees them (the timeline shows at most 100). */
export function consultationsOfChild(tx: Executor, borough: string, childId: string) {
	return views(
		tx,
		and(eq(consultations.homeBorough, borough), eq(consultations.childId, childId)),
	).limit(100);
}

/** Setting names by URN (public registry data), for a child's preferences. */
export async function settingNames(tx: Executor, urns: number[]): Promise<Map<number, string>> {
	if (urns.length === 0) return new Map();
	const rows = await tx
		.select({ urn: settings.urn, name: settings.name })
		.from(settings)
		.where(inArray(settings.urn, urns));
	return new Map(rows.map((r) => [r.urn, r.name]));
}

import { and, asc, eq, inArray, notLike, or } from "drizzle-orm";
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

/** The decisions recorded about a child, its consultations and placements: writes, not reads. */
export function decisionsAbout(
	tx: Executor,
	ids: { child: string; consultations: string[]; placements: string[] },
) {
	// By (entity type, id), the audit log's index: the log grows with every read. The ids are
	// given, not subqueries: with `in (select …)` the planner scanned every consultation event.
	const of = (type: string, list: string[]) =>
		list.length
			? and(eq(auditEvents.entityType, type), inArray(auditEvents.entityId, list))
			: undefined;
	return tx
		.select()
		.from(auditEvents)
		.where(
			and(
				or(
					of("child", [ids.child]),
					of("consultation", ids.consultations),
					of("placement", ids.placements),
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

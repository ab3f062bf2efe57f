import { and, count, desc, eq, type SQL } from "drizzle-orm";
import { children, placements, provisions, settings } from "../../schema/index.js";
import type { Executor } from "../db/types.js";

export type PlacementRow = typeof placements.$inferSelect;

/** Placements with what a reader needs beside them: the case reference, provision and setting name. */
export function placementViews(tx: Executor, where: SQL | undefined) {
	return tx
		.select({
			pl: placements,
			caseRef: children.caseRef,
			provision: provisions,
			settingName: settings.name,
		})
		.from(placements)
		.innerJoin(children, eq(children.id, placements.childId))
		.innerJoin(provisions, eq(provisions.id, placements.provisionId))
		.innerJoin(settings, eq(settings.urn, provisions.settingUrn))
		.where(where)
		.orderBy(desc(placements.confirmedAt), desc(placements.id))
		.$dynamic();
}
export type PlacementView = Awaited<ReturnType<typeof placementViews>>[number];

export async function placementView(tx: Executor, id: string): Promise<PlacementView> {
	const [v] = await placementViews(tx, eq(placements.id, id));
	if (!v) throw new Error(`placement ${id} vanished`);
	return v;
}

/** One page of a borough's placements (as home borough), newest first, and how many there are. */
export async function pageOfPlacements(
	tx: Executor,
	params: { borough: string; status?: string | undefined; limit: number; offset: number },
) {
	const where = and(
		eq(placements.homeBorough, params.borough),
		params.status ? eq(placements.status, params.status) : undefined,
	);
	const [total] = await tx.select({ n: count() }).from(placements).where(where);
	const items = await placementViews(tx, where).limit(params.limit).offset(params.offset);
	return { total: Number(total?.n ?? 0), items };
}

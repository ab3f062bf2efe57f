import { and, eq, sql } from "drizzle-orm";
import { children, matchingRuns, proposals } from "../../../schema/index.js";
import type { Executor } from "../../db/types.js";

/** What one borough's own children make of a run's figures (from its proposals). */
export interface OwnShare {
	children: number;
	placed: number;
	fallback: number;
	noPlacementFound: number;
	outOfBorough: number;
	lawfulPreferencesHonoured: number;
	/** Placed at their parents' rank-r setting, index r − 1. */
	preferencesHonoured: number[];
	firstPreferenceReasons: Record<string, number>;
}

interface Explained {
	placed?: boolean;
	outOfBorough?: boolean;
	fallback?: unknown;
	preference?: {
		honouredRank?: number | null;
		lawful?: boolean;
		unhonoured?: { rank: number; reason: { code: string } }[];
	} | null;
}

/** The children of `borough` among those a run covers (its request names every child). */
export async function ownChildrenOf(db: Executor, runId: string, borough: string) {
	const [row] = await db
		.select({ n: sql<number>`count(*)::int` })
		.from(children)
		.innerJoin(matchingRuns, eq(matchingRuns.id, runId))
		.where(
			and(
				eq(children.boroughCode, borough),
				sql`${children.id}::text IN (SELECT jsonb_array_elements_text(${matchingRuns.request} -> 'scope' -> 'childIds'))`,
			),
		);
	return Number(row?.n ?? 0);
}

/** A borough's own part of a finished run's figures, counted as the solver's summary counts them. */
export async function ownShareOf(db: Executor, runId: string, borough: string): Promise<OwnShare> {
	const rows = await db
		.select({ explanation: proposals.explanation })
		.from(proposals)
		.innerJoin(children, eq(children.id, proposals.childId))
		.where(and(eq(proposals.runId, runId), eq(children.boroughCode, borough)));
	const share: OwnShare = {
		children: await ownChildrenOf(db, runId, borough),
		placed: 0,
		fallback: 0,
		noPlacementFound: 0,
		outOfBorough: 0,
		lawfulPreferencesHonoured: 0,
		preferencesHonoured: [],
		firstPreferenceReasons: {},
	};
	for (const { explanation } of rows) {
		const x = (explanation ?? {}) as Explained;
		if (x.preference?.lawful) share.lawfulPreferencesHonoured++;
		const first = x.preference?.unhonoured?.find((u) => u.rank === 1);
		if (first) {
			const code = first.reason.code;
			share.firstPreferenceReasons[code] = (share.firstPreferenceReasons[code] ?? 0) + 1;
		}
		if (!x.placed) {
			if (x.fallback) share.fallback++;
			else share.noPlacementFound++;
			continue;
		}
		share.placed++;
		if (x.outOfBorough) share.outOfBorough++;
		const rank = x.preference?.honouredRank ?? 0;
		if (rank > 0)
			share.preferencesHonoured[rank - 1] = (share.preferencesHonoured[rank - 1] ?? 0) + 1;
	}
	return share;
}

/** How many of a borough's own children a run placed at each provision (by provision id). */
export async function ownUsedOf(db: Executor, runId: string, borough: string) {
	const rows = await db
		.select({ provisionId: proposals.provisionId, n: sql<number>`count(*)::int` })
		.from(proposals)
		.innerJoin(children, eq(children.id, proposals.childId))
		.where(and(eq(proposals.runId, runId), eq(children.boroughCode, borough)))
		.groupBy(proposals.provisionId);
	return new Map(
		rows.flatMap((r) => (r.provisionId === null ? [] : [[r.provisionId, Number(r.n)]])),
	);
}

import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { matchingRuns, settings } from "../../schema/index.js";
import type { Executor } from "../db/types.js";

const runColumns = {
	id: matchingRuns.id,
	boroughCode: matchingRuns.boroughCode,
	scopeBoroughs: matchingRuns.scopeBoroughs,
	kind: matchingRuns.kind,
	name: matchingRuns.name,
	status: matchingRuns.status,
	finishedAt: matchingRuns.finishedAt,
	shadowPrices: matchingRuns.shadowPrices,
};

/** One matching run with its shadow prices, or undefined. */
export async function findRunPrices(db: Executor, params: { id: string }) {
	const [run] = await db
		.select(runColumns)
		.from(matchingRuns)
		.where(eq(matchingRuns.id, params.id));
	return run;
}

/** The latest finished run, of one borough's panel when `borough` is given. */
export async function latestDoneRunPrices(
	db: Executor,
	params: { borough: string | null; kind?: "planning" },
) {
	const [run] = await db
		.select(runColumns)
		.from(matchingRuns)
		.where(
			and(
				eq(matchingRuns.status, "done"),
				params.borough === null ? undefined : eq(matchingRuns.boroughCode, params.borough),
				params.kind ? eq(matchingRuns.kind, params.kind) : undefined,
			),
		)
		.orderBy(sql`${matchingRuns.finishedAt} desc nulls last`, desc(matchingRuns.createdAt))
		.limit(1);
	return run;
}

/** Setting names by URN. */
export async function settingNamesOf(db: Executor, params: { urns: number[] }) {
	if (params.urns.length === 0) return new Map<number, string>();
	const rows = await db
		.select({ urn: settings.urn, name: settings.name })
		.from(settings)
		.where(inArray(settings.urn, params.urns));
	return new Map(rows.map((r) => [r.urn, r.name]));
}

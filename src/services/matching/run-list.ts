import { and, arrayContains, desc, eq, getTableColumns, or, sql } from "drizzle-orm";
import { matchingRuns } from "../../../schema/index.js";
import type { Principal } from "../../auth/claims.js";
import type { Db } from "../../db/types.js";
import { ApiError } from "../../http/problem.js";
import { homeBoroughOf } from "../children.js";
import { showRun } from "./run-disclosure.js";

/** A panel's recent rounds: its own and the joint rounds that covered its borough (aggregates only). */
export async function listRuns(db: Db, principal: Principal, limit: number) {
	const borough = homeBoroughOf(principal);
	// Only what a list shows: a run's inputs, figures and shadow prices are large JSON.
	return db
		.select({
			id: matchingRuns.id,
			status: matchingRuns.status,
			scopeBoroughs: matchingRuns.scopeBoroughs,
			createdAt: matchingRuns.createdAt,
		})
		.from(matchingRuns)
		.where(
			or(
				eq(matchingRuns.boroughCode, borough),
				arrayContains(matchingRuns.scopeBoroughs, [borough]),
			),
		)
		.orderBy(desc(matchingRuns.createdAt), desc(matchingRuns.id))
		.limit(limit);
}

/** Where a page of runs ends: the last run's creation time and id, opaque to the caller. */
export const encodeCursor = (at: Date, id: string) =>
	Buffer.from(`${at.toISOString()}|${id}`).toString("base64url");

function decodeCursor(cursor: string) {
	const [at, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
	const when = new Date(at ?? "");
	if (!id || Number.isNaN(when.getTime()) || !UUID.test(id))
		throw new ApiError("bad_request", "cursor is not one this API gave", {
			errors: [{ path: "query.cursor", message: "not a cursor from a previous page" }],
		});
	return { when, id };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Every column but the large instance and shadow prices: what a list item needs. */
const { inputs: _inputs, shadowPrices: _prices, ...listColumns } = getTableColumns(matchingRuns);

/**
 * A page of the runs the caller may see, newest first: a panel those that cover its borough,
 * a commissioner or an admin every run. Each item's child count is disclosed as the run's own
 * view discloses it (another borough's part of 1–4 hidden), so list and detail agree.
 */
export async function pageOfRuns(
	db: Db,
	principal: Principal,
	q: { limit: number; cursor?: string | undefined; kind?: "round" | "planning" | undefined },
) {
	const after = q.cursor ? decodeCursor(q.cursor) : null;
	const borough = principal.role === "panel" ? homeBoroughOf(principal) : null;
	const rows = await db
		.select(listColumns)
		.from(matchingRuns)
		.where(
			and(
				borough === null
					? undefined
					: or(
							eq(matchingRuns.boroughCode, borough),
							arrayContains(matchingRuns.scopeBoroughs, [borough]),
						),
				q.kind ? eq(matchingRuns.kind, q.kind) : undefined,
				after
					? sql`(${matchingRuns.createdAt}, ${matchingRuns.id}) < (${after.when.toISOString()}::timestamptz, ${after.id}::uuid)`
					: undefined,
			),
		)
		.orderBy(desc(matchingRuns.createdAt), desc(matchingRuns.id))
		.limit(q.limit + 1);
	const page = rows.slice(0, q.limit);
	const items = await Promise.all(
		page.map(async (row) => {
			const view = await showRun(db, principal, { ...row, inputs: null, shadowPrices: null });
			return {
				id: view.id,
				kind: view.kind,
				name: view.name,
				status: view.status,
				borough: view.borough,
				scopeBoroughs: view.scopeBoroughs,
				children: view.children,
				engine: view.engine,
				optimal: view.optimal,
				inputHash: view.inputHash,
				solverVersion: view.solverVersion,
				dataVersion: view.dataVersion,
				createdAt: view.createdAt,
				finishedAt: view.finishedAt,
				suppressed: view.suppressed.filter((p) => p === "children"),
				links: view.links,
			};
		}),
	);
	const last = page.at(-1);
	const nextCursor = rows.length > q.limit && last ? encodeCursor(last.createdAt, last.id) : null;
	return { items, nextCursor };
}

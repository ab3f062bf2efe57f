import { arrayContains, desc, eq, or } from "drizzle-orm";
import { matchingRuns } from "../../../schema/index.js";
import type { Principal } from "../../auth/claims.js";
import type { Db } from "../../db/types.js";
import { homeBoroughOf } from "../children.js";

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

import { arrayContains, desc, eq, or } from "drizzle-orm";
import { matchingRuns } from "../../../schema/index.js";
import type { Principal } from "../../auth/claims.js";
import type { Db } from "../../db/types.js";
import { homeBoroughOf } from "../children.js";

/** A panel's recent rounds: its own and the joint rounds that covered its borough (aggregates only). */
export async function listRuns(db: Db, principal: Principal, limit: number) {
	const borough = homeBoroughOf(principal);
	return db
		.select()
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

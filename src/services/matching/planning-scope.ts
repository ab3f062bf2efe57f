import { eq, inArray } from "drizzle-orm";
import { partnershipMembers } from "../../../schema/index.js";
import type { Principal } from "../../auth/claims.js";
import type { RunRequestT } from "../../contracts/matching-runs.js";
import type { Executor } from "../../db/types.js";
import { ApiError } from "../../http/problem.js";

/**
 * Which boroughs a commissioner's planning run may span: a pan-London commissioner (no borough)
 * any it names (default all: null); a borough's commissioner its own borough and the members of
 * every partnership its borough belongs to (default its own). Never named children: a planning
 * run is aggregates only.
 */
export async function planningScope(
	tx: Executor,
	principal: Principal,
	request: RunRequestT,
): Promise<string[] | null> {
	if (request.kind !== "planning")
		throw new ApiError(
			"forbidden",
			'a commissioner starts planning runs only: {"kind":"planning","name":…}; rounds are for panels',
		);
	if (request.scope.childIds)
		throw new ApiError("forbidden", "a planning run spans boroughs, never named children");
	const own = principal.la;
	if (own === null) return request.scope.boroughs ?? null;
	const named = request.scope.boroughs ?? [own];
	const mine = await tx
		.select({ p: partnershipMembers.partnershipId })
		.from(partnershipMembers)
		.where(eq(partnershipMembers.boroughCode, own));
	const partners = mine.length
		? await tx
				.select({ b: partnershipMembers.boroughCode })
				.from(partnershipMembers)
				.where(
					inArray(
						partnershipMembers.partnershipId,
						mine.map((m) => m.p),
					),
				)
		: [];
	const plansFor = new Set([own, ...partners.map((r) => r.b)]);
	const outside = named.filter((b) => !plansFor.has(b));
	if (outside.length > 0)
		throw new ApiError(
			"forbidden",
			`${outside.join(", ")}: not a borough you plan for (your own and your partnerships' members)`,
		);
	return [...new Set(named)];
}

/** A round is a panel's (or an admin's); a planning run a commissioner's (or an admin's). */
export function checkRunKind(principal: Principal, request: RunRequestT) {
	if (principal.role === "panel" && request.kind === "planning")
		throw new ApiError("forbidden", "a planning run is a commissioner's (or an admin's)");
}

import { boroughs } from "../../../schema/index.js";
import { planPlaces } from "../../../solver/index.js";
import type { Principal } from "../../auth/claims.js";
import type { PlanRequestT } from "../../contracts/sufficiency-plan.js";
import type { Db } from "../../db/types.js";
import {
	loadChildren,
	loadProvisions,
	toSolverChild,
	toSolverProvision,
} from "../matching/load-instance.js";
import { isoDay, paramsFor } from "../matching/params.js";
import { loadPolicy } from "../policy.js";
import { isSmall } from "./suppress.js";

/**
 * "Where would K new places of need N save most?" over a copy of the live data: the awaiting
 * children of the scope against today's free places, one new place at a time where the exact
 * marginal value is highest, each step re-solved warm from the last optimum (see planPlaces).
 * Only money figures per provision come back; the one child count, of the children matched, is
 * hidden where another borough's part of it is 1–4.
 * With no provision designated for the need there is nowhere to add a place: no steps.
 */
export async function planNewPlaces(
	db: Db,
	principal: Principal,
	request: PlanRequestT,
	now: Date,
) {
	const policy = await loadPolicy(db);
	const scope =
		request.scope.boroughs ??
		(await db.select({ code: boroughs.code }).from(boroughs)).map((b) => b.code);
	const list = await loadChildren(db, scope);
	const live = await loadProvisions(db, isoDay(now));
	const eligibleIds = new Set(
		live.filter((p) => p.needTypes.includes(request.need)).map((p) => p.id),
	);
	const plan = planPlaces(
		{
			children: list.map((c) => toSolverChild(c, policy)),
			provisions: live.map(toSolverProvision),
			params: paramsFor(policy),
		},
		(p) => eligibleIds.has(p.id),
		request.places,
	);
	const byId = new Map(live.map((p) => [p.id, p]));
	let total = 0;
	return {
		need: request.need,
		placesAsked: request.places,
		children:
			principal.role !== "admin" &&
			isSmall({ n: list.length, own: list.filter((c) => c.boroughCode === principal.la).length })
				? null
				: list.length,
		baselineObjective: plan.objective,
		steps: plan.steps.map((s, k) => {
			const p = byId.get(s.provisionId);
			if (!p) throw new Error(`plan step at an unknown provision ${s.provisionId}`);
			total += s.saving;
			return {
				step: k + 1,
				urn: Number(p.settingUrn),
				provision: p.code,
				settingName: p.settingName,
				borough: p.borough,
				saving: s.saving,
				totalSaving: total,
			};
		}),
		stoppedEarly: plan.stoppedEarly,
		method: `Greedy, one place at a time: the exact saving of one more place at every provision designated for ${request.need} (from the optimal matching's residual network), the place where it is largest, then the round re-solved warm from the last optimum (network simplex); each step's saving is that re-solve's, and equals the marginal value. Savings are the matcher's objective: money plus the value of children's journey time, less preference credits, with each child's independent-sector fallback priced in.`,
	};
}

import { boroughs } from "../../schema/index.js";
import { type AllocationResult, solveAllocation } from "../../solver/index.js";
import type { Principal } from "../auth/claims.js";
import type { WhatIfRequestT } from "../contracts/what-if.js";
import type { Db } from "../db/types.js";
import { ApiError, type FieldError } from "../http/problem.js";
import {
	loadChildren,
	loadProvisions,
	type ProvisionInfo,
	toSolverChild,
	toSolverProvision,
} from "./matching/load-instance.js";
import { isoDay, paramsFor } from "./matching/params.js";
import { loadPolicy } from "./policy.js";
import { tenthsOfMinute } from "./rounding.js";

type Solved = { annualCost: number; journeyMinutes: number; placed: number; unplaced: number };
const zero = (): Solved => ({ annualCost: 0, journeyMinutes: 0, placed: 0, unplaced: 0 });

/** Applies the scenario's changes to a copy of the provisions (the live tables are never written). */
function applyChanges(live: ProvisionInfo[], changes: WhatIfRequestT["changes"]) {
	const copy = live.map((p) => ({ ...p }));
	const errors: FieldError[] = [];
	changes.forEach((change, i) => {
		if (change.kind === "change-places") {
			const p = copy.find(
				(x) => x.settingUrn === String(change.urn) && x.code === change.provision,
			);
			if (!p)
				errors.push({
					path: `body.changes[${i}]`,
					message: `no provision ${change.provision} at setting ${change.urn}`,
				});
			else p.capacity = Math.max(0, p.capacity + change.places);
			return;
		}
		copy.push({
			id: `what-if-${i}`,
			settingUrn: `what-if-${i}`,
			settingName: change.name,
			code: `NEW-${i}`,
			borough: change.borough,
			level: change.level,
			needTypes: change.needTypes,
			ageMin: change.ageRange.min,
			ageMax: change.ageRange.max,
			capacity: change.places,
			places: change.places,
			freeNow: change.places,
			freeLater: 0,
			earliestFrom: null,
			lat: change.location.lat,
			lon: change.location.lon,
			cost: change.annualCost,
		});
	});
	if (errors.length)
		throw new ApiError("unprocessable", errors.map((e) => e.message).join("; "), { errors });
	return copy;
}

/**
 * Annual cost (published places and independent-sector fallbacks), journey minutes and
 * placed/unplaced children per home borough.
 */
function byBorough(result: AllocationResult, homeOf: Map<string, string>) {
	const out = new Map<string, Solved>();
	const row = (b: string): Solved => {
		const existing = out.get(b);
		if (existing) return existing;
		const fresh = zero();
		out.set(b, fresh);
		return fresh;
	};
	for (const p of result.placements) {
		const r = row(homeOf.get(p.childId) as string);
		r.annualCost += p.cost.placeFunding + p.cost.topUp + p.cost.fee + p.cost.transport;
		r.journeyMinutes += p.minutes;
		r.placed++;
	}
	for (const u of result.unplaced) {
		const r = row(homeOf.get(u.childId) as string);
		r.unplaced++;
		r.annualCost += u.fallback?.money ?? 0;
	}
	return out;
}

/**
 * Re-runs the matching on a copy with places added or removed, and reports what changes, by
 * borough: annual cost to the public, daily journey minutes and children left unplaced.
 */
export async function whatIf(db: Db, principal: Principal, request: WhatIfRequestT, now: Date) {
	const policy = await loadPolicy(db);
	const names = new Map(
		(await db.select({ code: boroughs.code, name: boroughs.name }).from(boroughs)).map((b) => [
			b.code,
			b.name,
		]),
	);
	const scope = request.scope.boroughs ?? [...names.keys()];
	const list = await loadChildren(db, scope);
	const live = await loadProvisions(db, isoDay(now));
	const scenario = applyChanges(live, request.changes);
	const input = {
		children: list.map((c) => toSolverChild(c, policy)),
		params: paramsFor(policy),
		options: { explain: false, duals: true },
	};
	const baseline = solveAllocation({ ...input, provisions: live.map(toSolverProvision) });
	const after = solveAllocation({ ...input, provisions: scenario.map(toSolverProvision) });
	const homeOf = new Map(list.map((c) => [c.id, c.boroughCode]));
	const [b, s] = [byBorough(baseline, homeOf), byBorough(after, homeOf)];
	const rows = [...new Set([...b.keys(), ...s.keys()])].sort().map((code) => {
		const x = b.get(code) ?? zero();
		const y = s.get(code) ?? zero();
		return {
			borough: code,
			name: names.get(code) ?? code,
			baseline: { ...x, journeyMinutes: tenthsOfMinute(x.journeyMinutes) },
			scenario: { ...y, journeyMinutes: tenthsOfMinute(y.journeyMinutes) },
			change: diff(x, y),
		};
	});
	const total = (r: AllocationResult) => ({
		annualCost: r.summary.annualCost,
		journeyMinutes: tenthsOfMinute(r.summary.journeyMinutes),
		placed: r.summary.placed,
		unplaced: r.summary.unplaced,
		fallback: r.summary.fallback,
		fallbackCost: r.summary.fallbackCost,
		noPlacementFound: r.summary.noPlacementFound,
	});
	const newPlaces = (after.duals?.provisions ?? []).filter((d) =>
		d.provisionId.startsWith("what-if-"),
	);
	return {
		viewer: principal,
		children: list.length,
		method: `${after.method}; both the baseline and the scenario solved to proven optimality on a copy of the live data (journey minutes are one way; per day, double them). A child not placed in published supply falls back to an independent-sector place, priced at the configured fee for its need and phase plus transport for a typical out-of-borough journey: annual cost counts it, fallbackCost is that part; noPlacementFound counts children whom not even the fallback can serve (never priced). A new provision's shadowPrice (£ a year) is at most its fallbackCost, the dearest fallback among the children who could use it.`,
		baseline: total(baseline),
		scenario: total(after),
		change: {
			...diff(total(baseline), total(after)),
			fallback: after.summary.fallback - baseline.summary.fallback,
			fallbackCost: after.summary.fallbackCost - baseline.summary.fallbackCost,
			noPlacementFound: after.summary.noPlacementFound - baseline.summary.noPlacementFound,
		},
		byBorough: rows,
		newProvisions: newPlaces.map((d) => ({
			change: Number(d.provisionId.slice(8)),
			places: d.capacity,
			used: d.used,
			/** The viewer's own children among `used` (not shown: it decides suppression). */
			ownUsed: after.placements.filter(
				(p) => p.provisionId === d.provisionId && homeOf.get(p.childId) === principal.la,
			).length,
			shadowPrice: d.shadowPrice,
			fallbackCost: d.fallbackCost,
		})),
	};
}

function diff(x: Solved, y: Solved): Solved {
	return {
		annualCost: y.annualCost - x.annualCost,
		journeyMinutes: tenthsOfMinute(y.journeyMinutes - x.journeyMinutes),
		placed: y.placed - x.placed,
		unplaced: y.unplaced - x.unplaced,
	};
}

import type { Principal } from "../../auth/claims.js";
import type { Db } from "../../db/types.js";
import { demandKey } from "../../queries/sufficiency.js";
import { supplyKey } from "../matching/supply-snapshot.js";
import { buildSufficiencyReport, type SufficiencyQuery, type SufficiencyReport } from "./report.js";

interface Held {
	key: string;
	reports: Map<string, Promise<SufficiencyReport>>;
}

const held = new WeakMap<object, Held>();
const MOST_REPORTS = 64;

/**
 * The sufficiency report, built once per state of the supply and the demand for each kind of
 * viewer and query (the figures differ only by role and borough: suppression), not per request.
 * Both keys are read before the build, so a write racing it only makes the next request rebuild.
 * A held report is shared between requests: callers must not change it.
 */
export async function sufficiencyReport(
	db: Db,
	principal: Principal,
	q: SufficiencyQuery,
): Promise<SufficiencyReport> {
	const [supply, demand] = await Promise.all([supplyKey(db, q.today), demandKey(db)]);
	if (supply === undefined) return buildSufficiencyReport(db, principal, q);
	const key = `${supply}#${demand}`;
	let state = held.get(db);
	if (state?.key !== key) {
		state = { key, reports: new Map() };
		held.set(db, state);
	}
	const which = JSON.stringify([principal.role, principal.la ?? null, q.groupBy, q.area, q.today]);
	const known = state.reports.get(which);
	if (known) return known;
	const report = buildSufficiencyReport(db, principal, q);
	if (state.reports.size >= MOST_REPORTS)
		state.reports.delete(state.reports.keys().next().value as string);
	state.reports.set(which, report);
	const reports = state.reports;
	report.catch(() => {
		if (reports.get(which) === report) reports.delete(which);
	});
	return report;
}

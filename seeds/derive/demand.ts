import { NEED_TYPES, UNKNOWN_NEED_COLUMN } from "../reference/need-types.js";
import { PLACEMENTS } from "../reference/placements.js";
import type { BoroughDemand, NeedCounts } from "../types.js";
import { readLaCodes } from "./boroughs.js";

type Rec = Record<string, string>;

export const NEWHAM_CAVEAT =
	"DATA QUALITY: Newham's January 2025 return shows 1,199 plans (2,705 in 2024) and only 96 in " +
	"special schools, far out of line with its neighbours; the figures look incomplete. The demo " +
	"scenario uses Newham's 2023/24 placement counts instead (byPlacementPrevious).";

const CAVEATS: Record<string, string> = { "316": NEWHAM_CAVEAT };

/** DfE count: a number, or null for "x" (unavailable), "z" (not applicable) or blank. */
export function count(value: string | undefined): number | null {
	if (value === undefined || value === "" || value === "x" || value === "z") return null;
	const n = Number(value);
	return Number.isFinite(n) ? n : null;
}

function needCounts(r: Rec): NeedCounts {
	const out: NeedCounts = {};
	for (const n of NEED_TYPES) {
		const v = count(r[n.dfeColumn]);
		if (v) out[n.code] = v;
	}
	const unknown = count(r[UNKNOWN_NEED_COLUMN]);
	if (unknown) out.UNKNOWN = unknown;
	return out;
}

function placements(r: Rec | undefined): Record<string, number | null> {
	return Object.fromEntries(PLACEMENTS.map((p) => [p.key, r ? count(r[p.column]) : null]));
}

/** "age 7" → 7, "under 3" / "age 2 and under" → 2; anything else (unknown, 20 and over) → null. */
function ageOf(breakdown: string): number | null {
	if (breakdown === "under 3" || breakdown === "age 2 and under") return 2;
	const m = /^age (\d+)$/.exec(breakdown);
	return m ? Number(m[1]) : null;
}

const AGE_KEYS = ["all", ...PLACEMENTS.filter((p) => p.planLevel).map((p) => p.key)];

export function deriveDemand(caseload: Rec[], needs: Rec[]): BoroughDemand[] {
	return readLaCodes(caseload).map((la) => {
		const mine = caseload.filter((r) => r.old_la_code === la.code);
		const all = (period: string) =>
			mine.find((r) => r.time_period === period && r.breakdown_topic === "All EHC plans");
		const current = all("202425");
		if (!current) throw new Error(`no 2024/25 caseload row for ${la.code}`);
		const needRows = needs.filter((r) => r.old_la_code === la.code && r.time_period === "202425");
		const needAll = needRows.find((r) => r.breakdown_topic === "All EHC plans");
		const placementByNeed: Record<string, NeedCounts> = {};
		for (const p of PLACEMENTS) {
			const r = needRows.find(
				(x) => x.breakdown_topic === "Type of placement" && x.breakdown === p.label,
			);
			if (r) placementByNeed[p.key] = needCounts(r);
		}
		const ageByPlacement: Record<string, Record<string, number>> = {};
		for (const r of mine) {
			if (r.time_period !== "202425" || r.breakdown_topic !== "Child or young persons age")
				continue;
			const age = ageOf(r.breakdown ?? "");
			if (age === null) continue;
			for (const key of AGE_KEYS) {
				const column = key === "all" ? "ehcplans" : PLACEMENTS.find((p) => p.key === key)?.column;
				const v = count(r[column ?? ""]);
				if (!v) continue;
				const ages = ageByPlacement[key] ?? {};
				ages[String(age)] = (ages[String(age)] ?? 0) + v;
				ageByPlacement[key] = ages;
			}
		}
		const caseloadSeries: Record<string, number> = {};
		for (const r of mine.filter((x) => x.breakdown_topic === "All EHC plans").sort(byPeriod)) {
			const v = count(r.ehcplans);
			const p = r.time_period ?? "";
			if (v !== null) caseloadSeries[`${p.slice(0, 4)}/${p.slice(4)}`] = v;
		}
		const demand: BoroughDemand = {
			laCode: la.code,
			gss: la.gss,
			name: la.name,
			plans: count(current.ehcplans) ?? 0,
			byNeed: needAll ? needCounts(needAll) : {},
			byPlacement: placements(current),
			byPlacementPrevious: placements(all("202324")),
			placementByNeed,
			ageByPlacement,
			caseload: caseloadSeries,
		};
		const caveat = CAVEATS[la.code];
		if (caveat) demand.caveat = caveat;
		return demand;
	});
}

function byPeriod(a: Rec, b: Rec): number {
	return (a.time_period ?? "").localeCompare(b.time_period ?? "");
}

import { type AnyColumn, and, eq, ne, type SQL, sql } from "drizzle-orm";
import {
	children,
	consultations,
	DECLINE_REASONS,
	PROVISION_LEVELS,
	placements,
	provisions,
} from "../../schema/index.js";
import type { Principal } from "../auth/claims.js";
import type { Db } from "../db/types.js";
import { ApiError } from "../http/problem.js";

/** A published figure: null with `suppressed: true` when it would disclose a small count. */
export interface Figure {
	value: number | null;
	suppressed: boolean;
}
/** A count, and how much of it is the viewer's own borough's children. */
interface Cell {
	n: number;
	own: number;
}

export const STATS_METHOD = {
	percentile:
		"Median and 90th percentile by linear interpolation between closest ranks (as PostgreSQL percentile_cont, Excel PERCENTILE.INC), rounded to 0.1 day.",
	days: "Calendar days (UTC): referral (child.referredAt) to offer (placement confirmed), and offer to the start date.",
	placements:
		"Placements confirmed for the scope's children, active or ended (cancelled ones excluded). In/out of borough compare the setting's borough with the child's home borough; independent (special_independent) placements are also counted in one of those two.",
	suppression:
		"Counts of 1–4 of other boroughs' children show as null with suppressed: true, as the DfE does; a median, percentile or average follows its count. Where a group (in/out of borough, levels, decline reasons) would have a lone hidden cell, its smallest other cell is hidden too. A panel or commissioner sees its own borough exactly; admins see exact figures.",
};

/** The borough the figures cover (null: all London) and whether they are exact for this viewer. */
export function statsScope(p: Principal, borough: string | undefined) {
	if (p.role === "panel") {
		if (borough && borough !== p.la)
			throw new ApiError("forbidden", `a panel sees its own borough's figures (${p.la}) only`);
		return { borough: p.la, exact: true };
	}
	const scope = borough ?? null;
	return { borough: scope, exact: p.role === "admin" || (scope !== null && scope === p.la) };
}

/** Linear interpolation between closest ranks (Hyndman–Fan type 7) of sorted values. */
export function percentile(sorted: number[], q: number): number | null {
	if (sorted.length === 0) return null;
	const h = (sorted.length - 1) * q;
	const lo = Math.floor(h);
	const a = sorted[lo] as number;
	const b = sorted[Math.min(lo + 1, sorted.length - 1)] as number;
	return Math.round((a + (h - lo) * (b - a)) * 10) / 10;
}

const isSmall = (c: Cell) => c.n - c.own >= 1 && c.n - c.own <= 4;

/** Primary and secondary suppression of a group of cells (see STATS_METHOD.suppression). */
function hiddenIn(cells: Cell[], exact: boolean): boolean[] {
	const hidden = cells.map((c) => !exact && isSmall(c));
	if (hidden.filter(Boolean).length === 1) {
		const next = cells
			.map((c, i) => ({ c, i }))
			.filter(({ c, i }) => !hidden[i] && c.n - c.own > 0)
			.sort((x, y) => x.c.n - y.c.n)[0];
		if (next) hidden[next.i] = true;
	}
	return hidden;
}

const shown = (value: number | null, hide: boolean): Figure =>
	hide ? { value: null, suppressed: true } : { value, suppressed: false };

interface PlacementFact {
	home: string;
	host: string;
	level: string;
	total: number;
	toOffer: number;
	toStart: number;
}

async function loadFacts(db: Db, borough: string | null) {
	const utcDay = (t: SQL | AnyColumn) => sql`(${t} at time zone 'UTC')::date`;
	const placed = await db
		.select({
			home: placements.homeBorough,
			host: placements.hostBorough,
			level: provisions.level,
			total: sql<number>`(${placements.annualCost}->>'total')::int`,
			toOffer: sql<number>`${utcDay(placements.confirmedAt)} - ${utcDay(children.referredAt)}`,
			toStart: sql<number>`${placements.startDate} - ${utcDay(placements.confirmedAt)}`,
		})
		.from(placements)
		.innerJoin(children, eq(children.id, placements.childId))
		.innerJoin(provisions, eq(provisions.id, placements.provisionId))
		.where(
			and(
				ne(placements.status, "cancelled"),
				borough ? eq(placements.homeBorough, borough) : undefined,
			),
		);
	const declines = await db
		.select({ home: consultations.homeBorough, reason: consultations.reasonCode })
		.from(consultations)
		.where(
			and(
				eq(consultations.status, "declined"),
				borough ? eq(consultations.homeBorough, borough) : undefined,
			),
		);
	const numbers = (f: PlacementFact) => ({
		...f,
		total: Number(f.total),
		toOffer: Number(f.toOffer),
		toStart: Number(f.toStart),
	});
	return { placements: placed.map(numbers), declines };
}

/** Panel figures: timeliness, where children are placed, declines by reason, cost by level. */
export async function panelStats(db: Db, principal: Principal, borough: string | undefined) {
	const scope = statsScope(principal, borough);
	const { placements, declines } = await loadFacts(db, scope.borough);
	const cellOf = <T extends { home: string }>(list: T[]): Cell => ({
		n: list.length,
		own: list.filter((x) => x.home === principal.la).length,
	});

	const all = cellOf(placements);
	const allHidden = !scope.exact && isSmall(all);
	const spread = (pick: (f: PlacementFact) => number) => {
		const sorted = placements.map(pick).sort((a, b) => a - b);
		return {
			medianDays: shown(percentile(sorted, 0.5), allHidden),
			p90Days: shown(percentile(sorted, 0.9), allHidden),
		};
	};

	const where = [
		cellOf(placements.filter((f) => f.home === f.host)),
		cellOf(placements.filter((f) => f.home !== f.host)),
	];
	const whereHidden = hiddenIn(where, scope.exact);

	const byLevel = PROVISION_LEVELS.map((level) => placements.filter((f) => f.level === level));
	const levelHidden = hiddenIn(byLevel.map(cellOf), scope.exact);
	const independent = PROVISION_LEVELS.indexOf("special_independent");

	const byReason = DECLINE_REASONS.map((r) => declines.filter((d) => d.reason === r));
	const reasonHidden = hiddenIn(byReason.map(cellOf), scope.exact);

	return {
		scope: { borough: scope.borough, exact: scope.exact },
		method: STATS_METHOD,
		timeliness: {
			placements: shown(all.n, allHidden),
			referralToOffer: spread((f) => f.toOffer),
			offerToStart: spread((f) => f.toStart),
		},
		placements: {
			inBorough: shown(where[0]?.n ?? 0, whereHidden[0] ?? false),
			outOfBorough: shown(where[1]?.n ?? 0, whereHidden[1] ?? false),
			independent: shown(byLevel[independent]?.length ?? 0, levelHidden[independent] ?? false),
		},
		declinesByReason: DECLINE_REASONS.map((reasonCode, i) => ({
			reasonCode,
			count: shown(byReason[i]?.length ?? 0, reasonHidden[i] ?? false),
		})),
		averageAnnualCostByLevel: PROVISION_LEVELS.map((level, i) => {
			const list = byLevel[i] ?? [];
			const mean = list.length ? list.reduce((s, f) => s + f.total, 0) / list.length : null;
			const hide = levelHidden[i] ?? false;
			return {
				level,
				placements: shown(list.length, hide),
				average: shown(mean === null ? null : Math.round(mean), hide),
			};
		}),
	};
}

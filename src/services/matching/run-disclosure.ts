// A run's figures as a viewer may see them: another borough's counts of 1–4 children hidden.
import type { Principal } from "../../auth/claims.js";
import type { Executor } from "../../db/types.js";
import { type LinkedCount, suppressLinked } from "../sufficiency/suppress.js";
import { type OwnShare, ownShareOf } from "./run-own-share.js";
import { toRun } from "./run-view.js";
import type { RunRow } from "./runs.js";

type Figures = Record<string, unknown>;
interface RunView {
	children: number | null;
	objective: number | null;
	lowerBound: number | null;
	gap: number | null;
	figures: unknown;
	greedy: unknown;
	suppressed: string[];
}

const COUNTS = ["placed", "unplaced", "fallback", "noPlacementFound", "outOfBorough"] as const;
const GREEDY = ["placed", "unplaced", "fallback", "noPlacementFound"] as const;
/** Counts any one of which follows from the others (a difference too). */
const RELATIONS = [
	["children", "figures.placed", "figures.unplaced"],
	["figures.unplaced", "figures.fallback", "figures.noPlacementFound"],
	["children", "greedy.placed", "greedy.unplaced"],
	["greedy.unplaced", "greedy.fallback", "greedy.noPlacementFound"],
	["figures.placed", "greedy.placed", "greedy.savings.extraChildrenPlaced"],
];

const num = (v: unknown) => (typeof v === "number" ? v : null);

/** Every child count of a run view, with the viewer's own part (exact, or bounded for greedy). */
function countsOf(view: RunView, own: OwnShare, total: number) {
	const counts: Record<string, LinkedCount> = { children: { n: total, own: own.children } };
	const f = (view.figures ?? {}) as Figures;
	for (const k of COUNTS) {
		const n = num(f[k]);
		const mine = k === "unplaced" ? own.fallback + own.noPlacementFound : own[k];
		if (n !== null) counts[`figures.${k}`] = { n, own: mine };
	}
	const lawful = num(f.lawfulPreferencesHonoured);
	if (lawful !== null)
		counts["figures.lawfulPreferencesHonoured"] = { n: lawful, own: own.lawfulPreferencesHonoured };
	((f.preferencesHonoured ?? []) as number[]).forEach((n, r) => {
		counts[`figures.preferencesHonoured.${r}`] = { n, own: own.preferencesHonoured[r] ?? 0 };
	});
	for (const [code, n] of Object.entries(
		(f.firstPreferenceReasons ?? {}) as Record<string, number>,
	))
		counts[`figures.firstPreferenceReasons.${code}`] = {
			n,
			own: own.firstPreferenceReasons[code] ?? 0,
		};
	// The greedy baseline is not stored child by child: the own part is at most the own children.
	const g = (view.greedy ?? {}) as Figures;
	const bound = (n: number): LinkedCount =>
		own.children >= total ? { n, own: n } : { n, own: Math.min(n, own.children), exact: false };
	for (const k of GREEDY) {
		const n = num(g[k]);
		if (n !== null) counts[`greedy.${k}`] = bound(n);
	}
	const extra = num((g.savings as Figures | undefined)?.extraChildrenPlaced);
	if (extra !== null) counts["greedy.savings.extraChildrenPlaced"] = bound(Math.abs(extra));
	return counts;
}

function setPath(root: Record<string, unknown>, path: string, value: unknown) {
	const keys = path.split(".");
	let at = root;
	for (const k of keys.slice(0, -1)) {
		const next = at[k];
		if (!next || typeof next !== "object") return;
		const copy = (Array.isArray(next) ? [...next] : { ...next }) as Record<string, unknown>;
		at[k] = copy;
		at = copy;
	}
	at[keys.at(-1) as string] = value;
}

/**
 * Hides the counts of other boroughs' children that are 1–4 (and, by secondary suppression,
 * one more where a relation would give a hidden one away), and the figures that encode a hidden
 * count: the fallbacks' cost, and the objective (its lexicographic weights count children).
 */
export function discloseRun<T extends RunView>(view: T, own: OwnShare): T {
	const total = view.children ?? 0;
	const counts = countsOf(view, own, total);
	const hidden = suppressLinked(counts, RELATIONS);
	const out = { ...view } as unknown as Record<string, unknown>;
	const paths = [...hidden];
	if (hidden.has("figures.fallback")) paths.push("figures.fallbackCost");
	if (hidden.has("greedy.fallback")) paths.push("greedy.fallbackCost");
	if ([...hidden].some((p) => p.startsWith("figures.") || p === "children"))
		paths.push("objective", "lowerBound", "gap", "figures.objective", "figures.preferenceCredit");
	if ([...hidden].some((p) => p.startsWith("greedy."))) paths.push("greedy.objective");
	if (hidden.has("children")) paths.push("figures.stats.children");
	const sides = (view.figures as Figures | null)?.sideConstraints as
		| { outOfBorough?: { borough: string; used: number }[]; groups?: unknown[] }
		| null
		| undefined;
	if (sides?.groups?.length) paths.push("figures.sideConstraints.groups");
	for (const p of paths) setPath(out, p, null);
	if (sides?.outOfBorough) {
		const rows = sides.outOfBorough.map((r) => ({
			...r,
			used: total > own.children ? null : r.used,
		}));
		if (total > own.children) paths.push("figures.sideConstraints.outOfBorough.used");
		setPath(out, "figures.sideConstraints.outOfBorough", rows);
	}
	const all = [...view.suppressed, ...paths];
	return { ...(out as unknown as T), suppressed: [...new Set(all)].sort() };
}

const NOBODY: OwnShare = {
	children: 0,
	placed: 0,
	fallback: 0,
	noPlacementFound: 0,
	outOfBorough: 0,
	lawfulPreferencesHonoured: 0,
	preferencesHonoured: [],
	firstPreferenceReasons: {},
};

/** Whether every child of the run is the viewer's to see exactly (an admin sees all). */
export const seesExactly = (principal: Principal, scopeBoroughs: string[]) =>
	principal.role === "admin" ||
	(principal.la !== null && scopeBoroughs.every((b) => b === principal.la));

/** A run shaped for the API and disclosed to this viewer. */
export async function showRun(
	db: Executor,
	principal: Principal,
	run: RunRow,
	childCount?: number,
) {
	const view = toRun(run, childCount, principal);
	if (seesExactly(principal, run.scopeBoroughs)) return view;
	const own = principal.la ? await ownShareOf(db, run.id, principal.la) : NOBODY;
	return discloseRun(view, own);
}

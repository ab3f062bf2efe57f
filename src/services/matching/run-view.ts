import type { matchingRuns, proposals } from "../../../schema/index.js";
import type { FairShares } from "../../../solver/index.js";
import type { Principal } from "../../auth/claims.js";
import { tenthsOfMinute } from "../rounding.js";
import { fairSharesFor } from "./fair-shares-view.js";

type RunRow = typeof matchingRuns.$inferSelect;
type ProposalRow = typeof proposals.$inferSelect;

/** A stored figures object with the named minute fields rounded to a tenth, as shown. */
function withTenths<T>(figures: T, key: string): T {
	if (!figures || typeof figures !== "object") return figures;
	const value = (figures as Record<string, unknown>)[key];
	return typeof value === "number" ? { ...figures, [key]: tenthsOfMinute(value) } : figures;
}

/** Who sees no borough's row in full: the view when none is named. */
const OUTSIDER: Principal = { subject: "", role: "commissioner", la: null, urn: null, joint: null };

/** Paths (under `at`) whose value the view hides (null) and the stored figures hold. */
function nulledPaths(stored: unknown, shown: unknown, at: string): string[] {
	if (shown === null) return stored === null || stored === undefined ? [] : [at];
	if (!stored || !shown || typeof stored !== "object" || typeof shown !== "object") return [];
	return Object.entries(shown).flatMap(([k, v]) =>
		nulledPaths((stored as Record<string, unknown>)[k], v, `${at}.${k}`),
	);
}

/**
 * A run's stored figures with its per-borough fair shares as the viewer may see them, and the
 * paths of the figures hidden from it.
 */
function figuresFor(figures: unknown, viewer: Principal) {
	const f = withTenths(figures, "journeyMinutes") as Partial<FairShares> | null;
	if (!f?.boroughs || !f.flows || !f.alone || !f.guarantee) return { figures: f, hidden: [] };
	const fair = fairSharesFor(f as FairShares, viewer);
	const hidden = Object.entries(fair).flatMap(([k, v]) =>
		nulledPaths((f as Record<string, unknown>)[k], v, `figures.${k}`),
	);
	return { figures: { ...f, ...fair }, hidden };
}

/** Shapes a run for the API (aggregates only: no child-level data). */
export function toRun(run: RunRow, childCount?: number, viewer: Principal = OUTSIDER) {
	const request = run.request as { scope?: { childIds?: string[] } };
	const figures = run.figures as { optimal?: boolean } | null;
	const shown = figuresFor(run.figures, viewer);
	return {
		id: run.id,
		kind: run.kind as "round" | "planning",
		name: run.name,
		status: run.status as "queued" | "running" | "done" | "failed",
		progress: run.progress,
		borough: run.boroughCode,
		scopeBoroughs: run.scopeBoroughs,
		children: (childCount ?? request.scope?.childIds?.length ?? 0) as number | null,
		engine: run.engine,
		method: run.method,
		optimal: figures?.optimal ?? null,
		objective: run.objective,
		lowerBound: run.lowerBound,
		gap: run.gap,
		figures: shown.figures,
		greedy: withTenths(run.greedy, "journeyMinutes"),
		inputHash: run.inputHash,
		allocationHash: run.allocationHash,
		solverVersion: run.solverVersion,
		dataVersion: run.dataVersion,
		error: run.error,
		createdAt: run.createdAt.toISOString(),
		finishedAt: run.finishedAt?.toISOString() ?? null,
		/** Figures hidden from this viewer (another borough's counts of 1–4 children), by path. */
		suppressed: shown.hidden,
		links: {
			self: `/matching-runs/${run.id}`,
			proposals: `/matching-runs/${run.id}/proposals`,
			replay: `/matching-runs/${run.id}/replay`,
		},
	};
}

export function toProposal(r: {
	p: ProposalRow;
	caseRef: string;
	code: string | null;
	urn: number | null;
	settingName: string | null;
	borough: string | null;
}) {
	return {
		proposalId: r.p.id,
		childId: r.p.childId,
		caseRef: r.caseRef,
		placed: r.p.provisionId !== null,
		urn: r.urn,
		settingName: r.settingName,
		provision: r.code,
		borough: r.borough,
		annualCost: r.p.annualCost,
		journeyMinutes: r.p.journeyMinutes === null ? null : tenthsOfMinute(r.p.journeyMinutes),
		accepted: r.p.accepted,
		explanation: withTenths(r.p.explanation, "minutes"),
	};
}

const CSV_COLUMNS = [
	"proposalId",
	"caseRef",
	"childId",
	"placed",
	"urn",
	"settingName",
	"provision",
	"borough",
	"annualCost",
	"journeyMinutes",
	"reason",
] as const;

function cell(value: unknown): string {
	if (value === null || value === undefined) return "";
	let text = String(value);
	if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
	return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Proposals as CSV (RFC 4180, CRLF, header row): one row per child, plain numbers. */
export function proposalsCsv(items: ReturnType<typeof toProposal>[]): string {
	const lines = [CSV_COLUMNS.join(",")];
	for (const item of items) {
		const reason = item.placed ? "" : ((item.explanation as { reason?: string }).reason ?? "");
		const row = { ...item, reason };
		lines.push(CSV_COLUMNS.map((col) => cell(row[col])).join(","));
	}
	return `${lines.join("\r\n")}\r\n`;
}

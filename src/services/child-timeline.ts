import type { Db } from "../db/types.js";
import {
	consultationsOfChild,
	decisionsAbout,
	placementsOfChild,
	settingNames,
} from "../queries/child-timeline.js";
import { type Actor, audit } from "./audit.js";
import { homeBoroughOf, loadOwn } from "./children.js";
import { isoDay } from "./matching/params.js";

export interface TimelineEvent {
	/** ISO date or instant; events sort by it. */
	at: string;
	title: string;
	detail?: string;
	/** Who decided, for a decision. */
	by?: string;
	tone?: "overdue" | "declined" | "agreed" | "placed";
}

const ACTIONS: Record<string, string> = {
	"child.create": "Registered with the panel",
	"child.update": "Plan details changed",
	"consultation.open": "Consultation sent",
	"consultation.withdraw": "Consultation withdrawn",
	"consultation.answer": "Consultation answered",
	"placement.confirm": "Placement confirmed",
	"placement.end": "Placement ended",
	"placement.cancel": "Placement cancelled",
};

function changedFields(before: unknown, after: unknown): string | undefined {
	if (!before || !after || typeof before !== "object" || typeof after !== "object") return;
	const skip = new Set(["version", "updatedAt"]);
	const b = before as Record<string, unknown>;
	const changed = Object.keys(after).filter(
		(k) =>
			!skip.has(k) &&
			JSON.stringify(b[k]) !== JSON.stringify((after as Record<string, unknown>)[k]),
	);
	return changed.length ? `Changed: ${changed.join(", ")}` : undefined;
}

/**
 * A child's story for its panel: plan finalised, search started, each consultation sent, answered
 * or overdue (with the reason for a decline), every decision with who made it and why, placements.
 * Reading it is audited as a read of the child and of its consultations.
 */
export async function childTimeline(db: Db, actor: Actor, childId: string, now: Date) {
	const borough = homeBoroughOf(actor.principal);
	const child = await loadOwn(db, borough, childId);
	// Independent reads (in parallel on PostgreSQL), then the decisions about what they found, then
	// one audit entry for each read, as the child's own read and its consultations' list would write.
	const [consultations, placed, preferenceNames] = await Promise.all([
		consultationsOfChild(db, borough, childId),
		placementsOfChild(db, borough, childId),
		settingNames(db, child.preferences),
	]);
	const decisions = await decisionsAbout(db, {
		child: childId,
		consultations: consultations.map((v) => v.c.id),
		placements: placed.map((p) => p.pl.id),
	});
	await audit(db, actor, [
		{ action: "child.read", entityType: "child", entityId: childId },
		{
			action: "consultation.list",
			entityType: "consultation",
			entityId: `borough:${borough}`,
			after: { filter: { childId, limit: 100, offset: 0 }, ids: consultations.map((v) => v.c.id) },
		},
	]);
	const today = isoDay(now);
	const events: TimelineEvent[] = [
		{ at: child.referredAt.toISOString(), title: "Referred to the panel" },
	];
	if (child.planFinalisedOn)
		events.push({ at: child.planFinalisedOn, title: "EHC plan finalised" });
	if (child.searchStartedOn)
		events.push({ at: child.searchStartedOn, title: "Search for a place started" });
	if (child.outOfEducationSince)
		events.push({ at: child.outOfEducationSince, title: "Out of education", tone: "overdue" });
	for (const { c, setting, provision } of consultations) {
		const where = `${setting.name} (${provision.name})`;
		if (c.status === "open" && c.dueAt < today)
			events.push({
				at: c.dueAt,
				title: `Consultation overdue: ${where}`,
				detail: `Due ${c.dueAt}`,
				tone: "overdue",
			});
		if (c.answeredAt) {
			const agreed = c.canMeetNeed && c.hasCapacity;
			events.push({
				at: c.answeredAt.toISOString(),
				title: `${agreed ? "Agreed" : "Declined"}: ${where}`,
				detail: agreed ? undefined : `${c.reasonCode ?? "no reason code"}: ${c.evidence ?? ""}`,
				by: c.answeredBy ?? undefined,
				tone: agreed ? "agreed" : "declined",
			});
		}
	}
	const names = new Map(
		consultations.map((v) => [v.c.id, `${v.setting.name} (${v.provision.name})`]),
	);
	for (const p of placed) names.set(p.pl.id, `${p.settingName} (${p.provision.name})`);
	for (const d of decisions) {
		if (d.action === "consultation.answer") continue; // shown above with its answer
		const after = (d.after ?? {}) as { reason?: string };
		const about = names.get(d.entityId);
		events.push({
			at: d.at.toISOString(),
			title: `${ACTIONS[d.action] ?? d.action}${about ? `: ${about}` : ""}`,
			detail:
				after.reason ??
				(d.action === "child.update" ? changedFields(d.before, d.after) : undefined),
			by: `${d.actor} (${d.role})`,
			tone: d.action === "placement.confirm" ? "placed" : undefined,
		});
	}
	events.sort((a, b) => a.at.localeCompare(b.at));
	const preferences = child.preferences.map((urn) => ({
		urn,
		name: preferenceNames.get(urn) ?? null,
	}));
	return { child, events, preferences, consultations: consultations, placements: placed };
}

// An old URN → the establishment that carries it on now (GIAS links: academy conversions,
// amalgamations), wherever a URN is accepted.

import { inArray } from "drizzle-orm";
import { settings, urnLinks } from "../../schema/index.js";
import type { Executor } from "../db/types.js";

export interface Resolved {
	/** The URN asked for. */
	from: number;
	/** The URN of the current establishment. */
	urn: number;
	/** The URNs in between, oldest first, and the last link's GIAS type. */
	via: number[];
	linkType: string;
}

/** Links followed at most (a chain of conversions is short; this stops a cycle in bad data). */
const MAX_STEPS = 10;

/**
 * Each URN that is not an open stored setting but has successors leading to one (a single
 * successor at each step) → that setting. URNs that are open settings, or lead nowhere stored,
 * or split into several successors, are left out: the caller treats them as given.
 */
export async function resolveSuccessors(
	db: Executor,
	urns: number[],
): Promise<Map<number, Resolved>> {
	const out = new Map<number, Resolved>();
	const wanted = [...new Set(urns)];
	if (wanted.length === 0) return out;
	const open = async (list: number[]) => {
		const rows = list.length
			? await db
					.select({ urn: settings.urn, closedOn: settings.closedOn })
					.from(settings)
					.where(inArray(settings.urn, list))
			: [];
		return new Map(rows.map((r) => [r.urn, r.closedOn === null]));
	};
	const stored = await open(wanted);
	let walking = wanted
		.filter((u) => stored.get(u) !== true)
		.map((u) => ({ from: u, at: u, via: [] as number[], linkType: "" }));
	for (let step = 0; step < MAX_STEPS && walking.length; step++) {
		const links = await db
			.select()
			.from(urnLinks)
			.where(
				inArray(
					urnLinks.predecessorUrn,
					walking.map((w) => w.at),
				),
			);
		const next = new Map<number, typeof links>();
		for (const l of links) next.set(l.predecessorUrn, [...(next.get(l.predecessorUrn) ?? []), l]);
		const moved = walking.flatMap((w) => {
			const onward = next.get(w.at) ?? [];
			const link = onward[0];
			if (
				onward.length !== 1 ||
				!link ||
				w.via.includes(link.successorUrn) ||
				link.successorUrn === w.from
			)
				return [];
			return [
				{
					from: w.from,
					at: link.successorUrn,
					via: step ? [...w.via, w.at] : [],
					linkType: link.linkType,
				},
			];
		});
		const here = await open(moved.map((m) => m.at));
		walking = [];
		for (const m of moved) {
			if (here.get(m.at) === true)
				out.set(m.from, { from: m.from, urn: m.at, via: m.via, linkType: m.linkType });
			else walking.push(m);
		}
	}
	return out;
}

/** "URN 100001 is now 145678 (Successor)" for an answer that resolved one. */
export function describeResolved(r: Resolved): string {
	const via = r.via.length ? ` via ${r.via.join(", ")}` : "";
	return `URN ${r.from} is now ${r.urn}${via} (GIAS link: ${r.linkType})`;
}

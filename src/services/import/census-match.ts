// Rows of a DfE statistics file → the stored settings they describe (an old URN through its GIAS
// successor, saying so; a successor that has its own row keeps that row).

import { inArray } from "drizzle-orm";
import { settings } from "../../../schema/index.js";
import type { Executor } from "../../db/types.js";
import { describeResolved, type Resolved, resolveSuccessors } from "../urn-successors.js";
import { chunks } from "./bulk.js";

export interface Matched<R> {
	target: Map<number, R>;
	resolved: { row: number; from: number; urn: number; message: string }[];
	passedOver: { row: number; urn: number; reason: string }[];
}

export async function matchSettings<R extends { row: number; urn: number }>(
	tx: Executor,
	rows: R[],
): Promise<Matched<R>> {
	const urns = rows.map((r) => r.urn);
	const stored = new Set<number>();
	for (const chunk of chunks(urns, 5000))
		for (const s of await tx
			.select({ urn: settings.urn })
			.from(settings)
			.where(inArray(settings.urn, chunk)))
			stored.add(s.urn);
	const successors = new Map<number, Resolved>();
	for (const chunk of chunks(
		urns.filter((u) => !stored.has(u)),
		5000,
	))
		for (const [from, r] of await resolveSuccessors(tx, chunk)) successors.set(from, r);
	const target = new Map<number, R>();
	const resolved: Matched<R>["resolved"] = [];
	const passedOver: Matched<R>["passedOver"] = [];
	for (const r of rows) if (stored.has(r.urn)) target.set(r.urn, r);
	for (const r of rows) {
		const to = successors.get(r.urn);
		if (!to) continue;
		if (target.has(to.urn)) {
			passedOver.push({
				row: r.row,
				urn: r.urn,
				reason: `${describeResolved(to)}, which has its own row in the file`,
			});
			continue;
		}
		target.set(to.urn, { ...r, urn: to.urn });
		resolved.push({ row: r.row, from: r.urn, urn: to.urn, message: describeResolved(to) });
	}
	resolved.sort((a, b) => a.row - b.row);
	return { target, resolved, passedOver };
}

/** JSON with object keys sorted (jsonb keeps its own key order) and lists of codes sorted. */
export function canonical(value: unknown): string {
	return JSON.stringify(value, (_, v) =>
		Array.isArray(v) && v.every((x) => typeof x === "string")
			? [...v].sort()
			: v && typeof v === "object" && !Array.isArray(v)
				? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
				: v,
	);
}

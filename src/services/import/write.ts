// The import's writes, inside its transaction: what changed, through the audited PUT writes.

import { and, eq, inArray, sql } from "drizzle-orm";
import { provisions, settings } from "../../../schema/index.js";
import type { Executor } from "../../db/types.js";
import type { Actor } from "../audit.js";
import { audit } from "../audit.js";
import { writeProvision, writeSetting } from "../settings-write.js";
import { type Change, planRow, type RowPlan, type Source } from "./merge.js";
import { atRow } from "./rejection.js";
import type { ClosedRow, ValidRow } from "./rows.js";
import type { Stored, StoredSetting } from "./stored.js";

const versionOf = (etag: string) => Number(/(\d+)"?$/.exec(etag)?.[1] ?? 0);

/**
 * Writes each row's changes; an unchanged row is not written (its version stays), only its
 * register date moves on to this file's. Returns each plan with the setting's version after.
 */
export async function writePlans(
	tx: Executor,
	actor: Actor,
	rows: ValidRow[],
	stored: Stored,
	source: Source,
	now: Date,
	onProgress: (done: number) => void,
): Promise<{ plan: RowPlan; version: number }[]> {
	const out: { plan: RowPlan; version: number }[] = [];
	const unchanged: number[] = [];
	for (const row of rows) {
		const plan = planRow(row, stored, source);
		let version = stored.settings.get(row.urn)?.version ?? 0;
		let at: number | undefined;
		try {
			if (plan.settingChanged) {
				const w = await writeSetting(tx, actor, row.urn, plan.setting, undefined, now, plan.origin);
				version = versionOf(w.etag);
			}
			for (const [j, p] of plan.provisions.entries()) {
				if (!p.changed) continue;
				at = j;
				const w = await writeProvision(
					tx,
					actor,
					row.urn,
					p.code,
					p.input,
					undefined,
					now,
					p.origin,
				);
				version = versionOf(w.etag);
			}
		} catch (error) {
			throw atRow(error, row, at);
		}
		if (plan.outcome === "unchanged") unchanged.push(row.urn);
		out.push({ plan, version });
		if (out.length % 100 === 0) onProgress(out.length);
	}
	onProgress(out.length);
	if (source.name === "gias") await confirmAsOf(tx, unchanged, source.asOf);
	return out;
}

/** A newer extract that repeats what is stored confirms it: the register date moves on. */
async function confirmAsOf(tx: Executor, urns: number[], asOf: string): Promise<void> {
	if (urns.length === 0) return;
	const moved = (column: typeof settings.provenance | typeof provisions.provenance) =>
		sql`jsonb_set(${column}, '{asOf}', to_jsonb(${asOf}::text))`;
	const older = (column: typeof settings.provenance | typeof provisions.provenance) =>
		sql`${column}->>'source' = 'gias' and ${column}->>'asOf' < ${asOf}`;
	await tx
		.update(settings)
		.set({ provenance: moved(settings.provenance) })
		.where(and(inArray(settings.urn, urns), older(settings.provenance)));
	await tx
		.update(provisions)
		.set({ provenance: moved(provisions.provenance) })
		.where(and(inArray(provisions.settingUrn, urns), older(provisions.provenance)));
}

/**
 * Marks stored settings the register says closed: kept, with the day, and out of the supply of
 * places from then on (ranked options, rounds, sufficiency). A setting already closed is left.
 */
export async function closeSettings(
	tx: Executor,
	actor: Actor,
	closing: ClosedRow[],
	stored: Map<number, StoredSetting>,
	now: Date,
): Promise<{ rows: { row: number; urn: number; closedOn: string }[]; changes: Change[] }> {
	const rows: { row: number; urn: number; closedOn: string }[] = [];
	const changes: Change[] = [];
	for (const c of closing) {
		const before = c.urn === null ? undefined : stored.get(c.urn);
		if (!before || before.closedOn) continue;
		const [after] = await tx
			.update(settings)
			.set({ closedOn: c.closedOn, version: before.version + 1, updatedAt: now })
			.where(eq(settings.urn, before.urn))
			.returning();
		await audit(tx, actor, {
			action: "setting.close",
			entityType: "setting",
			entityId: String(before.urn),
			before,
			after: after ?? null,
		});
		rows.push({ row: c.row, urn: before.urn, closedOn: c.closedOn });
		changes.push({ row: c.row, urn: before.urn, field: "closedOn", from: null, to: c.closedOn });
	}
	return { rows, changes };
}

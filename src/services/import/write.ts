// The import's writes, inside its transaction: what changed, in a few set-based statements (a
// thousand rows each), each record audited as PUT /settings/{urn} and its provisions audit it.

import { and, inArray, sql } from "drizzle-orm";
import { provisionNeedTypes, provisions, settings } from "../../../schema/index.js";
import type { Executor } from "../../db/types.js";
import { ApiError } from "../../http/problem.js";
import type { Actor, AuditEntry } from "../audit.js";
import { audit } from "../audit.js";
import { chunks, districtCentres, districtOf, fromExcluded } from "./bulk.js";
import { type Change, type ProvisionPlan, planRow, type RowPlan, type Source } from "./merge.js";
import type { ClosedRow, ValidRow } from "./rows.js";
import type { Stored, StoredSetting } from "./stored.js";

type SettingRow = typeof settings.$inferInsert;
type ProvisionRow = typeof provisions.$inferInsert;

/**
 * Writes what changed: the settings whose own fields changed or that are new (one upsert per
 * thousand), their changed provisions (likewise) with their designations, one version step for
 * each setting written or whose provisions were, one audit event per record written. An
 * unchanged row is not written (its version stays); only its register date moves on. The rows
 * were checked before (borough, ages, vacancies, location), so nothing here can refuse one.
 * Returns each plan with the setting's version after.
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
	const plans = rows.map((row) => planRow(row, stored, source));
	const entries: AuditEntry[] = [];
	const versions = new Map<number, number>();
	const changedSettings = plans.filter((p) => p.settingChanged);
	const centres = await districtCentres(
		tx,
		changedSettings.flatMap((p) =>
			p.setting.location || !p.setting.postcode ? [] : [districtOf(p.setting.postcode)],
		),
	);
	let done = 0;
	for (const chunk of chunks(changedSettings)) {
		const written = await tx
			.insert(settings)
			.values(
				chunk.map((p) => ({
					...settingRow(p, centres, now),
					version: (stored.settings.get(p.row.urn)?.version ?? 0) + 1,
				})),
			)
			.onConflictDoUpdate({
				target: settings.urn,
				set: fromExcluded(settings, ["urn", "s41Approved", "createdAt"]),
				setWhere: unchangedSince(settings.version),
			})
			.returning();
		refuseIfRaced(chunk.length, written.length, "setting");
		for (const after of written) {
			const before = stored.settings.get(after.urn);
			versions.set(after.urn, after.version);
			entries.push({
				action: before ? "setting.update" : "setting.create",
				entityType: "setting",
				entityId: String(after.urn),
				before: before ?? null,
				after,
			});
		}
		done += chunk.length;
		onProgress(done);
	}

	const changedProvisions = plans.flatMap((plan) =>
		plan.provisions.filter((p) => p.changed).map((p) => ({ plan, p })),
	);
	for (const chunk of chunks(changedProvisions)) {
		const written = await tx
			.insert(provisions)
			.values(
				chunk.map(({ plan, p }) => ({
					...provisionRow(plan, p, stored, now),
					version: (stored.provisions.get(`${plan.row.urn}/${p.code}`)?.version ?? 0) + 1,
				})),
			)
			.onConflictDoUpdate({
				target: [provisions.settingUrn, provisions.code],
				set: fromExcluded(provisions, ["id", "settingUrn", "code", "createdAt"]),
				setWhere: unchangedSince(provisions.version),
			})
			.returning();
		refuseIfRaced(chunk.length, written.length, "provision");
		const needsOf = new Map(
			chunk.map(({ plan, p }) => [`${plan.row.urn}/${p.code}`, [...p.input.needTypes].sort()]),
		);
		const ids = written.map((w) => w.id);
		await tx.delete(provisionNeedTypes).where(inArray(provisionNeedTypes.provisionId, ids));
		await tx.insert(provisionNeedTypes).values(
			written.flatMap((w) =>
				(needsOf.get(`${w.settingUrn}/${w.code}`) ?? []).map((needCode) => ({
					provisionId: w.id,
					needCode,
				})),
			),
		);
		for (const after of written) {
			const key = `${after.settingUrn}/${after.code}`;
			const before = stored.provisions.get(key);
			entries.push({
				action: before ? "provision.update" : "provision.create",
				entityType: "provision",
				entityId: key,
				before: before ?? null,
				after: { ...after, needTypes: needsOf.get(key) ?? [] },
			});
		}
	}

	// A setting whose provisions changed but not itself still takes a new version (its ETag).
	const touched = [
		...new Set(changedProvisions.filter((c) => !c.plan.settingChanged).map((c) => c.plan.row.urn)),
	];
	for (const chunk of chunks(touched)) {
		const bumped = await tx
			.update(settings)
			.set({ version: sql`${settings.version} + 1`, updatedAt: now })
			.where(inArray(settings.urn, chunk))
			.returning({ urn: settings.urn, version: settings.version });
		for (const b of bumped) versions.set(b.urn, b.version);
	}
	for (const chunk of chunks(entries)) await audit(tx, actor, chunk);
	onProgress(plans.length);

	const unchanged = plans.filter((p) => p.outcome === "unchanged").map((p) => p.row.urn);
	if (source.name === "gias") await confirmAsOf(tx, unchanged, source.asOf);
	return plans.map((plan) => ({
		plan,
		version: versions.get(plan.row.urn) ?? stored.settings.get(plan.row.urn)?.version ?? 0,
	}));
}

/**
 * The upsert's guard against another writer: each row proposes the version after the one read
 * (1 for a record read as absent), and a stored row is overwritten only while it still has the
 * version read. A record created or changed meanwhile is left alone and missing from RETURNING.
 */
const unchangedSince = (version: typeof settings.version | typeof provisions.version) =>
	sql`${version} = excluded."version" - 1`;

/** Fewer rows written than proposed: another request wrote one of them meanwhile (409, rolled back). */
function refuseIfRaced(proposed: number, written: number, what: string): void {
	if (written < proposed)
		throw new ApiError(
			"conflict",
			`${proposed - written} ${what}${proposed - written > 1 ? "s were" : " was"} written by another request meanwhile; nothing was imported, retry`,
		);
}

/** A setting's row as PUT /settings/{urn} writes it (a missing location: its district's centre). */
function settingRow(
	plan: RowPlan,
	centres: Map<string, { lat: number; lon: number }>,
	now: Date,
): SettingRow {
	const input = plan.setting;
	const postcode = input.postcode?.toUpperCase() ?? null;
	const centre = postcode ? centres.get(districtOf(postcode)) : undefined;
	const location = input.location ?? centre;
	// checkAgainstDatabase refused every row with neither a location nor a known district.
	if (!location) throw new Error(`setting ${plan.row.urn} has no location`);
	return {
		urn: plan.row.urn,
		name: input.name,
		boroughCode: input.borough,
		giasType: input.giasType,
		phase: input.phase,
		ageMin: input.ageRange.min,
		ageMax: input.ageRange.max,
		postcode,
		lat: location.lat,
		lon: location.lon,
		locationSource: input.location ? "published" : "postcode-district-centroid",
		pupilCount: input.pupilCount ?? null,
		status: input.status ?? null,
		synthetic: plan.origin.synthetic,
		provenance: plan.origin.provenance,
		closedOn: plan.origin.closedOn ?? null,
		createdAt: now,
		updatedAt: now,
	};
}

/** A provision's row as PUT …/provisions/{code} writes it (pupils on roll kept unless given). */
function provisionRow(plan: RowPlan, p: ProvisionPlan, stored: Stored, now: Date): ProvisionRow {
	const old = stored.provisions.get(`${plan.row.urn}/${p.code}`);
	const { input, origin } = p;
	return {
		settingUrn: plan.row.urn,
		code: p.code,
		name: input.name,
		level: input.level,
		ageMin: input.ageRange.min,
		ageMax: input.ageRange.max,
		places: input.places,
		placeFunding: input.annualCost.placeFunding,
		topUp: input.annualCost.topUp,
		fee: input.annualCost.fee,
		onRoll: origin.onRoll === undefined ? (old?.onRoll ?? null) : origin.onRoll,
		synthetic: origin.synthetic,
		provenance: origin.provenance,
		createdAt: now,
		updatedAt: now,
	};
}

/** A newer extract that repeats what is stored confirms it: the register date moves on. */
async function confirmAsOf(tx: Executor, urns: number[], asOf: string): Promise<void> {
	const moved = (column: typeof settings.provenance | typeof provisions.provenance) =>
		sql`jsonb_set(${column}, '{asOf}', to_jsonb(${asOf}::text))`;
	const older = (column: typeof settings.provenance | typeof provisions.provenance) =>
		sql`${column}->>'source' = 'gias' and ${column}->>'asOf' < ${asOf}`;
	for (const chunk of chunks(urns)) {
		await tx
			.update(settings)
			.set({ provenance: moved(settings.provenance) })
			.where(and(inArray(settings.urn, chunk), older(settings.provenance)));
		await tx
			.update(provisions)
			.set({ provenance: moved(provisions.provenance) })
			.where(and(inArray(provisions.settingUrn, chunk), older(provisions.provenance)));
	}
}

/**
 * Marks stored settings the register says closed: kept, with the day, and out of the supply of
 * places from then on (ranked options, rounds, sufficiency). A setting already closed is left.
 * One statement per closing day (an extract has few), one audit event per setting.
 */
export async function closeSettings(
	tx: Executor,
	actor: Actor,
	closing: ClosedRow[],
	stored: Map<number, StoredSetting>,
	now: Date,
): Promise<{ rows: { row: number; urn: number; closedOn: string }[]; changes: Change[] }> {
	const open = closing.filter((c) => {
		const before = c.urn === null ? undefined : stored.get(c.urn);
		return before !== undefined && !before.closedOn;
	});
	const byDay = new Map<string, number[]>();
	for (const c of open) byDay.set(c.closedOn, [...(byDay.get(c.closedOn) ?? []), c.urn as number]);
	const entries: AuditEntry[] = [];
	for (const [day, urns] of byDay)
		for (const chunk of chunks(urns)) {
			const closed = await tx
				.update(settings)
				.set({ closedOn: day, version: sql`${settings.version} + 1`, updatedAt: now })
				.where(inArray(settings.urn, chunk))
				.returning();
			for (const after of closed)
				entries.push({
					action: "setting.close",
					entityType: "setting",
					entityId: String(after.urn),
					before: stored.get(after.urn) ?? null,
					after,
				});
		}
	for (const chunk of chunks(entries)) await audit(tx, actor, chunk);
	return {
		rows: open.map((c) => ({ row: c.row, urn: c.urn as number, closedOn: c.closedOn })),
		changes: open.map((c) => ({
			row: c.row,
			urn: c.urn as number,
			field: "closedOn",
			from: null,
			to: c.closedOn,
		})),
	};
}

// npm run import:high-needs-places: ESFA high-needs place numbers per URN, a second source beside
// the register's published capacities, all or nothing. A capacity above the funded places is flagged.

import { inArray } from "drizzle-orm";
import { type CensusFinding, settingFundedPlaces } from "../../schema/index.js";
import type { Db } from "../db/types.js";
import { type Actor, audit } from "./audit.js";
import { chunks, fromExcluded } from "./import/bulk.js";
import { canonical, matchSettings } from "./import/census-match.js";
import type { ByteSource, Encoding } from "./import/encoding.js";
import { type PlacesRow, readPlaces } from "./import/high-needs.js";
import { dateInName } from "./import/read-rows.js";
import { rejection } from "./import/rejection.js";
import { readSheetRows } from "./import/sheet-rows.js";
import { loadStored, type StoredProvision } from "./import/stored.js";

const UNIT_LEVELS = new Set(["sen_unit", "resourced_provision", "esta"]);
const COMPARED = [
	"academicYear",
	"specialPlaces",
	"unitPlaces6k",
	"unitPlaces10k",
	"findings",
] as const;

function compare(
	kind: string,
	what: string,
	funded: number | null,
	published: StoredProvision[],
	year: string,
): CensusFinding[] {
	if (funded === null) return [];
	const places = published.reduce((a, p) => a + p.places, 0);
	const codes = published.map((p) => p.code).join(", ");
	if (published.length === 0)
		return funded > 0
			? [
					{
						kind,
						status: "flagged",
						message: `ESFA funds ${funded} ${what} places (${year}); the register publishes no such provision`,
					},
				]
			: [];
	if (places > funded)
		return [
			{
				kind,
				status: "flagged",
				message: `the register publishes ${places} places (${codes}), above the ${funded} ${what} places ESFA funds (${year})`,
			},
		];
	return [
		{
			kind,
			status: "confirmed",
			message: `${places} places (${codes}) within the ${funded} ${what} places ESFA funds (${year})`,
		},
	];
}

export function placesFindings(r: PlacesRow, provisions: StoredProvision[], year: string) {
	const units =
		r.unitPlaces6k === null && r.unitPlaces10k === null
			? null
			: (r.unitPlaces6k ?? 0) + (r.unitPlaces10k ?? 0);
	return [
		...compare(
			"special_places",
			"pre-16 special",
			r.specialPlaces,
			provisions.filter((p) => p.level.startsWith("special_")),
			year,
		),
		...compare(
			"unit_places",
			"pre-16 SEN unit/RP",
			units,
			provisions.filter((p) => UNIT_LEVELS.has(p.level)),
			year,
		),
	];
}

export async function importHighNeedsPlaces(
	db: Db,
	actor: Actor,
	body: { source: ByteSource; encoding?: Encoding; name?: string },
	now: Date,
	options: { dryRun?: boolean; asOf?: string } = {},
) {
	const sheet = await readSheetRows(body.source, "High_Needs_Places", body.encoding);
	const read = readPlaces(sheet.rows, sheet.formulas);
	if (read.errors.length) throw rejection(read.errors);
	const asOf = options.asOf ?? dateInName(body.name) ?? now.toISOString().slice(0, 10);
	const year = read.academicYear ?? "the file's year";
	return db.transaction(async (tx) => {
		const { target, resolved, passedOver } = await matchSettings(tx, read.rows);
		const registered = await loadStored(tx, [...target.keys()]);
		const byUrn = new Map<number, StoredProvision[]>();
		for (const p of registered.provisions.values())
			byUrn.set(p.settingUrn, [...(byUrn.get(p.settingUrn) ?? []), p]);
		const before = new Map<number, typeof settingFundedPlaces.$inferSelect>();
		for (const chunk of chunks([...target.keys()], 5000))
			for (const b of await tx
				.select()
				.from(settingFundedPlaces)
				.where(inArray(settingFundedPlaces.urn, chunk)))
				before.set(b.urn, b);
		const outcomes: { row: number; urn: number; outcome: string }[] = [];
		const flags: (CensusFinding & { row: number; urn: number })[] = [];
		const writes: (typeof settingFundedPlaces.$inferInsert)[] = [];
		let confirmed = 0;
		for (const [urn, r] of target) {
			const findings = placesFindings(r, byUrn.get(urn) ?? [], year);
			const next = {
				urn,
				academicYear: read.academicYear,
				specialPlaces: r.specialPlaces,
				unitPlaces6k: r.unitPlaces6k,
				unitPlaces10k: r.unitPlaces10k,
				findings,
				provenance: {
					source: "esfa-high-needs-places",
					...(body.name ? { file: body.name } : {}),
					asOf,
					real: ["academicYear", "specialPlaces", "unitPlaces6k", "unitPlaces10k"],
				},
				updatedAt: now,
			};
			const was = before.get(urn);
			const same = was && COMPARED.every((f) => canonical(was[f]) === canonical(next[f]));
			const outcome = !was ? "created" : same ? "unchanged" : "updated";
			outcomes.push({ row: r.row, urn, outcome });
			if (outcome !== "unchanged") writes.push(next);
			for (const f of findings)
				if (f.status === "flagged") flags.push({ ...f, row: r.row, urn });
				else confirmed++;
		}
		if (!options.dryRun) {
			for (const chunk of chunks(writes))
				await tx
					.insert(settingFundedPlaces)
					.values(chunk)
					.onConflictDoUpdate({
						target: settingFundedPlaces.urn,
						set: fromExcluded(settingFundedPlaces, ["urn"]),
					});
			await audit(tx, actor, {
				action: "setting_funded_places.import",
				entityType: "setting_funded_places",
				entityId: body.name ?? "high-needs-places",
				after: {
					asOf,
					academicYear: read.academicYear,
					written: writes.length,
					rows: read.records,
				},
			});
		}
		const count = (o: string) => outcomes.filter((x) => x.outcome === o).length;
		return {
			file: {
				...(body.name ? { name: body.name } : {}),
				kind: sheet.kind,
				...(sheet.sheet ? { sheet: sheet.sheet } : {}),
				...(sheet.encoding ? { encoding: sheet.encoding } : {}),
				rows: read.records,
				academicYear: read.academicYear,
				asOf,
			},
			settings: outcomes.length,
			created: count("created"),
			updated: count("updated"),
			unchanged: count("unchanged"),
			flagged: new Set(flags.map((f) => f.urn)).size,
			confirmed,
			notInRegister: read.rows.length - outcomes.length - passedOver.length,
			resolved,
			passedOver,
			flags: flags.sort((a, b) => a.row - b.row),
			dryRun: options.dryRun === true,
		};
	});
}

// npm run import:sen-schools: the DfE school-level SEN census against the register, all or
// nothing. Each setting it names gets its real EHC plans by primary need; each provision's
// designations are confirmed or flagged; a unit on one side only is reported.

import { inArray } from "drizzle-orm";
import { type CensusFinding, settingCensus, settings } from "../../schema/index.js";
import type { Db, Executor } from "../db/types.js";
import { type Actor, audit } from "./audit.js";
import { chunks, fromExcluded } from "./import/bulk.js";
import { censusFindings } from "./import/census-findings.js";
import { type ByteSource, detectEncoding, type Encoding } from "./import/encoding.js";
import { dateInName } from "./import/read-rows.js";
import { rejection } from "./import/rejection.js";
import { type CensusRow, readSenCensus } from "./import/sen-census.js";
import { loadStored, type StoredProvision } from "./import/stored.js";
import { describeResolved, type Resolved, resolveSuccessors } from "./urn-successors.js";

export interface CensusImportOptions {
	dryRun?: boolean;
	asOf?: string;
	onProgress?: (p: { phase: "reading" | "writing"; done: number; total?: number }) => void;
}

type CensusRecord = typeof settingCensus.$inferInsert;
const COMPARED = [
	"period",
	"totalPupils",
	"senSupport",
	"ehcPlans",
	"ehcByNeed",
	"senUnit",
	"resourcedProvision",
	"designations",
	"findings",
] as const;

/** JSON with object keys sorted (jsonb keeps its own key order) and sets of codes sorted. */
function canonical(value: unknown): string {
	return JSON.stringify(value, (_, v) =>
		Array.isArray(v) && v.every((x) => typeof x === "string")
			? [...v].sort()
			: v && typeof v === "object" && !Array.isArray(v)
				? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
				: v,
	);
}

/** Which census URNs are stored settings, directly or through their GIAS successor. */
async function matchSettings(tx: Executor, rows: CensusRow[]) {
	const urns = rows.map((r) => r.urn);
	const stored = new Set<number>();
	for (const chunk of chunks(urns, 5000))
		for (const s of await tx
			.select({ urn: settings.urn })
			.from(settings)
			.where(inArray(settings.urn, chunk)))
			stored.add(s.urn);
	const resolved = new Map<number, Resolved>();
	for (const chunk of chunks(
		urns.filter((u) => !stored.has(u)),
		5000,
	))
		for (const [from, r] of await resolveSuccessors(tx, chunk)) resolved.set(from, r);
	return { stored, resolved };
}

export async function importSenSchools(
	db: Db,
	actor: Actor,
	body: { source: ByteSource; encoding?: Encoding; name?: string },
	now: Date,
	options: CensusImportOptions = {},
) {
	const encoding = body.encoding ?? (await detectEncoding(body.source));
	const read = await readSenCensus(body.source, encoding, (done) =>
		options.onProgress?.({ phase: "reading", done, total: body.source.size }),
	);
	if (read.errors.length) throw rejection(read.errors);
	const asOf = options.asOf ?? dateInName(body.name) ?? now.toISOString().slice(0, 10);
	return db.transaction(async (tx) => {
		const { stored, resolved } = await matchSettings(tx, read.rows);
		const target = new Map<number, CensusRow>();
		const resolutions: { row: number; from: number; urn: number; message: string }[] = [];
		const passedOver: { row: number; urn: number; reason: string }[] = [];
		for (const r of read.rows) if (stored.has(r.urn)) target.set(r.urn, r);
		for (const r of read.rows) {
			const to = resolved.get(r.urn);
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
			resolutions.push({ row: r.row, from: r.urn, urn: to.urn, message: describeResolved(to) });
		}
		const registered = await loadStored(tx, [...target.keys()]);
		const before = new Map<number, typeof settingCensus.$inferSelect>();
		for (const chunk of chunks([...target.keys()], 5000))
			for (const c of await tx
				.select()
				.from(settingCensus)
				.where(inArray(settingCensus.urn, chunk)))
				before.set(c.urn, c);
		const byUrn = new Map<number, StoredProvision[]>();
		for (const p of registered.provisions.values())
			byUrn.set(p.settingUrn, [...(byUrn.get(p.settingUrn) ?? []), p]);

		const outcomes: { row: number; urn: number; outcome: "created" | "updated" | "unchanged" }[] =
			[];
		const flags: (CensusFinding & { row: number; urn: number })[] = [];
		let confirmed = 0;
		const writes: CensusRecord[] = [];
		for (const [urn, r] of target) {
			const findings = censusFindings(r, byUrn.get(urn) ?? []);
			const next: CensusRecord = {
				urn,
				period: r.period,
				totalPupils: r.totalPupils,
				senSupport: r.senSupport,
				ehcPlans: r.ehcPlans,
				ehcByNeed: r.ehcByNeed,
				senUnit: r.senUnit,
				resourcedProvision: r.resourcedProvision,
				designations: r.designations,
				findings,
				provenance: {
					source: "sen-census",
					...(body.name ? { file: body.name } : {}),
					asOf,
					real: [...COMPARED.filter((f) => f !== "findings")],
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
					.insert(settingCensus)
					.values(chunk)
					.onConflictDoUpdate({
						target: settingCensus.urn,
						set: fromExcluded(settingCensus, ["urn"]),
					});
			await audit(tx, actor, {
				action: "setting_census.import",
				entityType: "setting_census",
				entityId: body.name ?? "sen-census",
				after: { asOf, written: writes.length, rows: read.records },
			});
		}
		options.onProgress?.({ phase: "writing", done: writes.length, total: writes.length });
		const count = (o: string) => outcomes.filter((x) => x.outcome === o).length;
		return {
			file: { ...(body.name ? { name: body.name } : {}), encoding, rows: read.records, asOf },
			settings: outcomes.length,
			created: count("created"),
			updated: count("updated"),
			unchanged: count("unchanged"),
			flagged: new Set(flags.map((f) => f.urn)).size,
			confirmed,
			notInRegister: read.rows.length - outcomes.length - passedOver.length,
			resolved: resolutions.sort((a, b) => a.row - b.row),
			passedOver,
			flags: flags.sort((a, b) => a.row - b.row),
			dryRun: options.dryRun === true,
		};
	});
}

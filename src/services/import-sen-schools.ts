// npm run import:sen-schools: the DfE school-level SEN census against the register, all or
// nothing. Each setting it names gets its real EHC plans by primary need; each provision's
// designations are confirmed or flagged; a unit on one side only is reported.

import { inArray } from "drizzle-orm";
import { type CensusFinding, settingCensus } from "../../schema/index.js";
import type { Db } from "../db/types.js";
import { type Actor, audit } from "./audit.js";
import { chunks, fromExcluded } from "./import/bulk.js";
import { censusFindings } from "./import/census-findings.js";
import { canonical, matchSettings } from "./import/census-match.js";
import { type ByteSource, detectEncoding, type Encoding } from "./import/encoding.js";
import { dateInName } from "./import/read-rows.js";
import { rejection } from "./import/rejection.js";
import { readSenCensus } from "./import/sen-census.js";
import { loadStored, type StoredProvision } from "./import/stored.js";

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
		const { target, resolved: resolutions, passedOver } = await matchSettings(tx, read.rows);
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
			resolved: resolutions,
			passedOver,
			flags: flags.sort((a, b) => a.row - b.row),
			dryRun: options.dryRun === true,
		};
	});
}

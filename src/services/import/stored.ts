import { asc, inArray } from "drizzle-orm";
import { provisionNeedTypes, provisions, settings } from "../../../schema/index.js";
import type { Executor } from "../../db/types.js";

export type StoredSetting = typeof settings.$inferSelect;
export type StoredProvision = typeof provisions.$inferSelect & { needTypes: string[] };

export interface Stored {
	settings: Map<number, StoredSetting>;
	/** `urn/code` → the provision and its designations. */
	provisions: Map<string, StoredProvision>;
}

/** What is stored for these URNs, locking the settings in URN order (the import's writes follow). */
export async function loadStored(tx: Executor, urns: number[]): Promise<Stored> {
	const sorted = [...new Set(urns)].sort((a, b) => a - b);
	if (sorted.length === 0) return { settings: new Map(), provisions: new Map() };
	const rows = await tx
		.select()
		.from(settings)
		.where(inArray(settings.urn, sorted))
		.orderBy(asc(settings.urn))
		.for("update");
	const provs = await tx.select().from(provisions).where(inArray(provisions.settingUrn, sorted));
	const needs = provs.length
		? await tx
				.select()
				.from(provisionNeedTypes)
				.where(
					inArray(
						provisionNeedTypes.provisionId,
						provs.map((p) => p.id),
					),
				)
		: [];
	const needsOf = new Map<number, string[]>();
	for (const n of needs)
		needsOf.set(n.provisionId, [...(needsOf.get(n.provisionId) ?? []), n.needCode]);
	return {
		settings: new Map(rows.map((s) => [s.urn, s])),
		provisions: new Map(
			provs.map((p) => [
				`${p.settingUrn}/${p.code}`,
				{ ...p, needTypes: (needsOf.get(p.id) ?? []).sort() },
			]),
		),
	};
}

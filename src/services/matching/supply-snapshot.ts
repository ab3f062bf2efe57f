import { sql } from "drizzle-orm";
import { settings } from "../../../schema/index.js";
import type { Params } from "../../../solver/index.js";
import type { Db } from "../../db/types.js";
import { localWriteGeneration } from "../../db/write-generation.js";
import { loadPolicy, type Policy } from "../policy.js";
import { loadProvisions, type ProvisionInfo } from "./load-instance.js";
import { paramsFor } from "./params.js";

/** The supply of places and the matcher's policy, as one state of the database has them. */
export interface Supply {
	provisions: ProvisionInfo[];
	/** The provisions designated for each need type, in the order of `provisions`. */
	byNeed: Map<string, ProvisionInfo[]>;
	policy: Policy;
	params: Params;
}

interface Snapshot {
	key: string;
	supply: Promise<Supply>;
}

const snapshots = new WeakMap<object, Snapshot>();

/**
 * What identifies a state of the supply and the policy: every write to a setting, provision or
 * vacancy bumps its setting's version (touchSetting), and the counts and sums catch rows written
 * any other way; the cost defaults and plan levels are few rows, fingerprinted whole.
 * One cheap aggregate query, instead of re-reading every provision with its vacancies.
 */
export async function supplyKey(db: Db, today: string): Promise<string | undefined> {
	const local = localWriteGeneration(db, "supply");
	if (local !== undefined) return `${today}|local:${local}`;
	const [row] = await db
		.select({
			k: sql<string>`concat_ws(':',
		(select count(*) || '/' || coalesce(sum(version), 0) from setting),
		(select count(*) || '/' || coalesce(sum(places), 0) || '/' || coalesce(sum(place_funding + top_up + fee), 0) from provision),
		(select count(*) from provision_need_type),
		(select count(*) || '/' || coalesce(sum(count), 0) || '/' || coalesce(sum(version), 0) || '/' || coalesce(max(id), 0) from vacancy),
		(select count(*) || '/' || coalesce(sum(hashtext(key || value::text)), 0) from cost_default),
		(select count(*) || '/' || coalesce(sum(hashtext(plan_level || '>' || provision_level)), 0) from plan_level_satisfier))`,
		})
		.from(settings)
		.limit(1);
	// With no setting at all there is no row: no key, nothing cached.
	return row ? `${today}|${row.k}` : undefined;
}

async function loadSupply(db: Db, today: string): Promise<Supply> {
	const [provisions, policy] = await Promise.all([loadProvisions(db, today), loadPolicy(db)]);
	const byNeed = new Map<string, ProvisionInfo[]>();
	for (const p of provisions)
		for (const need of new Set(p.needTypes)) {
			const list = byNeed.get(need);
			if (list) list.push(p);
			else byNeed.set(need, [p]);
		}
	return { provisions, byNeed, policy, params: paramsFor(policy) };
}

/**
 * The supply and policy for one child's ranked options, read once per state of the database
 * (the key is read first, so a write racing the load only ever makes the next request reload).
 * What it holds is shared between requests: callers must not change it.
 */
export async function currentSupply(db: Db, today: string): Promise<Supply> {
	const key = await supplyKey(db, today);
	if (key === undefined) return loadSupply(db, today);
	const held = snapshots.get(db);
	if (held?.key === key) return held.supply;
	const supply = loadSupply(db, today);
	snapshots.set(db, { key, supply });
	supply.catch(() => {
		if (snapshots.get(db)?.supply === supply) snapshots.delete(db);
	});
	return supply;
}

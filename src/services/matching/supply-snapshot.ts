import { sql } from "drizzle-orm";
import { settings } from "../../../schema/index.js";
import type { Db } from "../../db/types.js";
import { loadProvisions, type ProvisionInfo } from "./load-instance.js";

interface Snapshot {
	key: string;
	provisions: Promise<ProvisionInfo[]>;
}

const snapshots = new WeakMap<object, Snapshot>();

/**
 * What identifies a state of the supply: every write to a setting, provision or vacancy bumps its
 * setting's version (touchSetting), and the counts and sums catch rows written any other way.
 * One cheap aggregate query, instead of re-reading every provision with its vacancies.
 */
async function supplyKey(db: Db, today: string): Promise<string> {
	const [row] = await db
		.select({
			k: sql<string>`concat_ws(':',
				(select count(*) || '/' || coalesce(sum(version), 0) from setting),
				(select count(*) || '/' || coalesce(sum(places), 0) || '/' || coalesce(sum(place_funding + top_up + fee), 0) from provision),
				(select count(*) from provision_need_type),
				(select count(*) || '/' || coalesce(sum(count), 0) || '/' || coalesce(sum(version), 0) || '/' || coalesce(max(id), 0) from vacancy))`,
		})
		.from(settings)
		.limit(1);
	return `${today}|${row?.k ?? ""}`;
}

/**
 * The supply of places for one child's ranked options, read once per state of the supply (the
 * key is read first, so a write racing the load only ever makes the next request reload).
 */
export async function currentSupply(db: Db, today: string): Promise<ProvisionInfo[]> {
	const key = await supplyKey(db, today);
	const held = snapshots.get(db);
	if (held?.key === key) return held.provisions;
	const provisions = loadProvisions(db, today);
	snapshots.set(db, { key, provisions });
	provisions.catch(() => snapshots.delete(db));
	return provisions;
}

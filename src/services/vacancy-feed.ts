import { sql } from "drizzle-orm";
import { vacancyEvents } from "../../schema/index.js";
import type { Executor } from "../db/types.js";

/** Arbitrary but fixed key of the advisory lock that orders the vacancy change feed. */
const FEED_LOCK = 727_001;

export interface VacancyChange {
	provisionId: number;
	yearGroup: string | null;
	count: number;
	previousCount: number | null;
	availableFrom: string | null;
	source: "publication" | "placement" | "placement-ended" | "seed";
	actor: string;
}

/**
 * Appends vacancy changes to the feed. Writers take a transaction-scoped advisory lock first, so
 * sequence numbers are handed out in commit order: a poller that has read up to N never later
 * finds an event below N appear (which plain bigserial allows under concurrent transactions).
 */
export async function appendVacancyEvents(
	tx: Executor,
	changes: VacancyChange[],
): Promise<number | undefined> {
	if (changes.length === 0) return undefined;
	await tx.execute(sql`select pg_advisory_xact_lock(${FEED_LOCK})`);
	const rows = await tx.insert(vacancyEvents).values(changes).returning({ seq: vacancyEvents.seq });
	return Math.max(...rows.map((r) => r.seq));
}

import { sql } from "drizzle-orm";
import { openPostgres } from "../../src/db/postgres.js";
import { writeSetting } from "../../src/services/settings-write.js";
import type { TestContext } from "../support/app.js";
import { bearer } from "../support/auth.js";
import { databaseUrlFor } from "../support/shared.js";

export const RACED_SETTING = {
	name: "Raced School",
	borough: "314",
	giasType: "Community special school",
	phase: "Not applicable",
	ageRange: { min: 4, max: 19 },
	postcode: "KT2 5AA",
};

/**
 * PostgreSQL only: a request creating setting `urn` while another writer creates it too. The
 * other writer's transaction holds the new row uncommitted until the request's insert is seen
 * waiting on it (in pg_locks), then commits; the request's insert then breaks the unique key.
 */
export async function racedByAnotherWriter(
	t: TestContext,
	urn: number,
	send: (auth: Record<string, string>) => Response | Promise<Response>,
): Promise<Response> {
	const url = process.env.TEST_DATABASE_URL as string;
	// postgres.js answers execute() with an array of rows.
	const query = async <T>(q: ReturnType<typeof sql>) =>
		(await t.database.db.execute(q)) as unknown as T[];
	const [current] = await query<{ name: string }>(sql`select current_database() as name`);
	const other = openPostgres(databaseUrlFor(url, current?.name as string), { max: 1 });
	let release = () => {};
	const held = new Promise<void>((resolve) => {
		release = resolve;
	});
	const admin = { subject: "race", role: "admin" as const, la: null, urn: null, joint: null };
	try {
		let written = () => {};
		const inserted = new Promise<void>((resolve) => {
			written = resolve;
		});
		const writer = other.db.transaction(async (tx) => {
			const actor = { principal: admin, requestId: "race" };
			await writeSetting(tx, actor, urn, RACED_SETTING, undefined, new Date());
			written();
			await held;
		});
		await inserted;
		const racing = send(await bearer(t.keys, "admin"));
		for (let waiting = 0; waiting === 0; ) {
			const [row] = await query<{ n: number }>(sql`
				select count(*)::int as n from pg_locks l join pg_stat_activity a on a.pid = l.pid
				where not l.granted and a.datname = current_database()`);
			waiting = row?.n ?? 0;
			if (waiting === 0) await new Promise((resolve) => setTimeout(resolve, 10));
		}
		release();
		await writer;
		return await racing;
	} finally {
		release();
		await other.close();
	}
}

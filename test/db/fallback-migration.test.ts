import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { costDefaults } from "../../schema/index.js";
import { COST_DEFAULTS } from "../../seeds/reference/cost-defaults.js";
import { migrationsFolder } from "../../src/db/migrate.js";
import type { Database } from "../../src/db/types.js";
import { loadPolicy } from "../../src/services/policy.js";
import { freshDatabase } from "../support/db.js";

let database: Database;
beforeAll(async () => {
	database = await freshDatabase();
});
afterAll(() => database.close());

async function runMigration() {
	const text = await readFile(join(migrationsFolder, "0008_independent-fallback.sql"), "utf8");
	await database.db.execute(sql.raw(text));
}

describe("migration 0008_independent-fallback", () => {
	it("gives a database seeded before the fallback was priced the seed default, and changes an edited one not at all", async () => {
		await database.db.delete(costDefaults).where(eq(costDefaults.key, "independentFallback"));
		await expect(loadPolicy(database.db)).rejects.toThrow(/independentFallback/);
		await runMigration();
		const policy = await loadPolicy(database.db);
		expect(policy.fallback).toEqual(COST_DEFAULTS.independentFallback.value);
		expect(policy.fallback.fees.ASD?.secondary).toBe(80_000);

		const edited = {
			...COST_DEFAULTS.independentFallback,
			value: { ...policy.fallback, journey: { miles: 20, minutes: 95 } },
		};
		await database.db
			.update(costDefaults)
			.set({ value: edited })
			.where(eq(costDefaults.key, "independentFallback"));
		await runMigration();
		expect((await loadPolicy(database.db)).fallback.journey).toEqual({ miles: 20, minutes: 95 });
	});

	it("leaves an empty database to the seed, which writes every default itself", async () => {
		await database.db.delete(costDefaults);
		await runMigration();
		expect(await database.db.select().from(costDefaults)).toEqual([]);
	});
});

import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { boroughs, provisions, settings, vacancies } from "../../schema/index.js";
import type { Database } from "../../src/db/types.js";
import { freshDatabase } from "../support/db.js";

/** The rules hold in the database itself, not only in the API's validation. */
let database: Database;
beforeAll(async () => {
	database = await freshDatabase();
});
afterAll(() => database.close());

async function rejects(work: () => Promise<unknown>, constraint: RegExp) {
	const error = await work().then(
		() => undefined,
		(e: unknown) =>
			e as { cause?: { message?: string; constraint_name?: string; constraint?: string } },
	);
	expect(error, "expected the database to refuse").toBeDefined();
	const cause = error?.cause;
	const text = `${cause?.message ?? ""} ${cause?.constraint_name ?? ""} ${cause?.constraint ?? ""} ${String(error)}`;
	expect(text).toMatch(constraint);
}

async function someProvision() {
	const [p] = await database.db.select().from(provisions).limit(1);
	if (!p) throw new Error("the test database has no provisions");
	return p;
}

describe("database constraints", () => {
	it("refuses an LA code outside London's 201–213 and 301–320", async () => {
		await rejects(
			() =>
				database.db.insert(boroughs).values({
					code: "999",
					gssCode: "E09000034",
					name: "Nowhere",
					inner: false,
					centroidLat: 51.5,
					centroidLon: 0,
				}),
			/borough_code_valid/,
		);
	});

	it("refuses a duplicate URN", async () => {
		const [s] = await database.db.select().from(settings).limit(1);
		if (!s) throw new Error("no settings");
		await rejects(
			() => database.db.insert(settings).values({ ...s }),
			/setting_pkey|duplicate key/,
		);
	});

	it("refuses a negative vacancy count and negative places", async () => {
		const p = await someProvision();
		await rejects(
			() => database.db.update(vacancies).set({ count: -1 }).where(eq(vacancies.provisionId, p.id)),
			/vacancy_count_nonneg/,
		);
		await rejects(
			() => database.db.update(provisions).set({ places: -1 }).where(eq(provisions.id, p.id)),
			/provision_places_nonneg/,
		);
	});

	it("refuses a provision of a setting that does not exist, and an unknown level", async () => {
		const p = await someProvision();
		const { id: _id, ...rest } = p;
		await rejects(
			() => database.db.insert(provisions).values({ ...rest, settingUrn: 999_997, code: "X" }),
			/foreign key|provision_setting_urn/,
		);
		await rejects(
			() => database.db.insert(provisions).values({ ...rest, code: "Y", level: "deluxe" }),
			/foreign key|provision_level/,
		);
	});

	it("refuses an unknown year group on a vacancy", async () => {
		const p = await someProvision();
		await rejects(
			() =>
				database.db
					.insert(vacancies)
					.values({ provisionId: p.id, yearGroup: "Y15", count: 0, updatedBy: "test" }),
			/vacancy_year_group_valid/,
		);
	});

	it("keeps one current vacancy per provision and year group (NULL counts as a value)", async () => {
		const [v] = await database.db
			.select()
			.from(vacancies)
			.where(sql`${vacancies.yearGroup} is null`)
			.limit(1);
		if (!v) throw new Error("no vacancies");
		await rejects(
			() =>
				database.db
					.insert(vacancies)
					.values({ provisionId: v.provisionId, yearGroup: null, count: 0, updatedBy: "test" }),
			/vacancy_provision_year/,
		);
	});
});

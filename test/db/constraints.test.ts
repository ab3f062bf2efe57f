import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { and, eq, isNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
	boroughs,
	children,
	consultations,
	placements,
	plansByAge,
	provisions,
	settings,
	vacancies,
} from "../../schema/index.js";
import { migrationsFolder } from "../../src/db/migrate.js";
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

let cases = 0;
/** A child of the provision's borough with an agreed consultation there (written as the API would). */
async function consulted(p: typeof provisions.$inferSelect, yearGroup = "Y4") {
	const [s] = await database.db.select().from(settings).where(eq(settings.urn, p.settingUrn));
	if (!s) throw new Error(`no setting ${p.settingUrn}`);
	const [child] = await database.db
		.insert(children)
		.values({
			boroughCode: s.boroughCode,
			caseRef: `DB-${++cases}`,
			yearGroup,
			age: 8,
			primaryNeed: "ASD",
			planLevel: "special_school",
			homeLat: 51.4,
			homeLon: -0.3,
			maxJourneyMinutes: 60,
		})
		.returning();
	if (!child) throw new Error("child insert returned nothing");
	const consultation = {
		childId: child.id,
		provisionId: p.id,
		settingUrn: s.urn,
		homeBorough: s.boroughCode,
		maintainingBorough: s.boroughCode,
		sentAt: new Date("2026-09-01T09:00:00Z"),
		dueAt: "2026-09-16",
	};
	const [c] = await database.db
		.insert(consultations)
		.values({ ...consultation, status: "agreed" })
		.returning();
	if (!c) throw new Error("consultation insert returned nothing");
	const placement = {
		childId: child.id,
		provisionId: p.id,
		consultationId: c.id,
		homeBorough: s.boroughCode,
		hostBorough: s.boroughCode,
		startDate: "2026-09-07",
		annualCost: { total: 1 },
		confirmedAt: new Date("2026-09-02T09:00:00Z"),
	};
	return { child, c, consultation, placement };
}

describe("follow-up constraints", () => {
	it("refuses an unknown year group as the vacancy row a placement took", async () => {
		const { placement } = await consulted(await someProvision());
		await rejects(
			() => database.db.insert(placements).values({ ...placement, vacancyYearGroup: "Y15" }),
			/placement_vacancy_year_group_valid/,
		);
		await database.db.insert(placements).values({ ...placement, vacancyYearGroup: "Y4" });
	});

	it("knows a closed consultation, which no longer counts as the child's one open at a provision", async () => {
		const { c, consultation } = await consulted(await someProvision());
		await rejects(
			() => database.db.insert(consultations).values(consultation),
			/consultation_one_open/,
		);
		await rejects(
			() =>
				database.db.update(consultations).set({ status: "shut" }).where(eq(consultations.id, c.id)),
			/consultation_status_valid/,
		);
		await database.db
			.update(consultations)
			.set({ status: "closed" })
			.where(eq(consultations.id, c.id));
		await database.db.insert(consultations).values(consultation);
	});

	it("keeps plans by age to a London borough, ages 0–25, no negative counts, one row per key", async () => {
		const row = { boroughCode: "314", placement: "test_placement", age: 7, plans: 3 };
		await rejects(
			() => database.db.insert(plansByAge).values({ ...row, age: 26 }),
			/plans_by_age_age/,
		);
		await rejects(
			() => database.db.insert(plansByAge).values({ ...row, plans: -1 }),
			/plans_by_age_plans/,
		);
		await rejects(
			() => database.db.insert(plansByAge).values({ ...row, boroughCode: "999" }),
			/foreign key|plans_by_age_borough_code/,
		);
		await database.db.insert(plansByAge).values(row);
		await rejects(() => database.db.insert(plansByAge).values(row), /plans_by_age_.*pk|duplicate/);
	});
});

describe("migration 0005_followups", () => {
	async function runFollowups() {
		const text = await readFile(join(migrationsFolder, "0005_followups.sql"), "utf8");
		for (const statement of text.split("--> statement-breakpoint"))
			await database.db.execute(sql.raw(statement));
	}

	it("gives older placements their vacancy row, and closes consultations their placements spent", async () => {
		const [perYear] = await database.db
			.select({ p: provisions })
			.from(provisions)
			.leftJoin(
				vacancies,
				and(eq(vacancies.provisionId, provisions.id), eq(vacancies.yearGroup, "Y6")),
			)
			.where(isNull(vacancies.id))
			.limit(1);
		if (!perYear) throw new Error("no provision without a Y6 row");
		const p = perYear.p;
		await database.db
			.insert(vacancies)
			.values({ provisionId: p.id, yearGroup: "Y6", count: 1, updatedBy: "test" });
		const active = await consulted(p, "Y6");
		const [placed] = await database.db.insert(placements).values(active.placement).returning();
		const cancelled = await consulted(p);
		await database.db.insert(placements).values({ ...cancelled.placement, status: "cancelled" });

		await runFollowups();
		await runFollowups(); // idempotent
		const [after] = await database.db
			.select()
			.from(placements)
			.where(eq(placements.id, placed?.id ?? ""));
		expect(after?.vacancyYearGroup).toBe("Y6");
		const statusOf = async (id: string) =>
			(await database.db.select().from(consultations).where(eq(consultations.id, id)))[0]?.status;
		expect(await statusOf(cancelled.c.id)).toBe("closed");
		expect(await statusOf(active.c.id)).toBe("agreed");
	});

	it("indexes the audit trail by time, so newest-first and date filters need not sort every event", async () => {
		const result = await database.db.execute(
			sql`select indexname, indexdef from pg_indexes where tablename = 'audit_event'`,
		);
		const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as {
			indexname: string;
			indexdef: string;
		}[];
		const byTime = rows.find((r) => r.indexname === "audit_at_idx");
		expect(byTime?.indexdef).toMatch(/ON public\.audit_event USING btree \(at\)$/);
	});
});

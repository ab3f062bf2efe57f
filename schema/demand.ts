import { sql } from "drizzle-orm";
import { char, check, integer, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { boroughs } from "./reference.js";

/** Active EHC plans at January each year, per borough (DfE SEN2, 2018/19 to 2024/25). */
export const caseloadSeries = pgTable(
	"caseload_series",
	{
		boroughCode: char("borough_code", { length: 3 })
			.notNull()
			.references(() => boroughs.code),
		/** Academic year, e.g. "2024/25" (the census is in its January). */
		academicYear: text("academic_year").notNull(),
		plans: integer("plans").notNull(),
	},
	(t) => [primaryKey({ columns: [t.boroughCode, t.academicYear] })],
);

/**
 * Active EHC plans by placement type and primary need, per borough, January 2025 (DfE SEN2
 * "Type of placement" breakdown). `needCode` "UNKNOWN" is the DfE's "need unknown".
 */
export const plansByPlacementNeed = pgTable(
	"plans_by_placement_need",
	{
		boroughCode: char("borough_code", { length: 3 })
			.notNull()
			.references(() => boroughs.code),
		placement: text("placement").notNull(),
		needCode: text("need_code").notNull(),
		plans: integer("plans").notNull(),
	},
	(t) => [primaryKey({ columns: [t.boroughCode, t.placement, t.needCode] })],
);

/**
 * Active EHC plans by placement type and age (at January 2025), per borough: how a placement
 * type's plans spread over phases. Ages under 3 are counted as 2 (DfE "under 3").
 */
export const plansByAge = pgTable(
	"plans_by_age",
	{
		boroughCode: char("borough_code", { length: 3 })
			.notNull()
			.references(() => boroughs.code),
		placement: text("placement").notNull(),
		age: integer("age").notNull(),
		plans: integer("plans").notNull(),
	},
	(t) => [
		primaryKey({ columns: [t.boroughCode, t.placement, t.age] }),
		check("plans_by_age_age", sql`${t.age} BETWEEN 0 AND 25`),
		check("plans_by_age_plans", sql`${t.plans} >= 0`),
	],
);

import { char, integer, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
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

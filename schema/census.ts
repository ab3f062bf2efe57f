import { sql } from "drizzle-orm";
import { boolean, check, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { type Provenance, settings } from "./registry.js";

/**
 * What the DfE's *Special educational needs in England* school-level file says of a setting (the
 * January school census): pupils, EHC plans by primary need (null where the file suppresses
 * a count: `z`, `x`, `c`, `:`), whether it reports a SEN unit or resourced provision, the need
 * types of its provision, and how these compare with the register (`findings`).
 */
export const settingCensus = pgTable(
	"setting_census",
	{
		urn: integer("urn")
			.primaryKey()
			.references(() => settings.urn, { onDelete: "cascade" }),
		/** The census year as the file names it (`2023/24`), when it does. */
		period: text("period"),
		totalPupils: integer("total_pupils"),
		senSupport: integer("sen_support"),
		ehcPlans: integer("ehc_plans"),
		/** Need code (SPLD … OTH, and NSA: no specialist assessment) → EHC plans, null if suppressed. */
		ehcByNeed: jsonb("ehc_by_need").$type<Record<string, number | null>>().notNull(),
		senUnit: boolean("sen_unit"),
		resourcedProvision: boolean("resourced_provision"),
		/** Need codes of the provision types the census lists (Prov_SPLD … prov_oth). */
		designations: text("designations").array().notNull().default(sql`'{}'::text[]`),
		/** Each provision's designations confirmed or not, and register/census disagreements. */
		findings: jsonb("findings").$type<CensusFinding[]>().notNull(),
		provenance: jsonb("provenance").$type<Provenance>().notNull(),
		updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [
		check(
			"setting_census_counts_nonneg",
			sql`coalesce(${t.totalPupils}, 0) >= 0 AND coalesce(${t.senSupport}, 0) >= 0 AND coalesce(${t.ehcPlans}, 0) >= 0`,
		),
	],
);

export interface CensusFinding {
	/** `designations` (one provision), `sen_unit` or `resourced_provision`. */
	kind: string;
	/** The provision's code, for `designations`. */
	code?: string;
	status: "confirmed" | "flagged";
	message: string;
}

/**
 * ESFA high-needs place numbers for a setting (an academy or free school): the places it is
 * funded for in an academic year, a second source beside the register's published capacity.
 */
export const settingFundedPlaces = pgTable(
	"setting_funded_places",
	{
		urn: integer("urn")
			.primaryKey()
			.references(() => settings.urn, { onDelete: "cascade" }),
		/** `2024 to 2025`, as the file's columns name it. */
		academicYear: text("academic_year"),
		/** Pre-16 SEN places in special schools and academies (£10k each). */
		specialPlaces: integer("special_places"),
		/** Pre-16 SEN unit / resourced provision places in mainstream academies at £6k and £10k. */
		unitPlaces6k: integer("unit_places_6k"),
		unitPlaces10k: integer("unit_places_10k"),
		/** Capacities published above the funded places, and the like. */
		findings: jsonb("findings").$type<CensusFinding[]>().notNull(),
		provenance: jsonb("provenance").$type<Provenance>().notNull(),
		updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [
		check(
			"setting_funded_places_nonneg",
			sql`coalesce(${t.specialPlaces}, 0) >= 0 AND coalesce(${t.unitPlaces6k}, 0) >= 0 AND coalesce(${t.unitPlaces10k}, 0) >= 0`,
		),
	],
);

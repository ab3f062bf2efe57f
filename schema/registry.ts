import { sql } from "drizzle-orm";
import {
	bigserial,
	boolean,
	char,
	check,
	date,
	doublePrecision,
	index,
	integer,
	jsonb,
	pgTable,
	primaryKey,
	serial,
	text,
	timestamp,
	unique,
} from "drizzle-orm/pg-core";
import { YEAR_GROUPS } from "./codes.js";
import { boroughs, needTypes, provisionLevels } from "./reference.js";

const yearGroupList = YEAR_GROUPS.map((y) => `'${y}'`).join(",");
const timestamps = {
	createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
	updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
};

/**
 * The source of a record's real fields: `source` (e.g. `gias`, `publisher`), the file's name when
 * one was read, `asOf` the day the source describes (a GIAS extract's date), and `real` the
 * fields it gave. Every other field of the record is in its `synthetic` list.
 */
export interface Provenance {
	source: string;
	file?: string;
	asOf: string;
	real: string[];
}

/** A school or college, keyed by its DfE URN. */
export const settings = pgTable(
	"setting",
	{
		urn: integer("urn").primaryKey(),
		name: text("name").notNull(),
		boroughCode: char("borough_code", { length: 3 })
			.notNull()
			.references(() => boroughs.code),
		giasType: text("gias_type").notNull(),
		phase: text("phase").notNull(),
		ageMin: integer("age_min").notNull(),
		ageMax: integer("age_max").notNull(),
		postcode: text("postcode"),
		lat: doublePrecision("lat").notNull(),
		lon: doublePrecision("lon").notNull(),
		locationSource: text("location_source").notNull(),
		pupilCount: integer("pupil_count"),
		status: text("status"),
		/** An independent special school on the DfE s.41 approved list: under the s.39 duty. */
		s41Approved: boolean("s41_approved").notNull().default(false),
		/** Names of fields that are synthetic (demo data), never presented as fact. */
		synthetic: text("synthetic").array().notNull().default(sql`'{}'::text[]`),
		/** Where the real fields came from: the register file and its date (see Provenance). */
		provenance: jsonb("provenance").$type<Provenance>(),
		/** The day the register says it closed: kept, never deleted, and no longer supply. */
		closedOn: date("closed_on"),
		version: integer("version").notNull().default(1),
		...timestamps,
	},
	(t) => [
		check("setting_urn_positive", sql`${t.urn} > 0`),
		check(
			"setting_ages",
			sql`${t.ageMin} >= 0 AND ${t.ageMax} <= 25 AND ${t.ageMin} <= ${t.ageMax}`,
		),
		check("setting_pupils_nonneg", sql`${t.pupilCount} IS NULL OR ${t.pupilCount} >= 0`),
		check("setting_lat", sql`${t.lat} BETWEEN 49 AND 61`),
		check("setting_lon", sql`${t.lon} BETWEEN -9 AND 3`),
		index("setting_borough_idx").on(t.boroughCode),
	],
);

/** A designated specialist offer inside a setting (a resource base, a unit, the school itself). */
export const provisions = pgTable(
	"provision",
	{
		id: serial("id").primaryKey(),
		settingUrn: integer("setting_urn")
			.notNull()
			.references(() => settings.urn, { onDelete: "cascade" }),
		code: text("code").notNull(),
		name: text("name").notNull(),
		level: text("level")
			.notNull()
			.references(() => provisionLevels.code),
		ageMin: integer("age_min").notNull(),
		ageMax: integer("age_max").notNull(),
		places: integer("places").notNull(),
		placeFunding: integer("place_funding").notNull(),
		topUp: integer("top_up").notNull(),
		fee: integer("fee").notNull().default(0),
		/** Pupils on roll in it, as the register publishes (GIAS *OnRoll columns). */
		onRoll: integer("on_roll"),
		synthetic: text("synthetic").array().notNull().default(sql`'{}'::text[]`),
		provenance: jsonb("provenance").$type<Provenance>(),
		version: integer("version").notNull().default(1),
		...timestamps,
	},
	(t) => [
		unique("provision_setting_code").on(t.settingUrn, t.code),
		check("provision_code_format", sql`${t.code} ~ '^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$'`),
		check("provision_places_nonneg", sql`${t.places} >= 0`),
		check("provision_on_roll_nonneg", sql`${t.onRoll} IS NULL OR ${t.onRoll} >= 0`),
		check(
			"provision_costs_nonneg",
			sql`${t.placeFunding} >= 0 AND ${t.topUp} >= 0 AND ${t.fee} >= 0`,
		),
		check(
			"provision_ages",
			sql`${t.ageMin} >= 0 AND ${t.ageMax} <= 25 AND ${t.ageMin} <= ${t.ageMax}`,
		),
		index("provision_level_idx").on(t.level),
	],
);

export const provisionNeedTypes = pgTable(
	"provision_need_type",
	{
		provisionId: integer("provision_id")
			.notNull()
			.references(() => provisions.id, { onDelete: "cascade" }),
		needCode: text("need_code")
			.notNull()
			.references(() => needTypes.code),
	},
	(t) => [
		primaryKey({ columns: [t.provisionId, t.needCode] }),
		index("provision_need_code_idx").on(t.needCode),
	],
);

/**
 * The current vacancy state of a provision (optionally per year group). Every change to it is
 * appended to `vacancy_event`, so a new publication never silently overwrites the old one.
 */
export const vacancies = pgTable(
	"vacancy",
	{
		id: serial("id").primaryKey(),
		provisionId: integer("provision_id")
			.notNull()
			.references(() => provisions.id, { onDelete: "cascade" }),
		yearGroup: text("year_group"),
		count: integer("count").notNull(),
		availableFrom: date("available_from"),
		version: integer("version").notNull().default(1),
		updatedBy: text("updated_by").notNull(),
		updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [
		unique("vacancy_provision_year").on(t.provisionId, t.yearGroup).nullsNotDistinct(),
		check("vacancy_count_nonneg", sql`${t.count} >= 0`),
		check(
			"vacancy_year_group_valid",
			sql.raw(`year_group IS NULL OR year_group IN (${yearGroupList})`),
		),
	],
);

/** Append-only history of vacancy changes; its `seq` is the change feed's cursor. */
export const vacancyEvents = pgTable(
	"vacancy_event",
	{
		seq: bigserial("seq", { mode: "number" }).primaryKey(),
		provisionId: integer("provision_id")
			.notNull()
			.references(() => provisions.id, { onDelete: "cascade" }),
		yearGroup: text("year_group"),
		count: integer("count").notNull(),
		previousCount: integer("previous_count"),
		availableFrom: date("available_from"),
		source: text("source").notNull(),
		actor: text("actor").notNull(),
		createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [
		check("vacancy_event_count_nonneg", sql`${t.count} >= 0`),
		index("vacancy_event_provision_idx").on(t.provisionId),
	],
);

/**
 * GIAS links: an establishment and the one that replaced it (an academy conversion, an
 * amalgamation), so an old URN still finds the current school. From the links file
 * (`URN, LinkURN, LinkName, LinkType, LinkEstablishedDate`), Successor and Predecessor rows alike.
 */
export const urnLinks = pgTable(
	"urn_link",
	{
		predecessorUrn: integer("predecessor_urn").notNull(),
		successorUrn: integer("successor_urn").notNull(),
		linkType: text("link_type").notNull(),
		establishedOn: date("established_on"),
		asOf: date("as_of").notNull(),
	},
	(t) => [
		primaryKey({ columns: [t.predecessorUrn, t.successorUrn] }),
		check("urn_link_not_self", sql`${t.predecessorUrn} <> ${t.successorUrn}`),
		index("urn_link_successor_idx").on(t.successorUrn),
	],
);

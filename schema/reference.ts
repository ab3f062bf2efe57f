import { sql } from "drizzle-orm";
import {
	boolean,
	char,
	check,
	doublePrecision,
	integer,
	jsonb,
	pgTable,
	primaryKey,
	text,
} from "drizzle-orm/pg-core";
import { GSS_CODE_PATTERN, LA_CODE_PATTERN } from "./codes.js";

export const boroughs = pgTable(
	"borough",
	{
		code: char("code", { length: 3 }).primaryKey(),
		gssCode: char("gss_code", { length: 9 }).notNull().unique(),
		name: text("name").notNull().unique(),
		inner: boolean("inner").notNull(),
		centroidLat: doublePrecision("centroid_lat").notNull(),
		centroidLon: doublePrecision("centroid_lon").notNull(),
	},
	(t) => [
		check("borough_code_valid", sql.raw(`${t.code.name} ~ '${LA_CODE_PATTERN}'`)),
		check("borough_gss_valid", sql.raw(`${t.gssCode.name} ~ '${GSS_CODE_PATTERN}'`)),
	],
);

export const postcodeDistricts = pgTable("postcode_district", {
	district: text("district").primaryKey(),
	lat: doublePrecision("lat").notNull(),
	lon: doublePrecision("lon").notNull(),
	boroughCode: char("borough_code", { length: 3 })
		.notNull()
		.references(() => boroughs.code),
});

export const partnerships = pgTable("partnership", {
	id: text("id").primaryKey(),
	name: text("name").notNull(),
	kind: text("kind").notNull(),
	note: text("note"),
});

export const partnershipMembers = pgTable(
	"partnership_member",
	{
		partnershipId: text("partnership_id")
			.notNull()
			.references(() => partnerships.id, { onDelete: "cascade" }),
		boroughCode: char("borough_code", { length: 3 })
			.notNull()
			.references(() => boroughs.code),
	},
	(t) => [primaryKey({ columns: [t.partnershipId, t.boroughCode] })],
);

export const needTypes = pgTable("need_type", {
	code: text("code").primaryKey(),
	label: text("label").notNull(),
	giasLabel: text("gias_label").notNull().unique(),
	sortOrder: integer("sort_order").notNull(),
});

export const planLevels = pgTable("plan_level", {
	code: text("code").primaryKey(),
	label: text("label").notNull(),
});

export const provisionLevels = pgTable(
	"provision_level",
	{
		code: text("code").primaryKey(),
		label: text("label").notNull(),
		planLevel: text("plan_level")
			.notNull()
			.references(() => planLevels.code),
		mainstream: boolean("mainstream").notNull(),
		sen2Codes: jsonb("sen2_codes").$type<Record<string, string>>().notNull(),
		defaultPlaceFunding: integer("default_place_funding").notNull(),
	},
	(t) => [check("provision_level_funding_nonneg", sql`${t.defaultPlaceFunding} >= 0`)],
);

/** Cost defaults as data (place funding, top-up bands, fees, transport), editable by admins. */
export const costDefaults = pgTable("cost_default", {
	key: text("key").primaryKey(),
	value: jsonb("value").notNull(),
	source: text("source"),
});

/** Which provision levels meet a plan's level (an ESTA plan may also be met by resourced provision). */
export const planLevelSatisfiers = pgTable(
	"plan_level_satisfier",
	{
		planLevel: text("plan_level")
			.notNull()
			.references(() => planLevels.code),
		provisionLevel: text("provision_level")
			.notNull()
			.references(() => provisionLevels.code),
	},
	(t) => [primaryKey({ columns: [t.planLevel, t.provisionLevel] })],
);

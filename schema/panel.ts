import { sql } from "drizzle-orm";
import {
	boolean,
	char,
	check,
	date,
	doublePrecision,
	index,
	integer,
	jsonb,
	pgTable,
	text,
	timestamp,
	uniqueIndex,
	uuid,
} from "drizzle-orm/pg-core";
import { YEAR_GROUPS } from "./codes.js";
import { boroughs, needTypes, planLevels } from "./reference.js";
import { provisions, settings } from "./registry.js";

const yearGroupList = YEAR_GROUPS.map((y) => `'${y}'`).join(",");

export const CHILD_STATUSES = ["awaiting", "consulting", "placed"] as const;
/** `closed`: agreed, used by a placement that has since ended or been cancelled. */
export const CONSULTATION_STATUSES = ["open", "agreed", "declined", "withdrawn", "closed"] as const;
export const PLACEMENT_STATUSES = ["active", "ended", "cancelled"] as const;
export const RUN_STATUSES = ["queued", "running", "done", "failed"] as const;
/** A panel's round (its proposals may be accepted) or a commissioner's planning run (aggregates only). */
export const RUN_KINDS = ["round", "planning"] as const;
export const DECLINE_REASONS = [
	"cannot_meet_need",
	"no_capacity",
	"age_range",
	"incompatible_with_efficient_education",
	"health_and_safety",
	"other",
] as const;

const listOf = (values: readonly string[]) => values.map((v) => `'${v}'`).join(",");
const inList = (column: string, values: readonly string[]) =>
	sql.raw(`${column} IN (${listOf(values)})`);

/**
 * A child or young person with an EHC plan who needs a specialist place. Pseudonymous: the home
 * borough's own case reference, never a name; seen only by the home borough.
 */
export const children = pgTable(
	"child",
	{
		id: uuid("id").primaryKey().defaultRandom(),
		boroughCode: char("borough_code", { length: 3 })
			.notNull()
			.references(() => boroughs.code),
		caseRef: text("case_ref").notNull(),
		yearGroup: text("year_group").notNull(),
		age: integer("age").notNull(),
		primaryNeed: text("primary_need")
			.notNull()
			.references(() => needTypes.code),
		secondaryNeeds: text("secondary_needs").array().notNull().default(sql`'{}'::text[]`),
		planLevel: text("plan_level")
			.notNull()
			.references(() => planLevels.code),
		/** Rounded to 3 decimals (about 100 m). */
		homeLat: doublePrecision("home_lat").notNull(),
		homeLon: doublePrecision("home_lon").notNull(),
		homeDistrict: text("home_district"),
		maxJourneyMinutes: integer("max_journey_minutes").notNull(),
		/** Ranked parental preferences: setting URNs, rank 1 first. */
		preferences: integer("preferences").array().notNull().default(sql`'{}'::integer[]`),
		status: text("status").notNull().default("awaiting"),
		referredAt: timestamp("referred_at", { withTimezone: true }).notNull().defaultNow(),
		/** When the EHC plan was finalised (the 20-week clock's end), if it has been. */
		planFinalisedOn: date("plan_finalised_on", { mode: "string" }),
		/** When the search for a place started; the service sets the referral date by default. */
		searchStartedOn: date("search_started_on", { mode: "string" }),
		/** Set while the child has no school place (Ombudsman findings turn on how long). */
		outOfEducationSince: date("out_of_education_since", { mode: "string" }),
		synthetic: boolean("synthetic").notNull().default(false),
		version: integer("version").notNull().default(1),
		createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [
		uniqueIndex("child_borough_case_ref").on(t.boroughCode, t.caseRef),
		check("child_case_ref_format", sql`${t.caseRef} ~ '^[A-Za-z0-9][A-Za-z0-9/_.-]{0,39}$'`),
		check("child_year_group_valid", sql.raw(`year_group IN (${yearGroupList})`)),
		check("child_age", sql`${t.age} BETWEEN 0 AND 25`),
		check("child_status_valid", inList("status", CHILD_STATUSES)),
		check("child_journey_limit", sql`${t.maxJourneyMinutes} BETWEEN 5 AND 240`),
		check(
			"child_home_rounded",
			sql`${t.homeLat} = round(${t.homeLat}::numeric, 3) AND ${t.homeLon} = round(${t.homeLon}::numeric, 3)`,
		),
		index("child_borough_status_idx").on(t.boroughCode, t.status),
	],
);

/** A matching round: inputs, engine, outcome, figures and shadow prices. */
export const matchingRuns = pgTable(
	"matching_run",
	{
		id: uuid("id").primaryKey().defaultRandom(),
		/** The borough whose panel asked; null for an admin's or joint panel's pan-borough run. */
		boroughCode: char("borough_code", { length: 3 }).references(() => boroughs.code),
		scopeBoroughs: text("scope_boroughs").array().notNull(),
		requestedBy: text("requested_by").notNull(),
		status: text("status").notNull().default("queued"),
		progress: integer("progress").notNull().default(0),
		kind: text("kind").notNull().default("round"),
		/** A planning run's name, as its commissioner gave it. */
		name: text("name"),
		request: jsonb("request").notNull(),
		/** The exact instance the solver was given (replayable). */
		inputs: jsonb("inputs"),
		/** sha-256 of the canonical JSON of `inputs` (keys sorted). */
		inputHash: text("input_hash"),
		/** sha-256 of the canonical allocation: each child with its provision or null. */
		allocationHash: text("allocation_hash"),
		solverVersion: text("solver_version"),
		/** The state of the supply and the policy the instance was read from (supply snapshot key). */
		dataVersion: text("data_version"),
		engine: text("engine"),
		method: text("method"),
		objective: doublePrecision("objective"),
		lowerBound: doublePrecision("lower_bound"),
		gap: doublePrecision("gap"),
		figures: jsonb("figures"),
		greedy: jsonb("greedy"),
		shadowPrices: jsonb("shadow_prices"),
		error: text("error"),
		createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
		finishedAt: timestamp("finished_at", { withTimezone: true }),
	},
	(t) => [
		check("run_status_valid", inList("status", RUN_STATUSES)),
		check("run_kind_valid", inList("kind", RUN_KINDS)),
		index("matching_run_created").on(t.createdAt.desc(), t.id.desc()),
		check("run_progress", sql`${t.progress} BETWEEN 0 AND 100`),
	],
);

/** What a run proposes for one child: a provision, or unplaced with the reason. */
export const proposals = pgTable(
	"proposal",
	{
		id: uuid("id").primaryKey().defaultRandom(),
		runId: uuid("run_id")
			.notNull()
			.references(() => matchingRuns.id, { onDelete: "cascade" }),
		childId: uuid("child_id")
			.notNull()
			.references(() => children.id, { onDelete: "cascade" }),
		provisionId: integer("provision_id").references(() => provisions.id),
		annualCost: integer("annual_cost"),
		journeyMinutes: doublePrecision("journey_minutes"),
		explanation: jsonb("explanation").notNull(),
		accepted: boolean("accepted").notNull().default(false),
	},
	(t) => [
		uniqueIndex("proposal_run_child").on(t.runId, t.childId),
		// A child's latest finished run (its ranked options' scarcity): without it, every run's
		// proposals were read on each request.
		index("proposal_child_idx").on(t.childId),
	],
);

/** Consulting a setting (and its maintaining borough) about a child, s.39/s.40: 15 days. */
export const consultations = pgTable(
	"consultation",
	{
		id: uuid("id").primaryKey().defaultRandom(),
		childId: uuid("child_id")
			.notNull()
			.references(() => children.id, { onDelete: "cascade" }),
		provisionId: integer("provision_id")
			.notNull()
			.references(() => provisions.id),
		settingUrn: integer("setting_urn")
			.notNull()
			.references(() => settings.urn),
		homeBorough: char("home_borough", { length: 3 })
			.notNull()
			.references(() => boroughs.code),
		maintainingBorough: char("maintaining_borough", { length: 3 })
			.notNull()
			.references(() => boroughs.code),
		proposalId: uuid("proposal_id").references(() => proposals.id),
		status: text("status").notNull().default("open"),
		sentAt: timestamp("sent_at", { withTimezone: true }).notNull(),
		dueAt: date("due_at").notNull(),
		canMeetNeed: boolean("can_meet_need"),
		hasCapacity: boolean("has_capacity"),
		reasonCode: text("reason_code"),
		evidence: text("evidence"),
		answeredAt: timestamp("answered_at", { withTimezone: true }),
		answeredBy: text("answered_by"),
	},
	(t) => [
		check("consultation_status_valid", inList("status", CONSULTATION_STATUSES)),
		check(
			"consultation_reason_valid",
			sql.raw(`reason_code IS NULL OR reason_code IN (${listOf(DECLINE_REASONS)})`),
		),
		check(
			"consultation_decline_evidenced",
			sql`${t.status} <> 'declined' OR (${t.reasonCode} IS NOT NULL AND length(coalesce(${t.evidence}, '')) >= 20)`,
		),
		uniqueIndex("consultation_one_open")
			.on(t.childId, t.provisionId)
			.where(sql`status IN ('open', 'agreed')`),
		index("consultation_setting_idx").on(t.settingUrn, t.status),
	],
);

/** A confirmed place; while active it holds one of the provision's places. */
export const placements = pgTable(
	"placement",
	{
		id: uuid("id").primaryKey().defaultRandom(),
		childId: uuid("child_id")
			.notNull()
			.references(() => children.id, { onDelete: "cascade" }),
		provisionId: integer("provision_id")
			.notNull()
			.references(() => provisions.id),
		consultationId: uuid("consultation_id")
			.notNull()
			.unique()
			.references(() => consultations.id),
		homeBorough: char("home_borough", { length: 3 }).notNull(),
		hostBorough: char("host_borough", { length: 3 }).notNull(),
		/** The vacancy row the place was taken from (null: the all-years row); given back there. */
		vacancyYearGroup: text("vacancy_year_group"),
		status: text("status").notNull().default("active"),
		startDate: date("start_date").notNull(),
		annualCost: jsonb("annual_cost").notNull(),
		confirmedAt: timestamp("confirmed_at", { withTimezone: true }).notNull(),
		endedAt: timestamp("ended_at", { withTimezone: true }),
		endReason: text("end_reason"),
	},
	(t) => [
		check("placement_status_valid", inList("status", PLACEMENT_STATUSES)),
		check(
			"placement_vacancy_year_group_valid",
			sql.raw(`vacancy_year_group IS NULL OR vacancy_year_group IN (${yearGroupList})`),
		),
		uniqueIndex("placement_one_active_per_child").on(t.childId).where(sql`status = 'active'`),
		index("placement_provision_idx").on(t.provisionId, t.status),
	],
);

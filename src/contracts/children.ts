import { z } from "@hono/zod-openapi";
import {
	CHILD_STATUSES,
	NEED_CODES,
	PHASE_FILTERS,
	PLAN_LEVELS,
	YEAR_GROUPS,
} from "../../schema/index.js";
import { PageQuery, pageOf } from "../http/openapi.js";
import { Postcode } from "./settings.js";

export const CaseRef = z
	.string()
	.regex(
		/^[A-Za-z0-9][A-Za-z0-9/_.-]{0,39}$/,
		"must be the borough's case reference (letters, digits, / _ . -; no spaces): never a name",
	)
	.openapi({ example: "314-2026-00042" });

const Home = z
	.union([
		z
			.object({
				postcode: Postcode,
			})
			.strict(),
		z.object({ lat: z.number().min(49).max(61), lon: z.number().min(-9).max(3) }).strict(),
	])
	.openapi({
		description:
			"A postcode (located at its district's centroid) or coordinates; stored rounded to ~100 m",
	});

const needList = z
	.array(z.enum(NEED_CODES))
	.max(NEED_CODES.length)
	.refine((a) => new Set(a).size === a.length, "must not repeat");

const fields = {
	yearGroup: z.enum(YEAR_GROUPS),
	dateOfBirth: z.iso
		.date("must be a date (YYYY-MM-DD)")
		.openapi({ description: "Used to work out the year group; not stored" }),
	primaryNeed: z.enum(NEED_CODES),
	secondaryNeeds: needList,
	planLevel: z.enum(PLAN_LEVELS),
	home: Home,
	maxJourneyMinutes: z
		.number()
		.int()
		.min(5)
		.max(240)
		.openapi({ description: "One way; default 45 (primary age) or 75" }),
	preferences: z
		.array(z.number().int().min(100_000).max(999_999))
		.max(10)
		.refine((a) => new Set(a).size === a.length, "must not repeat")
		.openapi({ description: "Parental preferences: setting URNs, rank 1 first" }),
	referredAt: z.iso
		.datetime({ offset: true })
		.openapi({ description: "When the panel received the referral" }),
	planFinalisedOn: z.iso
		.date("must be a date (YYYY-MM-DD)")
		.openapi({ description: "When the EHC plan was finalised; not in the future" }),
	searchStartedOn: z.iso.date("must be a date (YYYY-MM-DD)").openapi({
		description:
			"When the search for a place started (default: the referral date); not in the future",
	}),
	outOfEducationSince: z.iso.date("must be a date (YYYY-MM-DD)").openapi({
		description: "Since when the child has had no school place; null when in education",
	}),
};

const oneAge = (v: { yearGroup?: unknown; dateOfBirth?: unknown }) =>
	!(v.yearGroup && v.dateOfBirth);
const ageMessage = { message: "give yearGroup or dateOfBirth, not both", path: ["dateOfBirth"] };

export const ChildInput = z
	.object({
		caseRef: CaseRef,
		...fields,
		yearGroup: fields.yearGroup.optional(),
		dateOfBirth: fields.dateOfBirth.optional(),
		secondaryNeeds: fields.secondaryNeeds.default([]),
		maxJourneyMinutes: fields.maxJourneyMinutes.optional(),
		preferences: fields.preferences.default([]),
		referredAt: fields.referredAt.optional(),
		planFinalisedOn: fields.planFinalisedOn.optional(),
		searchStartedOn: fields.searchStartedOn.optional(),
		outOfEducationSince: fields.outOfEducationSince.optional(),
	})
	.strict()
	.refine(oneAge, ageMessage)
	.refine((v) => v.yearGroup || v.dateOfBirth, {
		message: "yearGroup or dateOfBirth is required",
		path: ["yearGroup"],
	})
	.refine((v) => !v.secondaryNeeds.includes(v.primaryNeed), {
		message: "must not repeat the primary need",
		path: ["secondaryNeeds"],
	})
	.openapi("ChildInput");

export const ChildPatch = z
	.object({
		caseRef: CaseRef,
		yearGroup: fields.yearGroup,
		dateOfBirth: fields.dateOfBirth,
		primaryNeed: fields.primaryNeed,
		secondaryNeeds: fields.secondaryNeeds,
		planLevel: fields.planLevel,
		home: fields.home,
		maxJourneyMinutes: fields.maxJourneyMinutes,
		preferences: fields.preferences,
		planFinalisedOn: fields.planFinalisedOn.nullable(),
		searchStartedOn: fields.searchStartedOn,
		outOfEducationSince: fields.outOfEducationSince.nullable(),
	})
	.partial()
	.strict()
	.refine(oneAge, ageMessage)
	.refine((v) => Object.keys(v).length > 0, { message: "change at least one field" })
	.openapi("ChildPatch");

export const Child = z
	.object({
		id: z.uuid(),
		caseRef: z.string(),
		borough: z.string(),
		yearGroup: z.string(),
		age: z.number().int(),
		primaryNeed: z.string(),
		secondaryNeeds: z.array(z.string()),
		planLevel: z.string(),
		home: z.object({ lat: z.number(), lon: z.number(), district: z.string().nullable() }),
		maxJourneyMinutes: z.number().int(),
		preferences: z.array(z.number().int()),
		preferencesResolved: z
			.array(z.object({ from: z.number().int(), urn: z.number().int(), message: z.string() }))
			.optional()
			.openapi({
				description:
					"Only in the answer to a write: preferences given as an old URN that GIAS links to the school carrying it on now (an academy conversion), stored as the current URN",
			}),
		status: z.enum(CHILD_STATUSES),
		referredAt: z.string(),
		planFinalisedOn: z.string().nullable(),
		searchStartedOn: z.string().nullable(),
		outOfEducationSince: z.string().nullable(),
		synthetic: z.boolean(),
		version: z.number().int(),
		updatedAt: z.string(),
	})
	.openapi("Child");

export const ChildListQuery = z
	.object({
		status: z.enum(CHILD_STATUSES).optional(),
		need: z.enum(NEED_CODES).optional(),
		yearGroup: z.enum(YEAR_GROUPS).optional(),
		phase: z.enum(PHASE_FILTERS).optional().openapi({ description: "By the child's age" }),
		overdue: z
			.enum(["true", "false"])
			.optional()
			.openapi({ description: "true: only children with a consultation past its due date" }),
		q: z
			.string()
			.regex(/^[A-Za-z0-9/_.-]{1,40}$/, "must be part of a case reference")
			.optional()
			.openapi({ description: "Case references containing this text (any case)" }),
		...PageQuery,
	})
	.strict();

export const ChildPage = pageOf(Child, "ChildPage");
export const ChildId = z
	.uuid("must be a child id (UUID)")
	.openapi({ param: { name: "id", in: "path" } });

export type ChildInputT = z.infer<typeof ChildInput>;
export type ChildPatchT = z.infer<typeof ChildPatch>;

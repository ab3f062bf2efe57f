import { z } from "@hono/zod-openapi";
import {
	LA_CODE_PATTERN,
	NEED_CODES,
	PHASE_FILTERS,
	POSTCODE_PATTERN,
	PROVISION_LEVELS,
} from "../../schema/index.js";
import { PageQuery, pageOf } from "../http/openapi.js";

export const LaCode = z
	.string()
	.regex(new RegExp(LA_CODE_PATTERN), "must be a London DfE LA code (201–213, 301–320)")
	.openapi({ example: "314", description: "DfE 3-digit LA code" });

/** Trimmed before the check; the published pattern is the one of the trimmed value. */
export const Postcode = z
	.string()
	.trim()
	.regex(new RegExp(POSTCODE_PATTERN), "must be a UK postcode")
	.openapi({ example: "KT2 5AA" });

export const Urn = z.coerce
	.number()
	.int("must be a whole number")
	.min(100_000, "must be a 6-digit DfE URN")
	.max(999_999, "must be a 6-digit DfE URN")
	.openapi({ param: { name: "urn", in: "path" }, example: 102_684, description: "DfE URN" });

export const SettingListQuery = z
	.object({
		borough: LaCode.optional(),
		need: z.enum(NEED_CODES).optional().openapi({ description: "Designated need type" }),
		phase: z.enum(PHASE_FILTERS).optional().openapi({ description: "Ages served" }),
		level: z.enum(PROVISION_LEVELS).optional().openapi({ description: "Provision level" }),
		...PageQuery,
	})
	.strict();

export const Provenance = z
	.object({
		source: z.string().openapi({
			description:
				"`gias` (the GIAS register), `publisher` (written through the API), `import` (a JSON import)",
			example: "gias",
		}),
		file: z.string().optional().openapi({ example: "edubasealldata20260901.csv" }),
		asOf: z
			.string()
			.openapi({ description: "The day the source describes", example: "2026-09-01" }),
		real: z.array(z.string()).openapi({
			description: "Fields taken from the source as published facts",
			example: ["name", "borough", "location"],
		}),
	})
	.nullable()
	.openapi("Provenance", {
		description: "Where the real fields came from; null for the demo's records (see `synthetic`)",
	});

const Location = z.object({
	lat: z.number(),
	lon: z.number(),
	source: z.string().openapi({ example: "postcode-district-centroid" }),
});

export const Setting = z
	.object({
		urn: z.number().int(),
		name: z.string(),
		borough: z.string(),
		giasType: z.string().openapi({ example: "Community special school" }),
		phase: z.string(),
		ageRange: z.object({ min: z.number().int(), max: z.number().int() }),
		postcode: z.string().nullable(),
		location: Location,
		pupilCount: z.number().int().nullable(),
		status: z.string().nullable(),
		closedOn: z.string().nullable().openapi({
			description:
				"The day the register says it closed; a closed setting is kept but is no longer supply",
		}),
		synthetic: z.array(z.string()).openapi({
			description:
				"Fields that are not published facts: demo values, or what an import filled in (a postcode-district location, default costs)",
		}),
		provenance: Provenance,
		version: z.number().int(),
		updatedAt: z.string(),
	})
	.openapi("Setting");

export const SettingSummary = Setting.extend({
	provisions: z.number().int(),
	places: z.number().int().openapi({ description: "Commissioned places across provisions" }),
	vacantNow: z.number().int().openapi({ description: "Places free now" }),
	levels: z.array(z.string()),
	needTypes: z.array(z.string()),
}).openapi("SettingSummary");

export const SettingPage = pageOf(SettingSummary, "SettingPage");

export const Vacancy = z
	.object({
		yearGroup: z.string().nullable(),
		count: z.number().int(),
		availableFrom: z.string().nullable(),
		version: z.number().int(),
		updatedAt: z.string(),
	})
	.openapi("Vacancy");

export const Provision = z
	.object({
		code: z.string().openapi({ example: "ASD-RP" }),
		name: z.string(),
		level: z.string(),
		needTypes: z.array(z.string()),
		ageRange: z.object({ min: z.number().int(), max: z.number().int() }),
		places: z.number().int(),
		annualCost: z.object({
			placeFunding: z.number().int(),
			topUp: z.number().int(),
			fee: z.number().int(),
			total: z.number().int(),
		}),
		onRoll: z
			.number()
			.int()
			.nullable()
			.openapi({ description: "Pupils on its roll, as the register publishes" }),
		synthetic: z.array(z.string()),
		provenance: Provenance,
		version: z.number().int(),
		vacancies: z.array(Vacancy),
	})
	.openapi("Provision");

export const SettingDetail = Setting.extend({
	provisions: z.array(Provision),
	resolvedFrom: z
		.object({
			urn: z.number().int().openapi({ description: "The URN asked for" }),
			via: z.array(z.number().int()),
			linkType: z.string().openapi({ example: "Successor" }),
			message: z.string().openapi({ example: "URN 100001 is now 145678 (GIAS link: Successor)" }),
		})
		.optional()
		.openapi({
			description:
				"Present when the URN asked for is an old one (closed, or never registered here) that GIAS links to this setting",
		}),
}).openapi("SettingDetail");

import { z } from "@hono/zod-openapi";
import { NEED_CODES, PROVISION_LEVELS, YEAR_GROUPS } from "../../schema/index.js";
import { LaCode, Postcode } from "./settings.js";

const wholePounds = (what: string) =>
	z
		.number()
		.int(`${what} must be whole pounds`)
		.min(0, `${what} cannot be negative`)
		.max(1_000_000);

export const AgeRange = z
	.object({
		min: z.number().int().min(0).max(25),
		max: z.number().int().min(0).max(25),
	})
	.strict()
	.refine((a) => a.min <= a.max, { message: "min must not exceed max", path: ["max"] });

export const SettingInput = z
	.object({
		name: z.string().trim().min(1).max(200),
		borough: LaCode,
		giasType: z.string().trim().min(1).max(100).openapi({ example: "Community special school" }),
		phase: z.string().trim().min(1).max(50).openapi({ example: "Not applicable" }),
		ageRange: AgeRange,
		postcode: Postcode.optional(),
		location: z
			.object({ lat: z.number().min(49).max(61), lon: z.number().min(-9).max(3) })
			.strict()
			.optional()
			.openapi({ description: "WGS84; if absent, the postcode district's centroid is used" }),
		pupilCount: z.number().int().min(0).max(10_000).optional(),
		status: z.enum(["s41-approved", "s342-approved"]).optional(),
	})
	.strict()
	.openapi("SettingInput");

export const ProvisionCode = z
	.string()
	.regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/, "must be 1–32 letters, digits, '-' or '_'")
	.openapi({ param: { name: "code", in: "path" }, example: "ASD-RP" });

export const ProvisionInput = z
	.object({
		name: z.string().trim().min(1).max(200),
		level: z.enum(PROVISION_LEVELS),
		needTypes: z
			.array(z.enum(NEED_CODES))
			.min(1, "at least one designated need type")
			.max(NEED_CODES.length)
			.refine((a) => new Set(a).size === a.length, "need types must not repeat"),
		ageRange: AgeRange,
		places: z.number().int("places must be a whole number").min(0).max(2_000),
		annualCost: z
			.object({
				placeFunding: wholePounds("placeFunding"),
				topUp: wholePounds("topUp"),
				fee: wholePounds("fee").default(0),
			})
			.strict(),
	})
	.strict()
	.openapi("ProvisionInput");

const isoDate = z.iso.date("must be a date (YYYY-MM-DD)");

export const VacancyInput = z
	.object({
		urn: z.number().int().min(100_000).max(999_999),
		provision: ProvisionCode,
		count: z.number().int("count must be a whole number").min(0, "count cannot be negative"),
		yearGroup: z.enum(YEAR_GROUPS).optional(),
		availableFrom: isoDate.optional(),
	})
	.strict();

export const VacancyBatch = z
	.array(VacancyInput)
	.min(1, "publish at least one vacancy")
	.max(1_000, "at most 1,000 vacancies in one batch")
	.openapi("VacancyBatch");

export type SettingInputT = z.infer<typeof SettingInput>;
export type ProvisionInputT = z.infer<typeof ProvisionInput>;
export type VacancyInputT = z.infer<typeof VacancyInput>;

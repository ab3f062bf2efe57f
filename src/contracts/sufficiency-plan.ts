import { z } from "@hono/zod-openapi";
import { NEED_CODES } from "../../schema/index.js";
import { LaCode } from "./settings.js";

export const PlanRequest = z
	.object({
		scope: z
			.object({
				boroughs: z
					.array(LaCode)
					.min(1)
					.max(33)
					.optional()
					.openapi({ description: "Whose awaiting children to match (default: all London)" }),
			})
			.strict()
			.default({}),
		need: z.enum(NEED_CODES).openapi({ description: "The need the new places are designated for" }),
		places: z
			.number()
			.int()
			.min(1)
			.max(200)
			.openapi({ description: "How many new places to place, one at a time" }),
	})
	.strict()
	.openapi("PlanRequest");

export type PlanRequestT = z.infer<typeof PlanRequest>;

export const PlacesPlanResult = z
	.object({
		need: z.enum(NEED_CODES),
		placesAsked: z.number().int(),
		children: z.number().int().nullable().openapi({
			description:
				"Awaiting children matched; null where another borough's part of them is 1 to 4 (unless the caller is an admin)",
		}),
		baselineObjective: z.number().openapi({
			description:
				"The optimum before any new place (£ a year: money plus the value of journey time, less preference credits)",
		}),
		steps: z.array(
			z.object({
				step: z.number().int(),
				urn: z.number().int(),
				provision: z.string(),
				settingName: z.string(),
				borough: z.string(),
				saving: z
					.number()
					.openapi({ description: "What this one place saves (£ a year), re-solved" }),
				totalSaving: z.number().openapi({ description: "Savings of the steps so far" }),
			}),
		),
		stoppedEarly: z.boolean().openapi({
			description: "Fewer steps than asked: no eligible provision's next place would save anything",
		}),
		method: z.string(),
	})
	.openapi("PlacesPlan");

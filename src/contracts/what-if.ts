import { z } from "@hono/zod-openapi";
import { NEED_CODES, PROVISION_LEVELS } from "../../schema/index.js";
import { AgeRange, ProvisionCode } from "./registry.js";
import { LaCode } from "./settings.js";

const pounds = z.number().int().min(0).max(1_000_000);

const ChangePlaces = z
	.object({
		kind: z.literal("change-places"),
		urn: z.number().int().min(100_000).max(999_999),
		provision: ProvisionCode,
		places: z
			.number()
			.int()
			.min(-2_000)
			.max(2_000)
			.refine((n) => n !== 0, "must add (> 0) or remove (< 0) places")
			.openapi({
				description: "Places free to add (or remove, negative) at an existing provision",
			}),
	})
	.strict();

const NewProvision = z
	.object({
		kind: z.literal("new-provision"),
		borough: LaCode,
		location: z
			.object({ lat: z.number().min(49).max(61), lon: z.number().min(-9).max(3) })
			.strict(),
		name: z.string().trim().min(1).max(200).default("New provision (what-if)"),
		level: z.enum(PROVISION_LEVELS),
		needTypes: z
			.array(z.enum(NEED_CODES))
			.min(1)
			.refine((a) => new Set(a).size === a.length, "must not repeat"),
		ageRange: AgeRange,
		places: z.number().int().min(1).max(2_000),
		annualCost: z.object({ placeFunding: pounds, topUp: pounds, fee: pounds.default(0) }).strict(),
	})
	.strict();

export const WhatIfRequest = z
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
		changes: z
			.array(z.discriminatedUnion("kind", [ChangePlaces, NewProvision]))
			.min(1)
			.max(100),
	})
	.strict()
	.openapi("WhatIfRequest");

export type WhatIfRequestT = z.infer<typeof WhatIfRequest>;

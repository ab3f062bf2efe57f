import { createRoute, z } from "@hono/zod-openapi";
import { requireRole } from "../auth/middleware.js";
import { WhatIfRequest } from "../contracts/what-if.js";
import { authResponses, bearerSecurity } from "../http/auth-docs.js";
import { jsonBody, jsonContent, problemResponses } from "../http/openapi.js";
import { createRouter } from "../http/router.js";
import { whatIf } from "../services/what-if.js";
import { discloseWhatIf } from "../services/what-if-suppress.js";

const Figures = z.object({
	annualCost: z.number(),
	journeyMinutes: z.number(),
	placed: z.number().int().nullable(),
	unplaced: z.number().int().nullable(),
});
const Totals = Figures.extend({
	fallback: z.number().int().nullable().openapi({
		description:
			"Children not placed in published supply who fall back to an independent-sector place",
	}),
	fallbackCost: z
		.number()
		.nullable()
		.openapi({ description: "The fallbacks' part of annualCost (£ a year)" }),
	noPlacementFound: z
		.number()
		.int()
		.nullable()
		.openapi({ description: "Children whom not even the fallback can serve (never priced)" }),
});
const WhatIfResult = z
	.object({
		children: z.number().int().nullable(),
		method: z.string(),
		baseline: Totals,
		scenario: Totals,
		change: Totals,
		byBorough: z.array(
			z.object({
				borough: z.string(),
				name: z.string(),
				baseline: Figures,
				scenario: Figures,
				change: Figures,
				suppressed: z.array(z.string()),
			}),
		),
		newProvisions: z.array(
			z.object({
				change: z.number().int(),
				places: z.number().int(),
				used: z.number().int().nullable().openapi({
					description:
						"Children placed in the new places; null where another borough's part is 1 to 4",
				}),
				shadowPrice: z.number(),
				fallbackCost: z.number().nullable().openapi({
					description:
						"The dearest independent-sector fallback (fee + transport, £ a year) of the children who could use these places: what bounds shadowPrice; null when one of them has no fallback",
				}),
			}),
		),
		suppressed: z.array(z.string()).openapi({
			description:
				"Totals shown as null to this caller, by path (baseline.placed, change.fallback, newProvisions.0.used, …): another borough's counts of 1 to 4 children, and a count that a total or difference would give away",
		}),
	})
	.openapi("WhatIfResult");

const route = createRoute({
	method: "post",
	path: "/sufficiency/what-if",
	operationId: "runWhatIf",
	tags: ["Sufficiency"],
	summary:
		"Add or remove places and see what changes: annual cost, journey minutes, unplaced children, by borough",
	description:
		"Re-runs the matching on a copy of the live data; the live vacancy tables are never touched. Another borough's counts of 1 to 4 children show as null (suppressed, as the DfE does) unless the caller is an admin: by borough, in the London totals and in each new provision's used, with a second count hidden where a total would give one away.",
	security: bearerSecurity,
	middleware: [requireRole("commissioner", "admin")] as const,
	request: { body: jsonBody(WhatIfRequest) },
	responses: {
		200: jsonContent(WhatIfResult, "The scenario against the baseline"),
		...authResponses,
		...problemResponses(400, 413, 415, 422),
	},
});

export const whatIfRoutes = createRouter().openapi(route, async (c) => {
	const { db, now } = c.get("deps");
	const result = await whatIf(db, c.get("principal"), c.req.valid("json"), now());
	return c.json(discloseWhatIf(result), 200);
});

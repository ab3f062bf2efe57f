import { createRoute, z } from "@hono/zod-openapi";
import { requireRole } from "../auth/middleware.js";
import { ChildId } from "../contracts/children.js";
import { actorOf } from "../http/actor.js";
import { authResponses, bearerSecurity } from "../http/auth-docs.js";
import { jsonContent, problemResponses } from "../http/openapi.js";
import { createRouter } from "../http/router.js";
import { rankOptions } from "../services/matching/options.js";

const money = z.number();
const Option = z
	.object({
		rank: z.number().int(),
		provisionId: z.number().int(),
		urn: z.number().int(),
		settingName: z.string(),
		provision: z.string(),
		level: z.string(),
		borough: z.string(),
		outOfBorough: z.boolean(),
		location: z
			.object({ lat: z.number(), lon: z.number() })
			.openapi({ description: "The setting's location (public, from GIAS)" }),
		needsMet: z.array(z.string()).openapi({
			description: "The child's needs (primary first) this provision is designated for",
		}),
		preferenceRank: z.number().int().nullable(),
		cost: z.object({
			placeFunding: money,
			topUp: money,
			fee: money,
			transport: money,
			publicTotal: money,
			valueOfTime: money,
		}),
		payers: z.object({
			homeBorough: z.string(),
			homePays: money,
			hostBorough: z.string(),
			hostPays: money,
		}),
		journey: z.object({ miles: z.number(), minutes: z.number() }),
		vacancy: z.object({
			state: z.enum(["free", "from", "full"]),
			freeNow: z.number().int(),
			availableFrom: z.string().nullable(),
			waitingPosition: z.number().int().nullable(),
		}),
		rankingCost: money.openapi({
			description: "Annual cost to the public plus the value of journey time",
		}),
		scarcity: z
			.object({ runId: z.uuid(), shadowPrice: money, adjustedCost: money, note: z.string() })
			.nullable()
			.openapi({ description: "When a recent matching run covered the child" }),
		reason: z.string(),
	})
	.openapi("Option");

const Options = z
	.object({
		childId: z.uuid(),
		run: z.object({ id: z.uuid(), finishedAt: z.string().nullable() }).nullable(),
		total: z.number().int().openapi({ description: "Suitable options in all" }),
		limit: z.number().int().openapi({ description: "The most options shown (the query's limit)" }),
		options: z.array(Option).openapi({
			description:
				"At most `limit` options (more only when the parents have more suitable preferences than that), in rank order: every suitable parental preference, wherever it ranks, and the best-ranked others",
		}),
		unsuitablePreferences: z.array(
			z.object({
				urn: z.number().int(),
				settingName: z.string().nullable(),
				preferenceRank: z.number().int(),
				suitable: z.literal(false),
				reason: z.string(),
				failures: z.array(z.object({ provision: z.string(), rule: z.string() })),
			}),
		),
	})
	.openapi("Options");

const route = createRoute({
	method: "get",
	path: "/children/{id}/options",
	operationId: "rankOptions",
	tags: ["Panels"],
	summary: "Suitable provisions for one child, ranked, with costs, journey, vacancy and reasons",
	description:
		"Ranked by annual cost to the public (placement + transport) plus the value of journey time. The parents' preferences always appear — a suitable one within `limit`, wherever it ranks, with the extra annual cost of honouring it; an unsuitable one in `unsuitablePreferences` with why. With a recent matching run covering the child, each option also carries its scarcity-adjusted cost.",
	security: bearerSecurity,
	middleware: [requireRole("panel")] as const,
	request: {
		params: z.object({ id: ChildId }),
		query: z
			.object({
				limit: z.coerce.number().int().min(1).max(200).default(10).openapi({
					description:
						"The most options to show; the parents' suitable preferences are counted within it",
				}),
			})
			.strict(),
	},
	responses: {
		200: jsonContent(Options, "The ranked options"),
		...authResponses,
		...problemResponses(400, 404),
	},
});

export const optionRoutes = createRouter().openapi(route, async (c) => {
	const { db, now } = c.get("deps");
	const result = await rankOptions(
		db,
		actorOf(c),
		c.req.valid("param").id,
		c.req.valid("query").limit,
		now(),
	);
	const { child, ...rest } = result;
	return c.json({ childId: child.id, ...rest }, 200);
});

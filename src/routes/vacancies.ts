import { createRoute, z } from "@hono/zod-openapi";
import { NEED_CODES, PHASE_FILTERS, PROVISION_LEVELS } from "../../schema/index.js";
import { requireRole } from "../auth/middleware.js";
import { VacancyBatch } from "../contracts/registry.js";
import { LaCode } from "../contracts/settings.js";
import { actorOf } from "../http/actor.js";
import { authResponses, bearerSecurity, publicAccess } from "../http/auth-docs.js";
import { jsonBody, jsonContent, PageQuery, pageOf, problemResponses } from "../http/openapi.js";
import { createRouter } from "../http/router.js";
import { listVacancies, listVacancyChanges } from "../queries/vacancies.js";
import { publishVacancies } from "../services/publish-vacancies.js";
import { CHANGES_DESCRIPTION, PUBLISH_DESCRIPTION } from "./vacancies.docs.js";

const tags = ["Vacancies"];

const Published = z
	.object({
		published: z.number().int(),
		items: z.array(
			z.object({
				urn: z.number().int(),
				provision: z.string(),
				yearGroup: z.string().nullable(),
				count: z.number().int(),
				previousCount: z.number().int().nullable(),
				availableFrom: z.string().nullable(),
				version: z.number().int(),
			}),
		),
		cursor: z.string().openapi({ description: "Feed cursor of this publication's last change" }),
		urnsResolved: z
			.array(
				z.object({
					index: z.number().int().openapi({ description: "The item's index in the body" }),
					from: z.number().int(),
					urn: z.number().int(),
					message: z.string(),
				}),
			)
			.optional()
			.openapi({
				description:
					"Items sent with an old URN (a predecessor in the GIAS links): published at the current school's URN, as `items` shows",
			}),
	})
	.openapi("Publication");

const publishRoute = createRoute({
	method: "post",
	path: "/vacancies",
	operationId: "publishVacancies",
	tags,
	summary: "Publish a batch of vacancies, all or nothing",
	description: PUBLISH_DESCRIPTION,
	security: bearerSecurity,
	middleware: [requireRole("publisher", "admin")] as const,
	request: {
		headers: z.object({
			"idempotency-key": z
				.string()
				.min(1)
				.max(255)
				.optional()
				.openapi({ description: "Retry-safe key: a retry returns the first response" }),
		}),
		body: jsonBody(VacancyBatch),
	},
	responses: {
		200: jsonContent(
			Published,
			"Published (or the replay of the first response to this Idempotency-Key)",
		),
		...authResponses,
		...problemResponses(400, 413, 415, 422),
	},
});

const VacancyItem = z
	.object({
		urn: z.number().int(),
		settingName: z.string(),
		borough: z.string(),
		provision: z.string(),
		level: z.string(),
		needTypes: z.array(z.string()),
		ageRange: z.object({ min: z.number().int(), max: z.number().int() }),
		places: z.number().int(),
		yearGroup: z.string().nullable(),
		count: z.number().int(),
		availableFrom: z.string().nullable(),
		version: z.number().int(),
		updatedAt: z.string(),
	})
	.openapi("VacancyListing");

const listRoute = createRoute({
	method: "get",
	path: "/vacancies",
	operationId: "listVacancies",
	tags,
	summary: "Published vacancies: places free now and from a later date",
	description:
		"Every published vacancy with at least one place: those free now (no `availableFrom`, or one not after today) and those free from a later date. `availableBy=YYYY-MM-DD` keeps only places free by that date (today's date: what is free now). Filter by need type, phase, level and borough.",
	security: publicAccess,
	request: {
		query: z
			.object({
				need: z.enum(NEED_CODES).optional(),
				phase: z.enum(PHASE_FILTERS).optional(),
				level: z.enum(PROVISION_LEVELS).optional(),
				borough: LaCode.optional(),
				availableBy: z.iso.date("must be a date (YYYY-MM-DD)").optional().openapi({
					description: "Only places free by this date: no availableFrom, or one on or before it",
				}),
				...PageQuery,
			})
			.strict(),
	},
	responses: {
		200: jsonContent(pageOf(VacancyItem, "VacancyPage"), "A page of vacancies"),
		...problemResponses(400),
	},
});

const Change = z
	.object({
		cursor: z.string(),
		urn: z.number().int(),
		provision: z.string(),
		borough: z.string(),
		yearGroup: z.string().nullable(),
		count: z.number().int(),
		previousCount: z.number().int().nullable(),
		availableFrom: z.string().nullable(),
		source: z.string().openapi({ example: "publication" }),
		at: z.string(),
	})
	.openapi("VacancyChange");

const changesRoute = createRoute({
	method: "get",
	path: "/vacancies/changes",
	operationId: "listVacancyChanges",
	tags,
	summary: "The ordered vacancy change feed",
	description: CHANGES_DESCRIPTION,
	security: publicAccess,
	request: {
		query: z
			.object({
				since: z
					.string()
					.regex(/^\d{1,15}$/, "must be a cursor from a previous answer (or 0)")
					.default("0"),
				limit: z.coerce.number().int().min(1).max(1_000).default(200),
			})
			.strict(),
	},
	responses: {
		200: jsonContent(
			z.object({ events: z.array(Change), nextCursor: z.string() }).openapi("VacancyChanges"),
			"Changes after the cursor",
		),
		...problemResponses(400),
	},
});

export const vacancyRoutes = createRouter()
	.openapi(publishRoute, async (c) => {
		const { db, now } = c.get("deps");
		const key = c.req.valid("header")["idempotency-key"];
		const result = await publishVacancies(db, actorOf(c), c.req.valid("json"), key, now());
		if (key) c.header("Idempotency-Key", key);
		return c.json(result.body as z.infer<typeof Published>, 200);
	})
	.openapi(listRoute, async (c) => {
		const q = c.req.valid("query");
		const { total, items } = await listVacancies(c.get("deps").db, q);
		return c.json(
			{
				items: items.map(({ ageMin, ageMax, updatedAt, ...v }) => ({
					...v,
					ageRange: { min: ageMin, max: ageMax },
					updatedAt: updatedAt.toISOString(),
				})),
				total,
				limit: q.limit,
				offset: q.offset,
			},
			200,
		);
	})
	.openapi(changesRoute, async (c) => {
		const { since, limit } = c.req.valid("query");
		const rows = await listVacancyChanges(c.get("deps").db, Number(since), limit);
		const events = rows.map(({ seq, at, ...e }) => ({
			cursor: String(seq),
			...e,
			at: at.toISOString(),
		}));
		return c.json({ events, nextCursor: events.at(-1)?.cursor ?? since }, 200);
	});

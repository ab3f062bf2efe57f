import { createRoute, z } from "@hono/zod-openapi";
import { requireRole } from "../auth/middleware.js";
import { ProvisionCode, ProvisionInput, SettingInput } from "../contracts/registry.js";
import { Urn } from "../contracts/settings.js";
import { actorOf } from "../http/actor.js";
import { authResponses, bearerSecurity } from "../http/auth-docs.js";
import { jsonBody, problemResponses } from "../http/openapi.js";
import { createRouter } from "../http/router.js";
import { putProvision, putSetting } from "../services/settings-write.js";

const tags = ["Registry"];
const IfMatch = z.object({
	"if-match": z
		.string()
		.optional()
		.openapi({ description: "The ETag from GET /settings/{urn}; a stale one gets 412" }),
});
const Written = z
	.object({ urn: z.number().int(), etag: z.string(), created: z.boolean() })
	.openapi("WriteResult");
const written = (what: string) => ({
	headers: z.object({ ETag: z.string() }),
	content: { "application/json": { schema: Written } },
	description: what,
});

const putSettingRoute = createRoute({
	method: "put",
	path: "/settings/{urn}",
	operationId: "putSetting",
	tags,
	summary: "Create or update a setting of the caller's borough",
	security: bearerSecurity,
	middleware: [requireRole("publisher", "admin")] as const,
	request: {
		params: z.object({ urn: Urn }),
		headers: IfMatch,
		body: jsonBody(SettingInput),
	},
	responses: {
		200: written("Updated"),
		201: written("Created"),
		...authResponses,
		...problemResponses(400, 409, 412, 413, 415, 422),
	},
});

const putProvisionRoute = createRoute({
	method: "put",
	path: "/settings/{urn}/provisions/{code}",
	operationId: "putProvision",
	tags,
	summary: "Create or update a provision (designations, level, ages, places, cost)",
	security: bearerSecurity,
	middleware: [requireRole("publisher", "admin")] as const,
	request: {
		params: z.object({ urn: Urn, code: ProvisionCode }),
		headers: IfMatch,
		body: jsonBody(ProvisionInput),
	},
	responses: {
		200: written("Updated"),
		201: written("Created"),
		...authResponses,
		...problemResponses(400, 404, 412, 413, 415, 422),
	},
});

export const registryRoutes = createRouter()
	.openapi(putSettingRoute, async (c) => {
		const { urn } = c.req.valid("param");
		const { db, now } = c.get("deps");
		const result = await putSetting(
			db,
			actorOf(c),
			urn,
			c.req.valid("json"),
			c.req.valid("header")["if-match"],
			now(),
		);
		c.header("ETag", result.etag);
		return c.json({ urn, ...result }, result.created ? 201 : 200);
	})
	.openapi(putProvisionRoute, async (c) => {
		const { urn, code } = c.req.valid("param");
		const { db, now } = c.get("deps");
		const result = await putProvision(
			db,
			actorOf(c),
			urn,
			code,
			c.req.valid("json"),
			c.req.valid("header")["if-match"],
			now(),
		);
		c.header("ETag", result.etag);
		return c.json({ urn, ...result }, result.created ? 201 : 200);
	});

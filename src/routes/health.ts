import { createRoute, z } from "@hono/zod-openapi";
import { sql } from "drizzle-orm";
import { publicAccess } from "../http/auth-docs.js";
import { jsonContent, problemResponses } from "../http/openapi.js";
import { createRouter } from "../http/router.js";

const Health = z
	.object({
		status: z.enum(["ok", "unavailable"]),
		database: z.object({
			kind: z.enum(["pglite", "postgres"]),
			reachable: z.boolean(),
			latencyMs: z.number(),
			error: z.string().optional(),
		}),
	})
	.openapi("Health");

const route = createRoute({
	method: "get",
	path: "/health",
	operationId: "getHealth",
	tags: ["Operations"],
	summary: "Service and database health",
	security: publicAccess,
	// Strict like every other query: a probe configured with a parameter hears so at once (400),
	// rather than the parameter being silently ignored.
	request: { query: z.object({}).strict() },
	responses: {
		200: jsonContent(Health, "The service and its database are up"),
		...problemResponses(400),
		503: jsonContent(Health, "The database is unreachable"),
	},
});

export const healthRoutes = createRouter().openapi(route, async (c) => {
	const { db, dbKind } = c.get("deps");
	const started = performance.now();
	try {
		await db.execute(sql`select 1`);
		const latencyMs = Math.round((performance.now() - started) * 10) / 10;
		return c.json(
			{ status: "ok" as const, database: { kind: dbKind, reachable: true, latencyMs } },
			200,
		);
	} catch (error) {
		const latencyMs = Math.round((performance.now() - started) * 10) / 10;
		const message = error instanceof Error ? error.message : String(error);
		return c.json(
			{
				status: "unavailable" as const,
				database: { kind: dbKind, reachable: false, latencyMs, error: message },
			},
			503,
		);
	}
});

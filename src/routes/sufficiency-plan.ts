import { createRoute } from "@hono/zod-openapi";
import { requireRole } from "../auth/middleware.js";
import { PlacesPlanResult, PlanRequest } from "../contracts/sufficiency-plan.js";
import { authResponses, bearerSecurity } from "../http/auth-docs.js";
import { jsonBody, jsonContent, problemResponses } from "../http/openapi.js";
import { createRouter } from "../http/router.js";
import { planNewPlaces } from "../services/sufficiency/plan.js";

const route = createRoute({
	method: "post",
	path: "/sufficiency/plan",
	operationId: "planNewPlaces",
	tags: ["Sufficiency"],
	summary:
		"Where would K new places of one need save most: one place at a time, each step's saving",
	description:
		"Matches the scope's awaiting children against today's free places on a copy of the live data (nothing is written), then adds K places of the need, one at a time, each where one more place saves most, re-solving after each. Only money figures per provision come back.",
	security: bearerSecurity,
	middleware: [requireRole("commissioner", "admin")] as const,
	request: { body: jsonBody(PlanRequest) },
	responses: {
		200: jsonContent(PlacesPlanResult, "The steps, in order, with each one's saving"),
		...authResponses,
		...problemResponses(400, 413, 415),
	},
});

export const sufficiencyPlanRoutes = createRouter().openapi(route, async (c) => {
	const { db, now } = c.get("deps");
	return c.json(await planNewPlaces(db, c.get("principal"), c.req.valid("json"), now()), 200);
});

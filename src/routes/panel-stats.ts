import { createRoute } from "@hono/zod-openapi";
import { requireRole } from "../auth/middleware.js";
import { PanelStats, PanelStatsQuery } from "../contracts/panel-stats.js";
import { authResponses, bearerSecurity } from "../http/auth-docs.js";
import { jsonContent, problemResponses } from "../http/openapi.js";
import { createRouter } from "../http/router.js";
import { panelStats } from "../services/panel-stats.js";

const statsRoute = createRoute({
	method: "get",
	path: "/panel/stats",
	operationId: "getPanelStats",
	tags: ["Panels"],
	summary:
		"Panel figures: days to offer and to start, placements by where, declines, cost by level",
	description:
		"A panel gets its own borough's figures; admins and commissioners one borough (`borough`) or all London. Aggregates only: counts of 1–4 of other boroughs' children are suppressed (null, `suppressed: true`); `method` says how each figure is counted.",
	security: bearerSecurity,
	middleware: [requireRole("panel", "commissioner", "admin")] as const,
	request: { query: PanelStatsQuery },
	responses: {
		200: jsonContent(PanelStats, "The figures"),
		...authResponses,
		...problemResponses(400),
	},
});

export const panelStatsRoutes = createRouter().openapi(statsRoute, async (c) => {
	const { borough } = c.req.valid("query");
	return c.json(await panelStats(c.get("deps").db, c.get("principal"), borough), 200);
});

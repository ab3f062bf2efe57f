import { createRoute, z } from "@hono/zod-openapi";
import { requireRole } from "../auth/middleware.js";
import {
	ShadowPriceQuery,
	ShadowPriceReport,
	SufficiencyQuery,
	SufficiencyReport,
} from "../contracts/sufficiency.js";
import { authResponses, bearerSecurity } from "../http/auth-docs.js";
import { csvResponse, toCsv, wantsCsv } from "../http/csv.js";
import { jsonContent, problemResponses } from "../http/openapi.js";
import { createRouter } from "../http/router.js";
import { sufficiencyColumns, sufficiencyFilename } from "../services/sufficiency/csv-columns.js";
import type { Dimension } from "../services/sufficiency/dimensions.js";
import { sufficiencyReport } from "../services/sufficiency/report-cache.js";
import { shadowPriceReport } from "../services/sufficiency/shadow-prices.js";

const tags = ["Sufficiency"];
const readers = requireRole("commissioner", "admin", "panel", "publisher");

const reportRoute = createRoute({
	method: "get",
	path: "/sufficiency",
	operationId: "getSufficiency",
	tags,
	summary: "Demand against supply by need type, phase and area, with the gap and a 3-year forecast",
	description:
		"Aggregates only. Small counts of other boroughs' children are suppressed (null, named in `suppressed`); `method` says how each figure is counted. `format=csv` (or `Accept: text/csv`) gives the same rows as a spreadsheet-safe CSV.",
	security: bearerSecurity,
	middleware: [readers] as const,
	request: { query: SufficiencyQuery },
	responses: {
		200: {
			description: "The report",
			content: {
				"application/json": { schema: SufficiencyReport },
				"text/csv": { schema: z.string() },
			},
		},
		...authResponses,
		...problemResponses(400),
	},
});

const shadowRoute = createRoute({
	method: "get",
	path: "/sufficiency/shadow-prices",
	operationId: "listShadowPrices",
	tags,
	summary: "Provisions ranked by the annual saving of one more place, from a matching run",
	security: bearerSecurity,
	middleware: [readers] as const,
	request: { query: ShadowPriceQuery },
	responses: {
		200: jsonContent(ShadowPriceReport, "Shadow prices, ranked, with sums by borough and need"),
		...authResponses,
		...problemResponses(400, 404, 409),
	},
});

export const sufficiencyRoutes = createRouter()
	.openapi(reportRoute, async (c) => {
		const q = c.req.valid("query");
		const { db, now } = c.get("deps");
		const report = await sufficiencyReport(db, c.get("principal"), {
			groupBy: q.groupBy.split(",") as Dimension[],
			area: q.area,
			today: now().toISOString().slice(0, 10),
		});
		if (wantsCsv(c, q.format)) {
			const body = toCsv(sufficiencyColumns(report), report.rows);
			return csvResponse(c, body, sufficiencyFilename(report));
		}
		return c.json(report, 200);
	})
	.openapi(shadowRoute, async (c) => {
		const q = c.req.valid("query");
		const report = await shadowPriceReport(c.get("deps").db, c.get("principal"), {
			runId: q.runId ?? q.run,
			limit: q.limit,
		});
		return c.json(report, 200);
	});

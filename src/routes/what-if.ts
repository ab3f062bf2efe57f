import { createRoute, z } from "@hono/zod-openapi";
import type { Principal } from "../auth/claims.js";
import { requireRole } from "../auth/middleware.js";
import { authResponses, bearerSecurity } from "../http/auth-docs.js";
import { jsonContent, problemResponses } from "../http/openapi.js";
import { createRouter } from "../http/router.js";
import { whatIf } from "../services/what-if.js";
import { WhatIfRequest } from "./what-if.schemas.js";

const Figures = z.object({
	annualCost: z.number(),
	journeyMinutes: z.number(),
	placed: z.number().int().nullable(),
	unplaced: z.number().int().nullable(),
});
const WhatIfResult = z
	.object({
		children: z.number().int(),
		method: z.string(),
		baseline: Figures,
		scenario: Figures,
		change: Figures,
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
				used: z.number().int(),
				shadowPrice: z.number(),
			}),
		),
	})
	.openapi("WhatIfResult");

const route = createRoute({
	method: "post",
	path: "/sufficiency/what-if",
	tags: ["Sufficiency"],
	summary:
		"Add or remove places and see what changes: annual cost, journey minutes, unplaced children, by borough",
	description:
		"Re-runs the matching on a copy of the live data; the live vacancy tables are never touched. Another borough's counts of 1 to 4 children show as null (suppressed, as the DfE does) unless the caller is an admin.",
	security: bearerSecurity,
	middleware: [requireRole("commissioner", "admin")] as const,
	request: { body: { required: true, content: { "application/json": { schema: WhatIfRequest } } } },
	responses: {
		200: jsonContent(WhatIfResult, "The scenario against the baseline"),
		...authResponses,
		...problemResponses(400, 413, 415, 422),
	},
});

type Row = Awaited<ReturnType<typeof whatIf>>["byBorough"][number];
type Key = "placed" | "unplaced";
const KEYS: Key[] = ["placed", "unplaced"];
const small = (n: number) => n >= 1 && n <= 4;

/**
 * Another borough's counts of 1–4 children are suppressed (in the baseline, the scenario and the
 * change alike). The London totals are shown, so where a count is hidden in only one borough,
 * the smallest other borough's count is hidden too (secondary suppression): otherwise the hidden
 * one would be the total minus the rest.
 */
function suppressRows(rows: Row[], viewer: Principal) {
	const exact = (r: Row) => viewer.role === "admin" || viewer.la === r.borough;
	const hidden = new Map<string, Set<Key>>(rows.map((r) => [r.borough, new Set<Key>()]));
	for (const key of KEYS) {
		const primary = rows.filter(
			(r) => !exact(r) && (small(r.baseline[key]) || small(r.scenario[key])),
		);
		for (const r of primary) hidden.get(r.borough)?.add(key);
		if (primary.length === 1) {
			const next = rows
				.filter((r) => !exact(r) && !hidden.get(r.borough)?.has(key))
				.sort((a, b) => a.baseline[key] - b.baseline[key] || a.borough.localeCompare(b.borough))[0];
			if (next) hidden.get(next.borough)?.add(key);
		}
	}
	return rows.map((row) => {
		const keys = hidden.get(row.borough) ?? new Set<Key>();
		const mask = (f: Row["baseline"]) => ({
			...f,
			placed: keys.has("placed") ? null : f.placed,
			unplaced: keys.has("unplaced") ? null : f.unplaced,
		});
		return {
			...row,
			baseline: mask(row.baseline),
			scenario: mask(row.scenario),
			change: mask(row.change),
			suppressed: [...keys],
		};
	});
}

export const whatIfRoutes = createRouter().openapi(route, async (c) => {
	const { db, now } = c.get("deps");
	const { viewer, ...result } = await whatIf(db, c.get("principal"), c.req.valid("json"), now());
	return c.json({ ...result, byBorough: suppressRows(result.byBorough, viewer) }, 200);
});

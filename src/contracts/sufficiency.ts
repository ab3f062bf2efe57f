import { z } from "@hono/zod-openapi";
import { DIMENSIONS } from "../services/sufficiency/dimensions.js";

const dimensionList = DIMENSIONS.join("|");

export const SufficiencyQuery = z
	.object({
		groupBy: z
			.string()
			.default("area")
			.refine(
				(s) => new RegExp(`^(${dimensionList})(,(${dimensionList}))*$`).test(s),
				"must be a comma-separated list of need, phase and area",
			)
			.refine(
				(s) => new Set(s.split(",")).size === s.split(",").length,
				"must not repeat a dimension",
			)
			.openapi({
				description: "Dimensions to group by: any of need, phase, area",
				example: "need,area",
			}),
		area: z.string().trim().min(1).max(100).default("borough").openapi({
			description:
				"What an area is: `borough`, a partnership kind (`aldcs-subregion`, `ics`, `commissioning-programme`: one row per partnership), or one partnership id or LA code (the report covers only it)",
			example: "aldcs-subregion",
		}),
		format: z
			.enum(["json", "csv"])
			.optional()
			.openapi({ description: "json (default) or csv; `Accept: text/csv` also asks for CSV" }),
	})
	.strict();

const Keyed = z.object({ code: z.string(), name: z.string() });
const count = z.number().int().nullable();

export const SufficiencyFigures = z.object({
	places: z.number().int(),
	vacant: z.number().int(),
	filled: count,
	awaiting: count,
	unmet: count.openapi({
		description:
			"Waiting children the latest finished run that included them placed nowhere; null when no waiting child of the row was in a finished run yet (see matching), or when suppressed",
	}),
	notYetMatched: count.openapi({ description: "Waiting children in no finished matching run" }),
	gap: count.openapi({ description: "awaiting − vacant" }),
	placedOutOfBorough: count,
	placedOutOfLondon: count,
	independentPlacements: count,
	independentAnnualCost: count,
	plans: z.number().int(),
	specialistPlans: z.number().int(),
	forecast: z.array(
		z.object({
			academicYear: z.string(),
			plans: z.number().int(),
			specialistPlans: z.number().int(),
		}),
	),
	suppressed: z.array(z.string()).openapi({ description: "Figures hidden (null) on this row" }),
});

export const SufficiencyReport = z
	.object({
		groupBy: z.array(z.enum(DIMENSIONS)),
		area: z.object({ param: z.string(), kind: z.string() }),
		asOf: z.string(),
		latestCensus: z.string().nullable(),
		viewer: z.object({ role: z.string(), la: z.string().nullable(), exact: z.boolean() }),
		rows: z.array(
			SufficiencyFigures.extend({
				need: Keyed.optional(),
				phase: Keyed.optional(),
				area: Keyed.optional(),
			}),
		),
		totals: SufficiencyFigures,
		matching: z
			.object({ finishedRuns: z.number().int(), note: z.string() })
			.openapi({ description: "Whether the unmet figures rest on a finished matching run yet" }),
		method: z.record(z.string(), z.string()),
	})
	.openapi("SufficiencyReport");

export const ShadowPriceQuery = z
	.object({
		runId: z.uuid().optional().openapi({
			description:
				"The matching run to price (default: the latest finished planning run; with none, the latest finished run you may see). The answer's `run` says which.",
		}),
		run: z.uuid().optional().openapi({ description: "The same as runId (older name)" }),
		limit: z.coerce.number().int().min(1).max(1000).default(50),
	})
	.strict();

const Summary = {
	provisions: z.number().int(),
	totalGainPlusOne: z.number(),
	maxGainPlusOne: z.number(),
};

export const ShadowPriceReport = z
	.object({
		runId: z.uuid(),
		run: z.object({
			id: z.uuid(),
			kind: z.string(),
			name: z.string().nullable(),
			chosenBy: z.enum(["runId", "latest-planning-run", "latest-run"]).openapi({
				description: "Why this run: named by runId, or the default",
			}),
		}),
		runBorough: z.string().nullable(),
		finishedAt: z.string().nullable(),
		provisions: z.number().int(),
		items: z.array(
			z.object({
				rank: z.number().int(),
				provisionId: z.number().int(),
				urn: z.number().int(),
				settingName: z.string().nullable(),
				provision: z.string(),
				borough: Keyed,
				level: z.string(),
				needTypes: z.array(z.string()),
				capacity: z.number().nullable(),
				used: z.number().nullable().openapi({
					description:
						"The run's children placed here; null (with capacity) where another borough's children here number 1 to 4",
				}),
				suppressed: z.array(z.string()),
				gainPlusOne: z.number(),
				lossMinusOne: z.number(),
				fallbackCost: z.number().nullable().openapi({
					description:
						"The dearest independent-sector fallback (fee + transport, £ a year) among the children who could take a place here: what bounds gainPlusOne",
				}),
				preferencesGained: z.number().int().openapi({
					description:
						"Priority units of parents' lawful preferences one more place here would let the round honour (the run's first criterion); gainPlusOne is the pounds beside them",
				}),
			}),
		),
		byArea: z.array(z.object({ borough: Keyed, ...Summary })),
		byNeed: z.array(z.object({ need: z.string(), ...Summary })),
		method: z.string(),
	})
	.openapi("ShadowPrices");

import { z } from "@hono/zod-openapi";
import { RUN_STATUSES } from "../../schema/index.js";
import { LaCode } from "./settings.js";

const pounds = z.number().int().min(0).max(1_000_000_000);

export const RunRequest = z
	.object({
		kind: z.enum(["round", "planning"]).default("round").openapi({
			description:
				"round (a panel, a joint panel or an admin): proposals a panel may accept; planning (a commissioner or an admin): a named run over the boroughs it plans for, aggregates only, whose shadow prices and what-ifs commissioners plan from",
		}),
		name: z
			.string()
			.min(1)
			.max(120)
			.refine((text) => !/\p{Cc}/u.test(text), "must be printable text (no control characters)")
			.optional()
			.openapi({ description: "A planning run's name (required for one)" }),
		scope: z
			.object({
				childIds: z
					.array(z.uuid())
					.min(1)
					.max(20_000)
					.optional()
					.openapi({ description: "Default: the caller's awaiting children" }),
				boroughs: z.array(LaCode).min(1).max(33).optional().openapi({
					description:
						"Span these boroughs' awaiting children: an admin any; a joint panel (token claim `joint`, a partnership id) the members of its partnership; a borough's panel only its own. Default: the panel's own borough (admin: all).",
				}),
			})
			.strict()
			.default({}),
		weights: z
			.object({
				valueOfTimePerMinute: z
					.number()
					.min(0)
					.max(10_000)
					.optional()
					.openapi({ description: "£ per one-way journey minute per year" }),
				preferenceCredit: z.array(z.number().int().min(0).max(100_000)).max(10).optional(),
				transportPerMile: z.number().min(0).max(100_000).optional(),
			})
			.strict()
			.default({}),
		sideConstraints: z
			.object({
				budgetCaps: z
					.record(LaCode, pounds)
					.optional()
					.openapi({ description: "Home borough → annual £ cap" }),
				outOfBoroughCeilings: z.record(LaCode, z.number().int().min(0).max(100_000)).optional(),
				sameSettingGroups: z.array(z.array(z.uuid()).min(2).max(10)).max(1_000).optional(),
			})
			.strict()
			.optional(),
		engine: z.enum(["auto", "network", "simplex", "lp"]).default("auto").openapi({
			description:
				"auto: the faster exact graph engine for the round (network or simplex); network: successive shortest paths; simplex: the primal network simplex; lp: javascript-lp-solver (small rounds; larger ones fall back to network). All reach the same proven optimum.",
		}),
		guarantee: z.boolean().default(true).openapi({
			description:
				"No borough worse off (runs over two or more boroughs' children): each borough places at least as many of its children in published supply as matching alone would. Its price is in the run's figures (`guarantee.price`). Not applied with side constraints.",
		}),
	})
	.strict()
	.refine((r) => r.kind !== "planning" || r.name !== undefined, {
		path: ["name"],
		message: "a planning run needs a name",
	})
	.openapi("MatchingRunRequest");

export const RunId = z
	.uuid("must be a run id (UUID)")
	.openapi({ param: { name: "id", in: "path" } });

const RunKind = z.enum(["round", "planning"]).openapi({
	description:
		"round: a panel's (or an admin's) round, whose proposals a panel may accept; planning: a commissioner's named planning run over the boroughs it plans for (aggregates only, no proposals to accept)",
});
const Provenance = {
	inputHash: z.string().nullable().openapi({
		description:
			"sha-256 (hex) of the canonical JSON (keys sorted) of the exact instance solved: GET …/replay gives it",
	}),
	solverVersion: z.string().nullable(),
	dataVersion: z.string().nullable().openapi({
		description: "The state of the supply of places and the policy the instance was read from",
	}),
};

export const Run = z
	.object({
		id: z.uuid(),
		kind: RunKind,
		name: z.string().nullable(),
		status: z.enum(RUN_STATUSES),
		progress: z.number().int(),
		borough: z.string().nullable(),
		scopeBoroughs: z.array(z.string()),
		children: z.number().int().nullable().openapi({
			description: "Children in the round; null when another borough's part of it is 1 to 4",
		}),
		engine: z.string().nullable(),
		method: z.string().nullable(),
		optimal: z.boolean().nullable(),
		objective: z.number().nullable(),
		lowerBound: z.number().nullable(),
		gap: z.number().nullable(),
		figures: z.unknown().openapi({
			description:
				"Annual cost, journey minutes, placed, unplaced, solve time, …; for a run over two or more boroughs also `boroughs` (each borough's children, placed in published supply, fallback, no placement found, preferences honoured, annual cost, what it pays, journey minutes: `pooled` in this run and `alone`, matching its own children in its own places), `flows` (place funding by hosts, top-ups by homes), `alone` (the totals) and `guarantee` (`on`, `worseOffWithout`, `price`: the objective and annual £ it adds, children placed fewer). Another borough's counts of 1–4 children are null, with the figures that would give them away.",
		}),
		greedy: z.unknown().openapi({
			description: "The greedy baseline's figures and what the optimum saves against it",
		}),
		...Provenance,
		allocationHash: z.string().nullable().openapi({
			description:
				"sha-256 (hex) of the canonical allocation: each child with its provision, or its reason and fallback",
		}),
		error: z.string().nullable(),
		createdAt: z.string(),
		finishedAt: z.string().nullable(),
		suppressed: z.array(z.string()).openapi({
			description:
				"Figures shown as null to this caller, by path (figures.placed, greedy.fallback, …): another borough's counts of 1 to 4 children, a count that a total would give away, and the figures that encode a hidden count (the fallbacks' cost, the objective). Empty for an admin and for a borough's own runs.",
		}),
		links: z.object({ self: z.string(), proposals: z.string(), replay: z.string() }),
	})
	.openapi("MatchingRun");

export const RunList = z
	.object({
		items: z.array(
			Run.pick({
				id: true,
				kind: true,
				name: true,
				status: true,
				borough: true,
				scopeBoroughs: true,
				children: true,
				engine: true,
				optimal: true,
				inputHash: true,
				solverVersion: true,
				dataVersion: true,
				createdAt: true,
				finishedAt: true,
				suppressed: true,
				links: true,
			}),
		),
		nextCursor: z.string().nullable().openapi({
			description: "Pass as `cursor` for the next (older) page; null on the last page",
		}),
	})
	.openapi("MatchingRunList");

export const RunListQuery = z
	.object({
		limit: z.coerce.number().int().min(1).max(100).default(20),
		cursor: z
			.string()
			.regex(/^[A-Za-z0-9_-]{1,200}$/, "must be a cursor from a previous page")
			.optional()
			.openapi({ description: "From the previous page's nextCursor" }),
		kind: RunKind.optional(),
	})
	.strict();

export const RunReplay = z
	.object({
		runId: z.uuid(),
		kind: RunKind,
		...Provenance,
		engine: z.string().nullable(),
		expected: z.object({
			objective: z.number().nullable(),
			allocationHash: z.string().nullable(),
		}),
		instance: z.unknown().openapi({
			description:
				"The exact AllocationInput the solver was given (children, provisions, params, options): `npm run replay -- file.json` solves it again offline",
		}),
	})
	.openapi("MatchingRunReplay");

export const Proposal = z
	.object({
		childId: z.uuid(),
		caseRef: z.string(),
		placed: z.boolean(),
		urn: z.number().int().nullable(),
		settingName: z.string().nullable(),
		provision: z.string().nullable(),
		borough: z.string().nullable(),
		annualCost: z.number().int().nullable(),
		journeyMinutes: z.number().nullable(),
		accepted: z.boolean(),
		proposalId: z.uuid(),
		explanation: z.unknown(),
	})
	.openapi("Proposal");

export type RunRequestT = z.infer<typeof RunRequest>;

import { z } from "@hono/zod-openapi";
import { DECLINE_REASONS, PROVISION_LEVELS } from "../../schema/index.js";
import { LaCode } from "./settings.js";

export const PanelStatsQuery = z
	.object({
		borough: LaCode.optional().openapi({
			description: "Admins and commissioners: one borough (default all London); a panel: its own",
		}),
	})
	.strict();

const Figure = z
	.object({ value: z.number().nullable(), suppressed: z.boolean() })
	.openapi("Figure", {
		description: "A figure; null with suppressed: true when it would disclose 1–4 children",
	});

const Spread = z.object({ medianDays: Figure, p90Days: Figure });

export const PanelStats = z
	.object({
		scope: z.object({
			borough: z.string().nullable().openapi({ description: "null: all London" }),
			exact: z.boolean().openapi({ description: "false: small counts are suppressed" }),
		}),
		method: z.object({
			percentile: z.string(),
			days: z.string(),
			placements: z.string(),
			suppression: z.string(),
		}),
		timeliness: z.object({
			placements: Figure,
			referralToOffer: Spread,
			offerToStart: Spread,
		}),
		placements: z.object({
			inBorough: Figure,
			outOfBorough: Figure,
			independent: Figure.openapi({ description: "Also counted in or out of borough" }),
		}),
		declinesByReason: z.array(z.object({ reasonCode: z.enum(DECLINE_REASONS), count: Figure })),
		averageAnnualCostByLevel: z.array(
			z.object({ level: z.enum(PROVISION_LEVELS), placements: Figure, average: Figure }),
		),
	})
	.openapi("PanelStats");

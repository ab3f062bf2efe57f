import { z } from "@hono/zod-openapi";
import { PLACEMENT_STATUSES } from "../../schema/index.js";
import { PageQuery, pageOf } from "../http/openapi.js";
import type { PlacementView, VacancyOutcome } from "../services/placements.js";

export const PlacementId = z
	.uuid("must be a placement id (UUID)")
	.openapi({ param: { name: "id", in: "path" } });

const day = z.iso.date("must be a date (YYYY-MM-DD)");

export const PlacementInput = z
	.object({
		consultationId: z.uuid().openapi({ description: "An agreed consultation" }),
		startDate: day.openapi({ description: "Today or later" }),
	})
	.strict()
	.openapi("PlacementInput");

const reason = z.string().trim().min(3).max(500);
export const EndInput = z
	.object({
		reason,
		endDate: day.optional().openapi({ description: "Default today; not before the start" }),
	})
	.strict()
	.openapi("PlacementEnd");
export const CancelInput = z.object({ reason }).strict().openapi("PlacementCancel");

export const PlacementListQuery = z
	.object({ status: z.enum(PLACEMENT_STATUSES).optional(), ...PageQuery })
	.strict();

const AnnualCost = z
	.object({
		placeFunding: z.number().int(),
		topUp: z.number().int(),
		fee: z.number().int(),
		transport: z.number().int().openapi({ description: "Per-mile model estimate" }),
		total: z.number().int(),
		journey: z.object({ miles: z.number(), minutes: z.number() }),
		payers: z.object({
			hostBorough: z.string(),
			hostPays: z.number().int().openapi({ description: "Place funding" }),
			homeBorough: z.string(),
			homePays: z.number().int().openapi({ description: "Top-up, fee and transport" }),
		}),
	})
	.openapi("PlacementCost", { description: "£ per year, and who pays what" });

export const Placement = z
	.object({
		id: z.uuid(),
		childId: z.uuid(),
		caseRef: z.string(),
		consultationId: z.uuid(),
		urn: z.number().int(),
		settingName: z.string(),
		provision: z.string(),
		level: z.string(),
		homeBorough: z.string(),
		hostBorough: z.string(),
		status: z.enum(PLACEMENT_STATUSES),
		vacancyYearGroup: z.string().nullable().openapi({
			description:
				"The year-group vacancy row the place was taken from (null: the provision's all-years row); ending or cancelling gives it back there",
		}),
		startDate: z.string(),
		annualCost: AnnualCost,
		confirmedAt: z.string(),
		endedAt: z.string().nullable(),
		endReason: z.string().nullable(),
	})
	.openapi("Placement");

export const PlacementChange = Placement.extend({
	vacancy: z
		.object({
			yearGroup: z.string().nullable(),
			count: z.number().int().nullable().openapi({ description: "Places left on that row now" }),
			changed: z.boolean(),
			note: z.string(),
		})
		.openapi({ description: "What the write did to the provision's vacancies" }),
}).openapi("PlacementChange");

export const PlacementPage = pageOf(Placement, "PlacementPage");

export function toPlacement(v: PlacementView): z.infer<typeof Placement> {
	const { pl } = v;
	return {
		id: pl.id,
		childId: pl.childId,
		caseRef: v.caseRef,
		consultationId: pl.consultationId,
		urn: v.provision.settingUrn,
		settingName: v.settingName,
		provision: v.provision.code,
		level: v.provision.level,
		homeBorough: pl.homeBorough,
		hostBorough: pl.hostBorough,
		status: pl.status as z.infer<typeof Placement>["status"],
		vacancyYearGroup: pl.vacancyYearGroup,
		startDate: pl.startDate,
		annualCost: pl.annualCost as z.infer<typeof AnnualCost>,
		confirmedAt: pl.confirmedAt.toISOString(),
		endedAt: pl.endedAt?.toISOString() ?? null,
		endReason: pl.endReason,
	};
}

export function toPlacementChange(r: { view: PlacementView; vacancy: VacancyOutcome }) {
	return { ...toPlacement(r.view), vacancy: r.vacancy };
}

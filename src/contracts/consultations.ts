import { z } from "@hono/zod-openapi";
import { CONSULTATION_STATUSES, DECLINE_REASONS } from "../../schema/index.js";
import { PageQuery, pageOf } from "../http/openapi.js";
import type { ConsultationView } from "../services/consultations.js";

export const ConsultationId = z
	.uuid("must be a consultation id (UUID)")
	.openapi({ param: { name: "id", in: "path" } });

export const ConsultationInput = z
	.union([
		z
			.object({
				childId: z.uuid(),
				urn: z.number().int().min(100_000).max(999_999).openapi({ description: "Setting URN" }),
				provision: z
					.string()
					.regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/, "must be a provision code")
					.openapi({ example: "ASD-RP" }),
			})
			.strict(),
		z
			.object({
				proposalId: z.uuid().openapi({ description: "Accept a matching run's proposal" }),
			})
			.strict(),
	])
	.openapi("ConsultationInput", {
		description: "A child and a provision (setting URN and provision code), or a proposal",
	});

export const AnswerInput = z
	.object({
		canMeetNeed: z.boolean(),
		hasCapacity: z.boolean(),
		reasonCode: z
			.enum(DECLINE_REASONS)
			.optional()
			.openapi({ description: "Required when declining" }),
		evidence: z
			.string()
			.trim()
			.max(4_000)
			.optional()
			.openapi({ description: "Required when declining: at least 20 characters" }),
	})
	.strict()
	.openapi("ConsultationAnswer");

export const ConsultationListQuery = z
	.object({
		status: z.enum(CONSULTATION_STATUSES).optional(),
		overdue: z
			.enum(["true", "false"])
			.optional()
			.openapi({ description: "true: only open consultations past their due date" }),
		childId: z.uuid().optional(),
		...PageQuery,
	})
	.strict();

export const Consultation = z
	.object({
		id: z.uuid(),
		status: z.enum(CONSULTATION_STATUSES).openapi({
			description:
				"`closed`: it was agreed and used by a placement that has since ended or been cancelled",
		}),
		child: z
			.object({
				id: z.uuid().optional().openapi({ description: "Only for the home borough's panel" }),
				caseRef: z.string(),
				yearGroup: z.string(),
				age: z.number().int(),
				primaryNeed: z.string(),
				secondaryNeeds: z.array(z.string()),
				planLevel: z.string(),
			})
			.openapi({ description: "What the setting needs to answer; never the home location" }),
		homeBorough: z.string(),
		consulted: z.object({
			urn: z.number().int(),
			settingName: z.string(),
			provision: z.string(),
			provisionName: z.string(),
			level: z.string(),
			maintainingBorough: z
				.string()
				.nullable()
				.openapi({ description: "Also consulted: the setting's borough, when not the home one" }),
		}),
		proposalId: z.uuid().nullable(),
		sentAt: z.string(),
		dueAt: z.string().openapi({ description: "15 calendar days after it was sent" }),
		overdue: z.boolean(),
		answer: z
			.object({
				canMeetNeed: z.boolean(),
				hasCapacity: z.boolean(),
				reasonCode: z.enum(DECLINE_REASONS).nullable(),
				evidence: z.string().nullable(),
				answeredAt: z.string(),
			})
			.nullable(),
	})
	.openapi("Consultation");

export const ConsultationPage = pageOf(Consultation, "ConsultationPage");

export type ConsultationInputT = z.infer<typeof ConsultationInput>;
export type AnswerInputT = z.infer<typeof AnswerInput>;

/** Shapes a consultation for its reader: the home panel sees the child id, a setting does not. */
export function toConsultation(
	v: ConsultationView,
	audience: "panel" | "setting",
	today: string,
): z.infer<typeof Consultation> {
	const { c, child, setting, provision } = v;
	return {
		id: c.id,
		status: c.status as z.infer<typeof Consultation>["status"],
		child: {
			...(audience === "panel" ? { id: child.id } : {}),
			caseRef: child.caseRef,
			yearGroup: child.yearGroup,
			age: child.age,
			primaryNeed: child.primaryNeed,
			secondaryNeeds: child.secondaryNeeds,
			planLevel: child.planLevel,
		},
		homeBorough: c.homeBorough,
		consulted: {
			urn: c.settingUrn,
			settingName: setting.name,
			provision: provision.code,
			provisionName: provision.name,
			level: provision.level,
			maintainingBorough: c.maintainingBorough === c.homeBorough ? null : c.maintainingBorough,
		},
		proposalId: c.proposalId,
		sentAt: c.sentAt.toISOString(),
		dueAt: c.dueAt,
		overdue: c.status === "open" && c.dueAt < today,
		answer: c.answeredAt
			? {
					canMeetNeed: c.canMeetNeed ?? false,
					hasCapacity: c.hasCapacity ?? false,
					reasonCode: c.reasonCode as (typeof DECLINE_REASONS)[number] | null,
					evidence: c.evidence,
					answeredAt: c.answeredAt.toISOString(),
				}
			: null,
	};
}

export type ConsultationT = z.infer<typeof Consultation>;

import { z } from "zod";
import { LA_CODE_PATTERN } from "../../schema/index.js";
import { ROLES } from "../auth/claims.js";

const NO_CONTROL = /^[^\p{Cc}]*$/u;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

const day = (what: string) =>
	z
		.string()
		.regex(DAY, `Enter the ${what} date as YYYY-MM-DD, for example 2026-09-01`)
		// A round trip, so 2026-02-31 (which Date.parse rolls over into March) is refused too.
		.refine((d) => {
			const t = Date.parse(`${d}T00:00:00Z`);
			return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === d;
		}, `The ${what} date is not a real date`);

/** What an admin may filter the audit trail by; every field optional, each checked as strictly as the API checks its own. */
export const AuditFilter = z
	.object({
		borough: z
			.string()
			.regex(new RegExp(LA_CODE_PATTERN), "Choose a borough from the list")
			.optional(),
		role: z.enum(ROLES, "Choose a role from the list").optional(),
		action: z
			.string()
			.max(64, "An action is at most 64 characters")
			.regex(
				/^[a-z][a-z0-9_.-]*$/,
				"An action is lower-case words joined by dots, like consultation.answer",
			)
			.optional(),
		recordType: z
			.string()
			.max(64, "A record type is at most 64 characters")
			.regex(
				/^[a-z][a-z0-9_-]*$/,
				"A record type is one lower-case word, like child or consultation",
			)
			.optional(),
		recordId: z
			.string()
			.max(128, "A record id is at most 128 characters")
			.regex(NO_CONTROL, "A record id cannot contain control characters")
			.optional(),
		from: day("from").optional(),
		to: day("to").optional(),
	})
	.strict()
	.refine((f) => !f.from || !f.to || f.from <= f.to, {
		path: ["to"],
		message: "The to date must be the same as or after the from date",
	});

export type AuditFilterT = z.infer<typeof AuditFilter>;

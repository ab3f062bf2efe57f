import { DECLINE_REASONS } from "../../../../schema/index.js";

/** The decline reason codes as a school reads them (the codes are the API's). */
export const DECLINE_TEXT: Record<(typeof DECLINE_REASONS)[number], string> = {
	cannot_meet_need: "Cannot meet the child's needs",
	no_capacity: "No capacity (no place free)",
	age_range: "Outside the setting's age range",
	incompatible_with_efficient_education: "Incompatible with the efficient education of others",
	health_and_safety: "Health and safety",
	other: "Other (say why in the evidence)",
};

export const declineText = (code: string | null | undefined) =>
	code ? (DECLINE_TEXT[code as keyof typeof DECLINE_TEXT] ?? code) : "—";

export const DECLINE_CHOICES = [
	{ value: "", text: "Not declining" },
	...DECLINE_REASONS.map((r) => ({ value: r, text: DECLINE_TEXT[r] })),
];

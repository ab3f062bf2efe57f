import { NEED_CODES, PHASE_FILTERS } from "../../../../schema/index.js";
import type { FormErrors } from "../../components/error-summary.js";
import type { PageContext } from "../../render.js";

export const GROUPINGS = [
	{ value: "borough", text: "Borough" },
	{ value: "aldcs-subregion", text: "ALDCS sub-region" },
	{ value: "ics", text: "ICS footprint" },
	{ value: "commissioning-programme", text: "Commissioning programme" },
] as const;

export const PHASE_TEXT: Record<string, string> = {
	early_years: "Early years",
	primary: "Primary",
	secondary: "Secondary",
	post16: "Post-16",
};

export interface Choice {
	need: string;
	phase: string;
	area: string;
}

/** The need type, phase and grouping a commissioner chose (default ASD, secondary, by borough). */
export function choiceOf(c: PageContext): { choice: Choice; errors: FormErrors } {
	const need = c.req.query("need") || "ASD";
	const phase = c.req.query("phase") || "secondary";
	const area = c.req.query("area") || "borough";
	const errors: FormErrors = {};
	if (!(NEED_CODES as readonly string[]).includes(need))
		errors.need = "Choose a need type from the list";
	if (!(PHASE_FILTERS as readonly string[]).includes(phase))
		errors.phase = "Choose a phase from the list";
	if (!GROUPINGS.some((g) => g.value === area))
		errors.area = "Choose an area grouping from the list";
	return {
		choice: {
			need: errors.need ? "ASD" : need,
			phase: errors.phase ? "secondary" : phase,
			area: errors.area ? "borough" : area,
		},
		errors,
	};
}

export const queryOf = (c: Choice, extra: Record<string, string> = {}) =>
	new URLSearchParams({ need: c.need, phase: c.phase, area: c.area, ...extra }).toString();

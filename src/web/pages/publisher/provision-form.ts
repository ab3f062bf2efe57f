import type { ZodError } from "zod";
import { ProvisionInput } from "../../../contracts/registry.js";
import type { FieldError } from "../../../http/problem.js";
import type { FormErrors } from "../../components/error-summary.js";
import { formList, formText } from "../../forms.js";

export type Form = Record<string, string | string[] | undefined>;

/** The form's whole-number fields and how a message names each. */
export const NUMBER_FIELDS = {
	ageMin: "the youngest age",
	ageMax: "the oldest age",
	places: "the places",
	placeFunding: "the place funding",
	topUp: "the top-up",
	fee: "the fee",
} as const;

/** A provision as it stands, as the form's fields (the version is the setting's, its ETag). */
export function formOfProvision(
	p: {
		name: string;
		level: string;
		ageMin: number;
		ageMax: number;
		places: number;
		placeFunding: number;
		topUp: number;
		fee: number;
	},
	needTypes: string[],
	settingVersion: number,
): Form {
	return {
		name: p.name,
		level: p.level,
		needTypes,
		ageMin: String(p.ageMin),
		ageMax: String(p.ageMax),
		places: String(p.places),
		placeFunding: String(p.placeFunding),
		topUp: String(p.topUp),
		fee: String(p.fee),
		version: String(settingVersion),
	};
}

const whole = (s: string | undefined) => (s !== undefined && /^\d{1,9}$/.test(s) ? Number(s) : s);

/** The answers as the API's PUT body, so exactly the API's validation applies. */
function bodyOf(form: Form) {
	const text = (k: string) => formText(form[k]);
	return {
		name: text("name") ?? "",
		level: text("level"),
		needTypes: formList(form.needTypes),
		ageRange: { min: whole(text("ageMin")), max: whole(text("ageMax")) },
		places: whole(text("places")),
		annualCost: {
			placeFunding: whole(text("placeFunding")),
			topUp: whole(text("topUp")),
			fee: whole(text("fee")),
		},
	};
}

/** A body path (`ageRange.max`, `annualCost.topUp`, `body.places`) as the form field it came from. */
export function fieldOf(path: string): string {
	const parts = path.replace(/^body\./, "").split(".");
	if (parts[0] === "ageRange") return parts[1] === "max" ? "ageMax" : "ageMin";
	if (parts[0] === "annualCost") return parts[1] ?? "placeFunding";
	return parts[0] || "name";
}

function zodErrors(error: ZodError, form: Form): FormErrors {
	const errors: FormErrors = {};
	for (const issue of error.issues) {
		const field = fieldOf(issue.path.map(String).join("."));
		const typed = formText(form[field]);
		const number = NUMBER_FIELDS[field as keyof typeof NUMBER_FIELDS];
		// Text where a number belongs: say what to type rather than zod's "expected number".
		const message =
			number && (typed === undefined || typeof whole(typed) === "string")
				? `Enter ${number} as a whole number`
				: issue.message;
		errors[field] ??= message;
	}
	return errors;
}

export type Parsed =
	| { ok: true; value: ReturnType<typeof ProvisionInput.parse> }
	| { ok: false; errors: FormErrors };

export function parseProvisionForm(form: Form): Parsed {
	const parsed = ProvisionInput.safeParse(bodyOf(form));
	return parsed.success
		? { ok: true, value: parsed.data }
		: { ok: false, errors: zodErrors(parsed.error, form) };
}

/** The service's own field errors (age range outside the setting's, places below vacancies). */
export function serviceErrors(errors: FieldError[]): FormErrors {
	const out: FormErrors = {};
	for (const e of errors) out[fieldOf(e.path)] ??= e.message;
	return out;
}

import { z } from "zod";
import { claimsSchema, type Role } from "../../auth/claims.js";
import type { FormErrors } from "../components/error-summary.js";
import { zodFormErrors } from "../forms.js";

export interface DevSignInForm {
	role?: string | undefined;
	la?: string | undefined;
	urn?: string | undefined;
	joint?: string | undefined;
	next?: string | undefined;
}

const urnText = z
	.string()
	.regex(/^\d{6}$/, "Enter the URN as 6 digits")
	.transform(Number)
	.optional();

type Claims = { role: Role; la?: string; urn?: number; joint?: string; subject: string };

/** The development sign-in form's answers as token claims, checked as a real token's would be. */
export function devSignInClaims(
	form: DevSignInForm,
): { ok: true; value: Claims } | { ok: false; errors: FormErrors } {
	const urn = urnText.safeParse(form.urn);
	if (!urn.success)
		return { ok: false, errors: zodFormErrors(urn.error, { "0": "urn", form: "urn" }) };
	const subject = `dev-${form.role ?? "?"}${form.la ? `@${form.la}` : ""}`;
	const parsed = claimsSchema.safeParse({
		sub: subject,
		role: form.role,
		la: form.la,
		urn: urn.data,
		joint: form.joint,
	});
	if (!parsed.success) {
		const errors = zodFormErrors(parsed.error);
		if (errors.role) errors.role = "Choose a role";
		return { ok: false, errors };
	}
	const { role, la, joint } = parsed.data;
	return { ok: true, value: { role, la, urn: parsed.data.urn, joint, subject } };
}

import type { ZodError } from "zod";
import { ApiError, type FieldError } from "../http/problem.js";
import type { FormErrors } from "./components/error-summary.js";

/** One text value from a parsed form body (a repeated or file field counts as absent). */
export function formText(value: unknown): string | undefined {
	if (typeof value !== "string") return undefined;
	const trimmed = value.trim();
	return trimmed === "" ? undefined : trimmed;
}

/** All values of a repeated field (checkboxes). */
export function formList(value: unknown): string[] {
	const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
	return values.filter((v): v is string => typeof v === "string" && v !== "");
}

/** The first message per field, keyed by the form field's id (its first path segment). */
export function zodFormErrors(error: ZodError, fieldIds: Record<string, string> = {}): FormErrors {
	const errors: FormErrors = {};
	for (const issue of error.issues) {
		const key = String(issue.path[0] ?? "form");
		const id = fieldIds[key] ?? key;
		errors[id] ??= issue.message;
	}
	return errors;
}

/** The service's own field errors (paths like body.home.postcode) mapped onto form fields. */
export function apiFormErrors(errors: FieldError[], fieldIds: Record<string, string>): FormErrors {
	const out: FormErrors = {};
	for (const e of errors) {
		const key = e.path.replace(/^body\./, "").split(".")[0] ?? "form";
		const id = fieldIds[key] ?? key;
		out[id] ??= e.message;
	}
	return out;
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A record id from a page's path: anything that is not one answers like a missing record. */
export function pathId(value: string, what: string): string {
	if (!UUID.test(value)) throw new ApiError("not_found", `no such ${what}`);
	return value;
}

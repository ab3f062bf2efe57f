import type { MiddlewareHandler } from "hono";
import { ApiError, type FieldError } from "./problem.js";

const NUL = "\u0000";
const MESSAGE = "contains a NUL byte (U+0000), which no text field may hold";

/** Paths (`body.provisions.0.name`, keys too) of every string in a JSON value holding a NUL. */
export function nulPaths(value: unknown, path: string): string[] {
	if (typeof value === "string") return value.includes(NUL) ? [path] : [];
	if (Array.isArray(value)) return value.flatMap((v, i) => nulPaths(v, `${path}.${i}`));
	if (value !== null && typeof value === "object") {
		return Object.entries(value).flatMap(([k, v]) =>
			k.includes(NUL) ? [`${path}.${JSON.stringify(k)}`] : nulPaths(v, `${path}.${k}`),
		);
	}
	return [];
}

/** Where a request's path or query carries a NUL byte (percent-encoded as %00). */
export function urlNulPaths(url: URL): string[] {
	const found: string[] = [];
	if (/%00/.test(url.pathname)) found.push("path");
	for (const [name, value] of url.searchParams) {
		if (name.includes(NUL) || value.includes(NUL)) found.push(`query.${name.replaceAll(NUL, "")}`);
	}
	return found;
}

function isJson(contentType: string): boolean {
	const media = contentType.split(";")[0]?.trim().toLowerCase() ?? "";
	return media === "application/json" || media.endsWith("+json");
}

export function nulError(paths: string[]): ApiError {
	const errors: FieldError[] = paths.map((path) => ({ path, message: MESSAGE }));
	return new ApiError(
		"validation_failed",
		errors.map((e) => `${e.path}: ${e.message}`).join("; "),
		{
			errors,
		},
	);
}

/**
 * PostgreSQL text cannot hold U+0000, so a NUL byte in any text would fail deep in a query as a
 * 500. Rejected here instead, before any handler runs, as a 400 naming each field: in the path,
 * the query and JSON bodies. Pages (`skip`) mark the field on their own form; CSV: the import's
 * parser names the row and column.
 */
export function rejectNulBytes(skip: (path: string) => boolean = () => false): MiddlewareHandler {
	return async (c, next) => {
		if (skip(c.req.path)) return next();
		const found = urlNulPaths(new URL(c.req.url));
		if (c.req.raw.body && isJson(c.req.header("content-type") ?? "")) {
			const text = await c.req.text();
			// JSON can only carry a NUL escaped (a raw one is malformed JSON, the parser's 400).
			if (text.includes("\\u0000")) {
				try {
					found.push(...nulPaths(JSON.parse(text), "body"));
				} catch {
					// Malformed JSON: the route's own parser answers it.
				}
			}
		}
		if (found.length > 0) throw nulError(found);
		await next();
	};
}

/** The form fields (of a urlencoded or multipart body) whose text holds a NUL byte. */
export async function formNulFields(request: {
	header: (name: string) => string | undefined;
	formData: () => Promise<FormData>;
}): Promise<string[]> {
	const media = (request.header("content-type") ?? "").split(";")[0]?.trim().toLowerCase();
	if (media !== "application/x-www-form-urlencoded" && media !== "multipart/form-data") return [];
	const form = await request.formData();
	const found: string[] = [];
	for (const [name, value] of form) {
		if (name.includes(NUL) || (typeof value === "string" && value.includes(NUL))) {
			found.push(name.replaceAll(NUL, ""));
		}
	}
	return found;
}

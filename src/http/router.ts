import { OpenAPIHono } from "@hono/zod-openapi";
import type { ZodError } from "zod";
import type { AppEnv } from "./env.js";
import { ApiError, type FieldError } from "./problem.js";

/** Turns zod issues into the problem document's list of bad fields, prefixed by where they were. */
export function fieldErrors(error: ZodError, where?: string): FieldError[] {
	return error.issues.flatMap((issue) => {
		const path = issue.path.map(String);
		const keys = issue.code === "unrecognized_keys" ? issue.keys : [undefined];
		return keys.map((key) => ({
			path: [where, ...path, key].filter((p) => p !== undefined && p !== "").join(".") || "(root)",
			message: key === undefined ? issue.message : "unknown field",
		}));
	});
}

/** An OpenAPIHono router whose validation failures become one problem+json shape. */
export function createRouter(): OpenAPIHono<AppEnv> {
	return new OpenAPIHono<AppEnv>({
		defaultHook: (result) => {
			if (!result.success) {
				const where = result.target === "json" ? "body" : result.target;
				const errors = fieldErrors(result.error as ZodError, where);
				const summary = errors.map((e) => `${e.path}: ${e.message}`).join("; ");
				throw new ApiError("validation_failed", summary, { errors });
			}
		},
	});
}

import { z } from "@hono/zod-openapi";
import { ERROR_CODES, PROBLEM_CONTENT_TYPE } from "./problem.js";

export const ProblemSchema = z
	.object({
		type: z.string().openapi({ example: "https://send-brokerage.london/problems/not-found" }),
		title: z.string(),
		status: z.number().int(),
		detail: z.string(),
		code: z.enum(Object.keys(ERROR_CODES) as [keyof typeof ERROR_CODES]),
		instance: z.string(),
		requestId: z.string(),
		errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
	})
	.openapi("Problem");

const descriptions: Record<number, string> = {
	400: "Malformed or invalid input; `errors` names each bad field",
	401: "Missing or invalid bearer token",
	403: "The caller's role may not do this",
	404: "No such resource (or not visible to the caller)",
	409: "Conflict with the current state",
	412: "The If-Match version is stale",
	413: "The body is too large",
	415: "Unsupported content type",
	422: "Well-formed, but breaks a domain rule",
	503: "The database is unreachable",
};

/** OpenAPI response entries for the given error statuses, all problem+json. */
export function problemResponses<S extends keyof typeof descriptions>(...statuses: S[]) {
	return Object.fromEntries(
		statuses.map((s) => [
			s,
			{
				description: descriptions[s] ?? "Error",
				content: { [PROBLEM_CONTENT_TYPE]: { schema: ProblemSchema } },
			},
		]),
	) as unknown as Record<
		S,
		{ description: string; content: Record<string, { schema: typeof ProblemSchema }> }
	>;
}

/** A required JSON request body validated by `schema`. */
export function jsonBody<T>(schema: T) {
	return { required: true, content: { "application/json": { schema } } } as const;
}

export function jsonContent<T>(schema: T, description: string) {
	return { description, content: { "application/json": { schema } } };
}

/** Pagination query parameters shared by list endpoints. */
export const PageQuery = {
	limit: z.coerce.number().int().min(1).max(500).default(50).openapi({
		description: "Items per page (1–500)",
		example: 50,
	}),
	offset: z.coerce.number().int().min(0).default(0).openapi({ description: "Items to skip" }),
};

export function pageOf<T extends z.ZodTypeAny>(item: T, name: string) {
	return z
		.object({
			items: z.array(item),
			total: z.number().int(),
			limit: z.number().int(),
			offset: z.number().int(),
		})
		.openapi(name);
}

import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";

/** The closed set of machine-readable error codes the API returns. */
export const ERROR_CODES = {
	bad_request: { status: 400, title: "Bad request" },
	validation_failed: { status: 400, title: "Validation failed" },
	unauthenticated: { status: 401, title: "Authentication required" },
	forbidden: { status: 403, title: "Forbidden" },
	not_found: { status: 404, title: "Not found" },
	method_not_allowed: { status: 405, title: "Method not allowed" },
	conflict: { status: 409, title: "Conflict" },
	precondition_failed: { status: 412, title: "Precondition failed" },
	payload_too_large: { status: 413, title: "Payload too large" },
	unsupported_media_type: { status: 415, title: "Unsupported media type" },
	unprocessable: { status: 422, title: "Unprocessable request" },
	service_unavailable: { status: 503, title: "Service unavailable" },
	internal: { status: 500, title: "Internal server error" },
} as const satisfies Record<string, { status: ContentfulStatusCode; title: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

/** One bad field: where it is (a JSON pointer-like path) and what is wrong with it. */
export interface FieldError {
	path: string;
	message: string;
}

/** The one error type of the service; the error handler renders it as problem+json. */
export class ApiError extends Error {
	readonly code: ErrorCode;
	readonly status: ContentfulStatusCode;
	readonly errors: FieldError[] | undefined;
	readonly headers: Record<string, string> | undefined;

	constructor(
		code: ErrorCode,
		detail: string,
		options: { errors?: FieldError[]; headers?: Record<string, string> } = {},
	) {
		super(detail);
		this.code = code;
		this.status = ERROR_CODES[code].status;
		this.errors = options.errors;
		this.headers = options.headers;
	}
}

export const PROBLEM_CONTENT_TYPE = "application/problem+json";

/** Renders an ApiError as an RFC 9457 problem document. */
export function problemResponse(c: Context, error: ApiError): Response {
	const body = {
		type: `https://send-brokerage.london/problems/${error.code.replaceAll("_", "-")}`,
		title: ERROR_CODES[error.code].title,
		status: error.status,
		detail: error.message,
		code: error.code,
		instance: new URL(c.req.url).pathname,
		requestId: c.get("requestId") ?? "",
		...(error.errors ? { errors: error.errors } : {}),
	};
	const headers: Record<string, string> = {
		"content-type": PROBLEM_CONTENT_TYPE,
		...error.headers,
	};
	// c.body keeps headers already set on the context (X-Request-Id among them).
	return c.body(JSON.stringify(body), error.status, headers);
}

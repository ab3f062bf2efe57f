import { responseSchemaChecker } from "./response-schemas.js";

/** The served OpenAPI document, read as the tests need it: operations found by method and path. */

export interface MediaType {
	schema?: Record<string, unknown>;
}
export interface DocumentedResponse {
	description: string;
	content?: Record<string, MediaType>;
}
export interface DocumentedParameter {
	name: string;
	in: "path" | "query" | "header" | "cookie";
	required?: boolean;
	schema?: Record<string, unknown>;
}
export interface DocumentedOperation {
	operationId?: string;
	summary?: string;
	description?: string;
	security?: Record<string, string[]>[];
	parameters?: DocumentedParameter[];
	requestBody?: { required?: boolean; content: Record<string, MediaType> };
	responses: Record<string, DocumentedResponse>;
}
export interface OpenApiDocument {
	openapi: string;
	info: Record<string, unknown>;
	paths: Record<string, Record<string, DocumentedOperation>>;
	components?: { schemas?: Record<string, unknown> };
}

export interface Operation extends DocumentedOperation {
	method: string;
	path: string;
	/** `GET /settings/{urn}` */
	label: string;
}

export const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

export function operationsOf(doc: OpenApiDocument): Operation[] {
	return Object.entries(doc.paths).flatMap(([path, item]) =>
		Object.entries(item)
			.filter(([method]) => HTTP_METHODS.includes(method))
			.map(([method, op]) => ({ ...op, method, path, label: `${method.toUpperCase()} ${path}` })),
	);
}

interface Matcher {
	op: Operation;
	regex: RegExp;
	literals: number;
}

/**
 * Finds the operation a request reaches. A literal segment beats a template one, as in the router
 * (`/settings/import` is not `/settings/{urn}`).
 */
export function operationFinder(doc: OpenApiDocument) {
	const matchers: Matcher[] = operationsOf(doc).map((op) => {
		const segments = op.path.split("/");
		const source = segments
			.map((s) => (/^\{[^}]+\}$/.test(s) ? "[^/]+" : s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
			.join("/");
		return {
			op,
			regex: new RegExp(`^${source}$`),
			literals: segments.filter((s) => !s.startsWith("{")).length,
		};
	});
	return (method: string, pathname: string): Operation | undefined =>
		matchers
			.filter((m) => m.op.method === method.toLowerCase() && m.regex.test(pathname))
			.sort((a, b) => b.literals - a.literals)[0]?.op;
}

/** Why a response breaks its operation's documented contract, or undefined when it keeps it. */
export function contractBreach(op: Operation, status: number, contentType: string | null) {
	const documented = op.responses[String(status)];
	if (!documented) {
		return `${op.label} (${op.operationId}) answered ${status}, which it does not document (${Object.keys(op.responses).join(", ")})`;
	}
	const media = contentType?.split(";")[0]?.trim().toLowerCase();
	const declared = Object.keys(documented.content ?? {});
	if (media && declared.length > 0 && !declared.includes(media)) {
		return `${op.label} answered ${status} as ${media}, but documents ${declared.join(" or ")}`;
	}
	return undefined;
}

type RequestFn = (
	input: string | Request | URL,
	init?: RequestInit,
	...rest: never[]
) => Response | Promise<Response>;

/**
 * Makes `app.request` check every answer against the served document: a status the operation
 * does not document, or a media type it does not declare, fails the test that saw it. So every
 * API test in the suite also tests the document, for routes added later too.
 */
export async function checkAnswersAgainstDocument(
	app: { request: RequestFn },
	onAnswer?: (op: Operation, status: number) => void,
): Promise<void> {
	const doc = (await (await app.request("/openapi.json")).json()) as OpenApiDocument;
	const find = operationFinder(doc);
	const checkBody = responseSchemaChecker(doc);
	const request = app.request;
	app.request = async (input, init, ...rest) => {
		const res = await request(input, init, ...rest);
		const method = init?.method ?? (input instanceof Request ? input.method : "GET");
		const url = input instanceof Request ? input.url : String(input);
		const op = find(method, new URL(url, "http://localhost").pathname);
		if (!op) return res;
		onAnswer?.(op, res.status);
		const contentType = res.headers.get("content-type");
		let breach = contractBreach(op, res.status, contentType);
		const media = contentType?.split(";")[0]?.trim().toLowerCase() ?? "";
		if (!breach && /^application\/(.+\+)?json$/.test(media)) {
			breach = checkBody(op, res.status, media, await res.clone().json());
		}
		if (breach) throw new Error(`the answer breaks the OpenAPI document: ${breach}`);
		return res;
	};
}

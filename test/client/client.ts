import createClient from "openapi-fetch";
import type { Role } from "../../src/auth/claims.js";
import type { TestContext } from "../support/app.js";
import { bearer, type TokenOptions } from "../support/auth.js";
import type { paths } from "./api.js";

/**
 * A client generated from the served document (types by openapi-typescript, calls by
 * openapi-fetch), talking to the in-process app as an integrator's would over HTTP.
 */
export async function clientAs(t: TestContext, role?: Role, options: TokenOptions = {}) {
	return createClient<paths>({
		baseUrl: "http://brokerage.test",
		fetch: async (request) => t.app.request(request),
		headers: role ? await bearer(t.keys, role, options) : {},
	});
}

/** The body of an answer with the expected status (else the failure names what came back). */
export function expectStatus<T>(
	result: { data?: T; error?: unknown; response: Response },
	status: number,
): T {
	if (result.response.status !== status || result.data === undefined) {
		throw new Error(
			`expected ${status}, got ${result.response.status}: ${JSON.stringify(result.error ?? result.data)}`,
		);
	}
	return result.data;
}

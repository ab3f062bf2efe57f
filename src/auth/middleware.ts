import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../http/env.js";
import { ApiError } from "../http/problem.js";
import type { Role } from "./claims.js";
import { TokenError } from "./verifier.js";

const REALM = 'Bearer realm="send-brokerage"';

function unauthenticated(detail: string, error?: string): ApiError {
	const challenge = error
		? `${REALM}, error="${error}", error_description="${detail.replaceAll('"', "'")}"`
		: REALM;
	return new ApiError("unauthenticated", detail, { headers: { "www-authenticate": challenge } });
}

/**
 * Verifies the bearer token and puts the caller on the context; then admits only the given
 * roles. Fails closed: no token or a bad one is 401, a role that may not act is 403.
 */
export function requireRole(...roles: Role[]): MiddlewareHandler<AppEnv> {
	return async (c, next) => {
		const header = c.req.header("authorization");
		if (!header) throw unauthenticated("a bearer token is required");
		const match = /^Bearer\s+([A-Za-z0-9._~+/=-]+)$/i.exec(header.trim());
		if (!match?.[1])
			throw unauthenticated("the Authorization header must be 'Bearer <token>'", "invalid_request");
		try {
			c.set("principal", await c.get("deps").verify(match[1]));
		} catch (error) {
			if (error instanceof TokenError) throw unauthenticated(error.message, "invalid_token");
			throw error;
		}
		const principal = c.get("principal");
		if (!roles.includes(principal.role)) {
			throw new ApiError(
				"forbidden",
				`role ${principal.role} may not do this (needs ${roles.join(" or ")})`,
			);
		}
		await next();
	};
}

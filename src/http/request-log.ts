import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "./env.js";

/**
 * One line per request: time, method, path, status, duration and request id. The query string
 * and headers are left out, so a token or a child's case reference never reaches the log.
 */
export function requestLogger(write: (line: string) => void): MiddlewareHandler<AppEnv> {
	return async (c, next) => {
		const started = performance.now();
		try {
			await next();
		} finally {
			const ms = (performance.now() - started).toFixed(1);
			write(
				`${new Date().toISOString()} ${c.req.method} ${c.req.path} ${c.res.status} ${ms}ms ${c.get("requestId")}`,
			);
		}
	};
}

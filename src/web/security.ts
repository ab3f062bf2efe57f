import type { MiddlewareHandler } from "hono";
import { csrf } from "hono/csrf";
import { HTTPException } from "hono/http-exception";
import { secureHeaders } from "hono/secure-headers";
import { formNulFields, urlNulPaths } from "../http/nul-bytes.js";
import type { WebEnv } from "./env.js";
import { errorPage } from "./errors.js";

export const CROSS_SITE =
	"The form was sent from another site, so it was refused. Go back and try again.";

/**
 * Headers on every page: a Content-Security-Policy with no inline script or style and nothing
 * from another origin (the pages work offline), nosniff, no framing, no referrer leaving us.
 */
export const pageHeaders = secureHeaders({
	contentSecurityPolicy: {
		defaultSrc: ["'self'"],
		scriptSrc: ["'self'"],
		styleSrc: ["'self'"],
		imgSrc: ["'self'", "data:"],
		connectSrc: ["'self'"],
		formAction: ["'self'"],
		frameAncestors: ["'none'"],
		baseUri: ["'none'"],
		objectSrc: ["'none'"],
	},
	xFrameOptions: "DENY",
	xContentTypeOptions: "nosniff",
	referrerPolicy: "same-origin",
	crossOriginEmbedderPolicy: false,
});

/**
 * Cross-site form posts are refused: the Origin must be this service's own (or a configured
 * public origin); the session cookie's SameSite=Lax is the second line.
 */
export function formOriginCheck(): MiddlewareHandler<WebEnv> {
	return async (c, next) => {
		const trusted = c.get("web").trustedOrigins ?? [];
		const check = csrf({
			origin: (origin, ctx) => origin === new URL(ctx.req.url).origin || trusted.includes(origin),
			secFetchSite: "same-origin",
		});
		try {
			return await check(c, next);
		} catch (error) {
			// The refusal is a page in the service's style, whichever router the path sits on.
			if (error instanceof HTTPException && error.status === 403 && !error.message) {
				return errorPage(c, 403, CROSS_SITE);
			}
			throw error;
		}
	};
}

/**
 * A NUL byte cannot be stored (PostgreSQL text refuses it): a form holding one is answered with a
 * page naming the field, before any handler reads it.
 */
export function formNulCheck(): MiddlewareHandler<WebEnv> {
	return async (c, next) => {
		if (c.req.method !== "POST") return next();
		const fields = await formNulFields(c.req);
		if (fields.length === 0) return next();
		const named = fields.map((f) => `“${f}”`).join(", ");
		return errorPage(
			c,
			400,
			`The ${fields.length > 1 ? "fields" : "field"} ${named} ${fields.length > 1 ? "contain" : "contains"} a NUL character, which cannot be saved. Go back, remove it and try again.`,
		);
	};
}

/**
 * A NUL byte in a page's address (path or query, as %00) is answered with a 400 page naming the
 * parameter, before any handler reads it: the app's own guard answers the API with problem+json,
 * which a browser should never be shown. (The panel's pages validate every parameter they read
 * and mark the field on their filter form instead.)
 */
export const queryNulCheck: MiddlewareHandler<WebEnv> = async (c, next) => {
	const found = urlNulPaths(new URL(c.req.url));
	if (found.length === 0) return next();
	const named = found
		.map((f) => (f === "path" ? "the address" : `“${f.replace(/^query\./, "")}”`))
		.join(", ");
	return errorPage(
		c,
		400,
		`The address holds a NUL character (%00) in ${named}, which cannot be used. Go back and choose again.`,
	);
};

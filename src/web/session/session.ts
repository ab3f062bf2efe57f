import type { Context, MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import { decodeJwt } from "jose";
import { claimsSchema, type Principal, type Role, toPrincipal } from "../../auth/claims.js";
import { TokenError } from "../../auth/verifier.js";
import type { WebEnv } from "../env.js";
import { errorPage } from "../errors.js";
import { clearCookie, readSealedCookie, writeSealedCookie } from "./cookie.js";

export const SESSION_COOKIE = "send_session";

/**
 * What a session holds: a bearer token the API would accept (development sign-in), verified
 * again on every request; or the claims an OpenID provider vouched for at sign-in, with its ID
 * token to hint which session to end at the provider on sign-out.
 */
export type SessionGrant =
	| { token: string }
	| { claims: Record<string, unknown>; idToken?: string | undefined };

export async function startSession(c: Context<WebEnv>, grant: SessionGrant): Promise<void> {
	await writeSealedCookie(c, c.get("web").session, SESSION_COOKIE, grant);
}

export function endSession(c: Context<WebEnv>): void {
	clearCookie(c, SESSION_COOKIE);
}

/** The ID token an OpenID sign-in left in the session, if any (read before ending it). */
export async function sessionIdToken(c: Context<WebEnv>): Promise<string | undefined> {
	const data = await readSealedCookie(c, c.get("web").session, SESSION_COOKIE);
	return typeof data?.idToken === "string" ? data.idToken : undefined;
}

async function principalOf(
	c: Context<WebEnv>,
	data: Record<string, unknown>,
): Promise<Principal | undefined> {
	if (typeof data.token === "string") {
		try {
			return await c.get("deps").verify(data.token);
		} catch (error) {
			if (error instanceof TokenError) return undefined;
			throw error;
		}
	}
	const claims = claimsSchema.safeParse(data.claims);
	return claims.success ? toPrincipal(claims.data) : undefined;
}

/** The session's person: from the cache of checked cookies, or decrypted and verified (and cached). */
async function sessionPrincipal(c: Context<WebEnv>) {
	const sealed = getCookie(c, SESSION_COOKIE);
	if (!sealed) return { data: undefined, principal: undefined };
	const cache = c.get("web").sessions;
	const known = cache.get(sealed);
	if (known) return { data: {}, principal: known };
	const data = await readSealedCookie(c, c.get("web").session, SESSION_COOKIE);
	const principal = data ? await principalOf(c, data) : undefined;
	if (data && principal) {
		const tokenExp = typeof data.token === "string" ? decodeJwt(data.token).exp : undefined;
		cache.set(sealed, principal, data.exp as number | undefined, tokenExp);
	}
	return { data, principal };
}

/** Reads the session cookie; a valid one puts the person on the context as `principal`. */
export function readSession(): MiddlewareHandler<WebEnv> {
	return async (c, next) => {
		c.set("signedIn", false);
		const { data, principal } = await sessionPrincipal(c);
		if (principal) {
			c.set("principal", principal);
			c.set("signedIn", true);
		} else if (data) {
			endSession(c);
		}
		await next();
	};
}

/** A safe place to return to after sign-in: a path on this site, never another origin. */
export function localPath(next: string | undefined): string {
	return next && /^\/(?![/\\])[\x21-\x7e]*$/.test(next) ? next : "/";
}

/** Pages for these roles only: signed-out people go to sign in first, other roles see 403. */
export function requireSignIn(...roles: Role[]): MiddlewareHandler<WebEnv> {
	return async (c, next) => {
		if (!c.get("signedIn")) {
			if (c.req.method === "GET") {
				const url = new URL(c.req.url);
				return c.redirect(`/sign-in?next=${encodeURIComponent(url.pathname + url.search)}`, 303);
			}
			return errorPage(c, 401, "Your session has ended. Sign in again, then repeat what you did.");
		}
		if (!roles.includes(c.get("principal").role)) {
			return errorPage(c, 403, `These pages are for ${roles.join(" or ")} users.`);
		}
		await next();
	};
}

import type { WebOptions } from "./env.js";
import { createOidcSignIn } from "./session/oidc.js";

/** The Worker bindings the web front reads (secrets with `wrangler secret put`). */
export interface WorkerWebEnv {
	/** base64url of 32 random bytes: seals the session cookies. */
	SESSION_SECRET: string;
	SESSION_HOURS?: string;
	PUBLIC_URL: string;
	OIDC_ISSUER: string;
	OIDC_CLIENT_ID: string;
	OIDC_CLIENT_SECRET?: string;
	OIDC_SCOPES?: string;
	OIDC_CLAIM_ROLE?: string;
	OIDC_CLAIM_LA?: string;
	OIDC_CLAIM_URN?: string;
	OIDC_CLAIM_JOINT?: string;
}

/**
 * The web front on Workers: people sign in with OpenID Connect (no development key at the edge).
 * Without a valid SESSION_SECRET the Worker serves the API alone, saying why once per isolate,
 * rather than failing every request.
 */
export function workerWeb(env: WorkerWebEnv): WebOptions | undefined {
	if (
		!/^[A-Za-z0-9_-]{43}$/.test(env.SESSION_SECRET ?? "") ||
		!env.PUBLIC_URL ||
		!env.OIDC_ISSUER
	) {
		console.error(
			"web front off: set SESSION_SECRET (32 random bytes, base64url), PUBLIC_URL and OIDC_ISSUER",
		);
		return undefined;
	}
	const key = Uint8Array.from(
		atob(`${env.SESSION_SECRET.replaceAll("-", "+").replaceAll("_", "/")}=`),
		(ch) => ch.charCodeAt(0),
	);
	return {
		session: { key, ttlSeconds: Math.round(Number(env.SESSION_HOURS ?? "8") * 3600) },
		signIn: {
			kind: "oidc",
			client: createOidcSignIn({
				issuer: env.OIDC_ISSUER,
				clientId: env.OIDC_CLIENT_ID,
				clientSecret: env.OIDC_CLIENT_SECRET,
				redirectUri: new URL("/auth/callback", env.PUBLIC_URL).href,
				scope: env.OIDC_SCOPES ?? "openid profile",
				claims: {
					role: env.OIDC_CLAIM_ROLE ?? "role",
					la: env.OIDC_CLAIM_LA ?? "la",
					urn: env.OIDC_CLAIM_URN ?? "urn",
					joint: env.OIDC_CLAIM_JOINT ?? "joint",
				},
			}),
		},
		trustedOrigins: [new URL(env.PUBLIC_URL).origin],
	};
}

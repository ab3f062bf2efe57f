import * as oidc from "openid-client";
import { z } from "zod";

/** Which ID token / userinfo claims carry our role, borough, URN and joint partnership. */
export interface ClaimNames {
	role: string;
	la: string;
	urn: string;
	joint: string;
}

export interface OidcSettings {
	issuer: string;
	clientId: string;
	clientSecret: string | undefined;
	/** This service's callback, registered with the provider: https://…/auth/callback. */
	redirectUri: string;
	scope: string;
	claims: ClaimNames;
	/**
	 * Where the provider sends a person back after signing out there (registered with it as a
	 * post-logout redirect URI); by default this service's start page, beside the callback.
	 */
	postLogoutRedirectUri?: string;
	/** Only for a provider on http://localhost in tests and local trials. */
	allowHttp?: boolean;
}

/** What the callback needs back from the start of a sign-in (kept in a sealed cookie). */
export const OidcTransaction = z.object({
	verifier: z.string().min(43),
	state: z.string().min(1),
	nonce: z.string().min(1),
	next: z.string(),
});
export type OidcTransactionT = z.infer<typeof OidcTransaction>;

export interface OidcSignIn {
	start(next: string): Promise<{ url: string; transaction: OidcTransactionT }>;
	/**
	 * Exchanges the code (PKCE, state and nonce checked) and maps the claims to ours; the ID
	 * token comes back too, as the hint for signing out at the provider.
	 */
	finish(
		callbackUrl: URL,
		transaction: OidcTransactionT,
	): Promise<{ claims: Record<string, unknown>; idToken: string | undefined }>;
	/**
	 * RP-initiated logout: the provider's end-session URL to send a signed-out person to, or
	 * undefined when the provider publishes no `end_session_endpoint` (or cannot be reached).
	 */
	endSessionUrl(idToken: string | undefined): Promise<string | undefined>;
}

function mapClaims(source: Record<string, unknown>, names: ClaimNames): Record<string, unknown> {
	const urn = source[names.urn];
	return {
		sub: source.sub,
		role: source[names.role],
		la: source[names.la],
		urn: typeof urn === "string" && /^\d+$/.test(urn) ? Number(urn) : urn,
		joint: source[names.joint],
	};
}

/** OpenID Connect sign-in: authorisation code with PKCE, through openid-client. */
export function createOidcSignIn(settings: OidcSettings): OidcSignIn {
	let configuration: Promise<oidc.Configuration> | undefined;
	// Discovered on first use, so the service starts while the provider is unreachable.
	const config = () => {
		configuration ??= oidc
			.discovery(
				new URL(settings.issuer),
				settings.clientId,
				settings.clientSecret,
				undefined,
				settings.allowHttp ? { execute: [oidc.allowInsecureRequests] } : undefined,
			)
			.catch((error: unknown) => {
				configuration = undefined;
				throw error;
			});
		return configuration;
	};
	return {
		async start(next) {
			const verifier = oidc.randomPKCECodeVerifier();
			const transaction = { verifier, state: oidc.randomState(), nonce: oidc.randomNonce(), next };
			const url = oidc.buildAuthorizationUrl(await config(), {
				redirect_uri: settings.redirectUri,
				scope: settings.scope,
				code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
				code_challenge_method: "S256",
				state: transaction.state,
				nonce: transaction.nonce,
			});
			return { url: url.href, transaction };
		},
		async finish(callbackUrl, transaction) {
			const cfg = await config();
			const tokens = await oidc.authorizationCodeGrant(cfg, callbackUrl, {
				pkceCodeVerifier: transaction.verifier,
				expectedState: transaction.state,
				expectedNonce: transaction.nonce,
				idTokenExpected: true,
			});
			const idClaims: Record<string, unknown> = { ...tokens.claims() };
			const sub = String(idClaims.sub);
			// Custom claims often come only from userinfo in the code flow; the ID token's win.
			const info = await oidc.fetchUserInfo(cfg, tokens.access_token, sub);
			return {
				claims: mapClaims({ ...info, ...idClaims }, settings.claims),
				idToken: tokens.id_token,
			};
		},
		async endSessionUrl(idToken) {
			const cfg = await config().catch(() => undefined);
			if (!cfg?.serverMetadata().end_session_endpoint) return undefined;
			const parameters: Record<string, string> = {
				post_logout_redirect_uri:
					settings.postLogoutRedirectUri ?? new URL("/", settings.redirectUri).href,
			};
			if (idToken) parameters.id_token_hint = idToken;
			return oidc.buildEndSessionUrl(cfg, parameters).href;
		},
	};
}

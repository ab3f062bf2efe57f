import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";

/** Test accounts at the provider: the login name is the account id. */
export const OIDC_ACCOUNTS: Record<string, Record<string, unknown>> = {
	"kingston-panel": { "send:role": "panel", "send:la": "314" },
	"a-school": { "send:role": "setting", "send:urn": "102556" },
	"no-role": {},
};

export const OIDC_CLIENT = { id: "send-brokerage", secret: "a-client-secret-for-tests-only" };
export const OIDC_CLAIM_NAMES = {
	role: "send:role",
	la: "send:la",
	urn: "send:urn",
	joint: "send:joint",
};

/**
 * A real OpenID provider (oidc-provider) on a loopback port, with its development login and
 * consent forms, and one confidential client whose callback is `redirectUri`.
 */
export async function startOidcProvider(
	redirectUris: string[],
): Promise<{ issuer: string; close: () => Promise<void> }> {
	const server: Server = createServer();
	await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
	const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	const provider = new Provider(issuer, {
		clients: [
			{
				client_id: OIDC_CLIENT.id,
				client_secret: OIDC_CLIENT.secret,
				redirect_uris: redirectUris,
				// Signing out at the provider sends the person back to the service's start page.
				post_logout_redirect_uris: redirectUris.map((uri) => new URL("/", uri).href),
				token_endpoint_auth_method: "client_secret_post",
			},
		],
		scopes: ["openid", "send"],
		claims: { openid: ["sub"], send: ["send:role", "send:la", "send:urn"] },
		cookies: { keys: ["test-cookie-key-0123456789"] },
		findAccount: (_ctx, sub) => ({
			accountId: sub,
			claims: () => ({ sub, ...(OIDC_ACCOUNTS[sub] ?? {}) }),
		}),
	});
	server.on("request", provider.callback());
	return { issuer, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

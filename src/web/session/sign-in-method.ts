import type { JWK } from "jose";
import type { OidcSignIn } from "./oidc.js";

/**
 * How people sign in. `development`: only when the server holds its own development key, a page
 * lets a person choose a role and borough and the session carries a real token signed with that
 * key. `oidc`: the boroughs' identity provider. `none`: the server verifies tokens from a real
 * issuer but has no OpenID client configured, so the pages cannot be signed in to.
 */
export type SignInMethod =
	| { kind: "development"; privateJwk: JWK; issuer: string; audience: string }
	| { kind: "oidc"; client: OidcSignIn }
	| { kind: "none" };

import {
	type CryptoKey,
	createLocalJWKSet,
	createRemoteJWKSet,
	errors,
	importSPKI,
	type JSONWebKeySet,
	type JWTVerifyGetKey,
	jwtVerify,
} from "jose";
import { claimsSchema, type Principal, toPrincipal } from "./claims.js";

export interface AuthSettings {
	issuer: string;
	audience: string;
	/** Pinned algorithms; a token signed with anything else is refused. */
	algorithms: string[];
}

export type KeySource =
	| { kind: "jwks-url"; url: string }
	| { kind: "jwks"; jwks: JSONWebKeySet }
	| { kind: "spki"; pem: string };

/** Why a token was refused, in words safe to return to the caller. */
export class TokenError extends Error {}

export type Verifier = (token: string) => Promise<Principal>;

/** Builds the token verifier: jose jwtVerify with pinned algorithms, issuer and audience. */
export async function createVerifier(settings: AuthSettings, source: KeySource): Promise<Verifier> {
	const options = {
		issuer: settings.issuer,
		audience: settings.audience,
		algorithms: settings.algorithms,
		requiredClaims: ["exp", "sub"],
	};
	let verify: (token: string) => Promise<{ payload: unknown }>;
	if (source.kind === "spki") {
		const key: CryptoKey = await importSPKI(source.pem, settings.algorithms[0] ?? "ES256");
		verify = (token) => jwtVerify(token, key, options);
	} else {
		const keys: JWTVerifyGetKey =
			source.kind === "jwks-url"
				? createRemoteJWKSet(new URL(source.url))
				: createLocalJWKSet(source.jwks);
		verify = (token) => jwtVerify(token, keys, options);
	}

	return async (token) => {
		try {
			const { payload } = await verify(token);
			const claims = claimsSchema.safeParse(payload);
			if (!claims.success) {
				const issue = claims.error.issues[0];
				throw new TokenError(`token claim ${issue?.path.join(".") || "?"}: ${issue?.message}`);
			}
			return toPrincipal(claims.data);
		} catch (error) {
			if (error instanceof TokenError) throw error;
			if (error instanceof errors.JWTExpired) throw new TokenError("the token has expired");
			if (error instanceof errors.JWTClaimValidationFailed) {
				throw new TokenError(`token claim ${error.claim} is not acceptable`);
			}
			if (error instanceof errors.JOSEError) throw new TokenError(`invalid token (${error.code})`);
			throw error;
		}
	};
}

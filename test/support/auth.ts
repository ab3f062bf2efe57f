import { exportJWK, generateKeyPair, type JWK } from "jose";
import type { Role } from "../../src/auth/claims.js";
import { signToken } from "../../src/auth/sign.js";
import { createVerifier, type Verifier } from "../../src/auth/verifier.js";

export const TEST_ISSUER = "urn:send-brokerage:test";
export const TEST_AUDIENCE = "send-brokerage-api";

export interface TestKeys {
	verify: Verifier;
	privateJwk: JWK;
}

/** A real ES256 key pair for the test run; the app verifies tokens exactly as in production. */
export async function createTestKeys(): Promise<TestKeys> {
	const { privateKey, publicKey } = await generateKeyPair("ES256", { extractable: true });
	const kid = "test-key";
	const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: "ES256" };
	const privateJwk = { ...(await exportJWK(privateKey)), kid, alg: "ES256" };
	const verify = await createVerifier(
		{ issuer: TEST_ISSUER, audience: TEST_AUDIENCE, algorithms: ["ES256"] },
		{ kind: "jwks", jwks: { keys: [publicJwk] } },
	);
	return { verify, privateJwk };
}

export interface TokenOptions {
	la?: string;
	urn?: number;
	joint?: string;
	ttlSeconds?: number;
	issuer?: string;
	audience?: string;
	now?: Date;
	subject?: string;
}

export function tokenFor(keys: TestKeys, role: Role, options: TokenOptions = {}): Promise<string> {
	return signToken(
		keys.privateJwk,
		{
			role,
			la: options.la,
			urn: options.urn,
			joint: options.joint,
			subject: options.subject,
			ttlSeconds: options.ttlSeconds ?? 3600,
			issuer: options.issuer ?? TEST_ISSUER,
			audience: options.audience ?? TEST_AUDIENCE,
		},
		options.now,
	);
}

/** `{ authorization: "Bearer …" }` for a role. */
export async function bearer(keys: TestKeys, role: Role, options: TokenOptions = {}) {
	return { authorization: `Bearer ${await tokenFor(keys, role, options)}` };
}

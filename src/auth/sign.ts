import { type CryptoKey, importJWK, type JWK, SignJWT } from "jose";
import type { Role } from "./claims.js";

export interface TokenRequest {
	role: Role;
	la?: string;
	urn?: number;
	/** Role panel: the partnership whose joint panel the caller sits on. */
	joint?: string;
	subject?: string;
	ttlSeconds: number;
	issuer: string;
	audience: string;
}

/** Signs a token with a private JWK (development key, or a test key). */
export async function signToken(
	privateJwk: JWK,
	request: TokenRequest,
	now = new Date(),
): Promise<string> {
	const alg = privateJwk.alg ?? "ES256";
	const key = (await importJWK(privateJwk, alg)) as CryptoKey;
	const claims: Record<string, unknown> = { role: request.role };
	if (request.la) claims.la = request.la;
	if (request.urn) claims.urn = request.urn;
	if (request.joint) claims.joint = request.joint;
	const issuedAt = Math.floor(now.getTime() / 1000);
	return new SignJWT(claims)
		.setProtectedHeader({ alg, kid: privateJwk.kid, typ: "JWT" })
		.setSubject(
			request.subject ??
				`${request.role}${request.la ? `@${request.la}` : ""}${request.urn ? `#${request.urn}` : ""}`,
		)
		.setIssuer(request.issuer)
		.setAudience(request.audience)
		.setIssuedAt(issuedAt)
		.setExpirationTime(issuedAt + request.ttlSeconds)
		.sign(key);
}

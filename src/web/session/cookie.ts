import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { EncryptJWT, errors, jwtDecrypt } from "jose";

/**
 * Browser sessions live in one encrypted cookie (JWE, dir + A256GCM): the server keeps no session
 * table, so any instance (Node or Workers) can read it, and the browser cannot read or change it.
 * HttpOnly, Secure (browsers treat http://localhost as secure too), SameSite=Lax, with an expiry.
 */
export interface CookieJar {
	key: Uint8Array;
	/** How long a session lasts from sign-in. */
	ttlSeconds: number;
}

const OPTIONS = { path: "/", httpOnly: true, secure: true, sameSite: "Lax" } as const;

export async function writeSealedCookie(
	c: Context,
	jar: CookieJar,
	name: string,
	payload: Record<string, unknown>,
	ttlSeconds = jar.ttlSeconds,
): Promise<void> {
	const now = Math.floor(Date.now() / 1000);
	const sealed = await new EncryptJWT(payload)
		.setProtectedHeader({ alg: "dir", enc: "A256GCM" })
		.setIssuedAt(now)
		.setExpirationTime(now + ttlSeconds)
		.encrypt(jar.key);
	setCookie(c, name, sealed, { ...OPTIONS, maxAge: ttlSeconds });
}

/** The cookie's payload, or undefined when absent, expired, tampered with or sealed by another key. */
export async function readSealedCookie(
	c: Context,
	jar: CookieJar,
	name: string,
): Promise<Record<string, unknown> | undefined> {
	const sealed = getCookie(c, name);
	if (!sealed) return undefined;
	try {
		const { payload } = await jwtDecrypt(sealed, jar.key, {
			keyManagementAlgorithms: ["dir"],
			contentEncryptionAlgorithms: ["A256GCM"],
		});
		return payload;
	} catch (error) {
		if (error instanceof errors.JOSEError) return undefined;
		throw error;
	}
}

export function clearCookie(c: Context, name: string): void {
	deleteCookie(c, name, OPTIONS);
}

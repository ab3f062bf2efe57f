import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { exportJWK, generateKeyPair, type JWK } from "jose";

/** The local development signing key, kept in DATA_DIR; never used when a JWKS URL or key is set. */
export interface DevKey {
	kid: string;
	alg: "ES256";
	privateJwk: JWK;
	publicJwk: JWK;
}

export const DEV_KEY_FILE = "dev-signing-key.json";

export function devKeyPath(dataDir: string): string {
	return join(resolve(dataDir), DEV_KEY_FILE);
}

export function readDevKey(dataDir: string): DevKey | undefined {
	const path = devKeyPath(dataDir);
	return existsSync(path) ? (JSON.parse(readFileSync(path, "utf8")) as DevKey) : undefined;
}

/** Reads the development key, creating it (ES256, file mode 0600) on first run. */
export async function ensureDevKey(dataDir: string): Promise<{ key: DevKey; created: boolean }> {
	const existing = readDevKey(dataDir);
	if (existing) return { key: existing, created: false };
	const { privateKey, publicKey } = await generateKeyPair("ES256", { extractable: true });
	const publicJwk = await exportJWK(publicKey);
	const kid = `dev-${Date.now().toString(36)}`;
	const key: DevKey = {
		kid,
		alg: "ES256",
		privateJwk: { ...(await exportJWK(privateKey)), kid, alg: "ES256" },
		publicJwk: { ...publicJwk, kid, alg: "ES256", use: "sig" },
	};
	mkdirSync(resolve(dataDir), { recursive: true });
	writeFileSync(devKeyPath(dataDir), `${JSON.stringify(key, null, 2)}\n`, { mode: 0o600 });
	return { key, created: true };
}

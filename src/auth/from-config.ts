import type { Config } from "../config.js";
import { type DevKey, ensureDevKey } from "./dev-key.js";
import { createVerifier, type KeySource, type Verifier } from "./verifier.js";

/**
 * The verifier for a Node start: the production identity provider's JWKS URL or public key when
 * configured; otherwise the local development key in DATA_DIR (created on first run), whose
 * tokens `npm run -s token` prints. Either way every token is really verified.
 */
export async function verifierFromConfig(
	config: Config,
): Promise<{ verify: Verifier; keySource: string; devKey?: DevKey }> {
	const settings = config.auth;
	if (settings.jwksUrl) {
		return {
			verify: await createVerifier(settings, { kind: "jwks-url", url: settings.jwksUrl }),
			keySource: `JWKS ${settings.jwksUrl}`,
		};
	}
	if (settings.publicKeyPem) {
		return {
			verify: await createVerifier(settings, { kind: "spki", pem: settings.publicKeyPem }),
			keySource: "AUTH_PUBLIC_KEY",
		};
	}
	const { key, created } = await ensureDevKey(config.dataDir);
	const source: KeySource = { kind: "jwks", jwks: { keys: [key.publicJwk] } };
	const verify = await createVerifier({ ...settings, algorithms: [key.alg] }, source);
	return {
		verify,
		devKey: key,
		keySource: `development key in ${config.dataDir}${created ? " (created now)" : ""}`,
	};
}

import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { DevKey } from "../auth/dev-key.js";
import type { Config } from "../config.js";
import type { WebOptions } from "./env.js";
import { createOidcSignIn } from "./session/oidc.js";
import type { SignInMethod } from "./session/sign-in-method.js";

const SESSION_KEY_FILE = "session-key";

/** The cookie-sealing key: SESSION_SECRET, else one made once and kept in DATA_DIR (mode 0600). */
function sessionKey(config: Config): Uint8Array {
	if (config.web.sessionSecret) return Buffer.from(config.web.sessionSecret, "base64url");
	const path = join(resolve(config.dataDir), SESSION_KEY_FILE);
	if (existsSync(path)) return Buffer.from(readFileSync(path, "utf8").trim(), "base64url");
	const key = randomBytes(32);
	mkdirSync(resolve(config.dataDir), { recursive: true });
	writeFileSync(path, `${key.toString("base64url")}\n`, { mode: 0o600 });
	return key;
}

export function signInFromConfig(config: Config, devKey: DevKey | undefined): SignInMethod {
	const oidc = config.web.oidc;
	if (oidc && config.web.publicUrl) {
		return {
			kind: "oidc",
			client: createOidcSignIn({
				...oidc,
				redirectUri: new URL("/auth/callback", config.web.publicUrl).href,
				allowHttp: new URL(oidc.issuer).protocol === "http:",
			}),
		};
	}
	if (devKey) {
		return {
			kind: "development",
			privateJwk: devKey.privateJwk,
			issuer: config.auth.issuer,
			audience: config.auth.audience,
		};
	}
	return { kind: "none" };
}

/** Node: the web front's options from the configuration. */
export function webFromConfig(config: Config, devKey: DevKey | undefined): WebOptions {
	return {
		session: { key: sessionKey(config), ttlSeconds: Math.round(config.web.sessionHours * 3600) },
		signIn: signInFromConfig(config, devKey),
		trustedOrigins: config.web.publicUrl ? [new URL(config.web.publicUrl).origin] : [],
	};
}

import type { AssetManifest } from "../assets/manifest.js";
import type { AppEnv } from "../http/env.js";
import type { CookieJar } from "./session/cookie.js";
import type { SessionCache } from "./session/session-cache.js";
import type { SignInMethod } from "./session/sign-in-method.js";

/** What the pages need beside the API's dependencies. */
export interface WebOptions {
	session: CookieJar;
	signIn: SignInMethod;
	/** Origins besides the request's own that may post forms (the public URL behind a proxy). */
	trustedOrigins?: string[];
}

export type WebEnv = {
	Variables: AppEnv["Variables"] & { web: MountedWeb; signedIn: boolean };
};

/** The options as the pages see them, with the built assets' names and the checked sessions. */
export type MountedWeb = WebOptions & {
	manifest: AssetManifest;
	sessions: SessionCache;
} & WebLimits;

/** Limits the app sets for its pages as for the API. */
export interface WebLimits {
	/** The largest register file the upload page takes (the API's IMPORT_MAX_BYTES). */
	importMaxBytes: number;
}

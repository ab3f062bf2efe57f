/**
 * Static files the pages use (the API reference's script, later the web front's CSS and JS),
 * built by `src/cli/build-assets.ts` into `dist/public/assets/` with content-hashed names, so they
 * can be cached for a year. Works offline: nothing is loaded from a CDN.
 */

/** Logical name (e.g. `scalar.js`) → URL path (e.g. `/assets/scalar.3f2a….js`). */
export type AssetManifest = Record<string, string>;

export interface StaticAssets {
	manifest: AssetManifest;
	/**
	 * Answers a request for a built file (Node). On Workers the `[assets]` binding serves them
	 * before the app is reached, so this is absent there.
	 */
	read?: (urlPath: string) => Promise<Response | undefined>;
}

export const ASSET_PREFIX = "/assets/";
export const IMMUTABLE_CACHE = "public, max-age=31536000, immutable";

const CONTENT_TYPES: Record<string, string> = {
	js: "text/javascript; charset=utf-8",
	css: "text/css; charset=utf-8",
	svg: "image/svg+xml",
	woff2: "font/woff2",
	png: "image/png",
	ico: "image/x-icon",
	json: "application/json",
};

export function contentTypeOf(path: string): string {
	return CONTENT_TYPES[path.slice(path.lastIndexOf(".") + 1)] ?? "application/octet-stream";
}

/** The URL of a built asset; a missing name is a build fault, so it fails loudly. */
export function assetUrl(manifest: AssetManifest, name: string): string {
	const url = manifest[name];
	if (!url) throw new Error(`asset ${name} is not built (run npm install)`);
	return url;
}

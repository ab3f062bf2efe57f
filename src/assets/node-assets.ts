import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import {
	ASSET_PREFIX,
	type AssetManifest,
	contentTypeOf,
	IMMUTABLE_CACHE,
	type StaticAssets,
} from "./manifest.js";

/** Where the build writes the public files (served at `/`; the Workers `[assets]` directory). */
export const PUBLIC_DIR = fileURLToPath(new URL("../../dist/public", import.meta.url));

export class AssetsMissingError extends Error {}

/**
 * The built assets, read from disk. Only files the manifest names are served, so a request path
 * can never reach outside the build folder.
 */
export async function loadNodeAssets(dir = PUBLIC_DIR): Promise<StaticAssets> {
	let manifest: AssetManifest;
	try {
		manifest = JSON.parse(await readFile(join(dir, "assets", "manifest.json"), "utf8"));
	} catch {
		throw new AssetsMissingError(
			`the built assets are missing from ${dir}: run npm install (it builds them)`,
		);
	}
	const served = new Set(Object.values(manifest));
	return {
		manifest,
		read: async (urlPath) => {
			if (!urlPath.startsWith(ASSET_PREFIX) || !served.has(urlPath)) return undefined;
			const body = await readFile(join(dir, urlPath));
			return new Response(body, {
				headers: { "content-type": contentTypeOf(urlPath), "cache-control": IMMUTABLE_CACHE },
			});
		},
	};
}

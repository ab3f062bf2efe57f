import { createHash } from "node:crypto";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { IMMUTABLE_CACHE } from "../assets/manifest.js";
import { PUBLIC_DIR } from "../assets/node-assets.js";
import { compileWebAssets } from "../web/compile-assets.js";

/**
 * Builds `dist/public/`: every static file the pages use, named by a hash of its content, with
 * `assets/manifest.json` (logical name → URL) and a `_headers` file for Workers' static assets.
 * Runs on `npm install` (postinstall), so the two README commands need nothing else.
 */
const require = createRequire(import.meta.url);
const scalarDist = dirname(require.resolve("@scalar/api-reference"));

const SOURCES: { name: string; from: string }[] = [
	{ name: "scalar.js", from: join(scalarDist, "browser", "standalone.js") },
	{ name: "docs.js", from: fileURLToPath(new URL("../docs/init.js", import.meta.url)) },
];

function hashedName(name: string, content: Buffer): string {
	const hash = createHash("sha256").update(content).digest("hex").slice(0, 12);
	const dot = name.lastIndexOf(".");
	return `${name.slice(0, dot)}.${hash}${name.slice(dot)}`;
}

export async function buildAssets(outDir = PUBLIC_DIR): Promise<Record<string, string>> {
	const assetsDir = join(outDir, "assets");
	await rm(outDir, { recursive: true, force: true });
	await mkdir(assetsDir, { recursive: true });
	const manifest: Record<string, string> = {};
	const copied = await Promise.all(
		SOURCES.map(async (s) => ({ name: s.name, content: await readFile(s.from) })),
	);
	for (const source of [...copied, ...(await compileWebAssets())]) {
		const content = source.content;
		const file = hashedName(source.name, content);
		await writeFile(join(assetsDir, file), content);
		manifest[source.name] = `/assets/${file}`;
	}
	await writeFile(join(assetsDir, "manifest.json"), `${JSON.stringify(manifest, null, "\t")}\n`);
	await writeFile(join(outDir, "_headers"), `/assets/*\n  Cache-Control: ${IMMUTABLE_CACHE}\n`);
	return manifest;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
	const manifest = await buildAssets();
	console.log(`Built ${Object.keys(manifest).length} assets into ${PUBLIC_DIR}`);
}

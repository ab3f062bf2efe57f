import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { compile, NodePackageImporter } from "sass";

const here = dirname(fileURLToPath(import.meta.url));

/**
 * The web front's two files: govuk-frontend's Sass with the service's own brand, compressed, and
 * the progressive-enhancement script (a few govuk-frontend components and the round's progress)
 * bundled and minified. src/cli/build-assets.ts names them by hash beside the other assets.
 */
export async function compileWebAssets(): Promise<{ name: string; content: Buffer }[]> {
	const css = compile(join(here, "styles/app.scss"), {
		style: "compressed",
		importers: [new NodePackageImporter()],
		quietDeps: true,
	}).css;
	const js = await build({
		entryPoints: [join(here, "client/app.ts")],
		bundle: true,
		minify: true,
		format: "esm",
		target: "es2020",
		write: false,
		legalComments: "none",
	});
	return [
		{ name: "app.css", content: Buffer.from(css) },
		{ name: "app.js", content: Buffer.from(js.outputFiles[0]?.contents ?? new Uint8Array()) },
	];
}

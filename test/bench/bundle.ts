import { readFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build, type Plugin } from "esbuild";

/**
 * The bench's worker as one plain JavaScript file, so its processes run on bare node rather
 * than through tsx, whose loader thread holds about 35 MB of its own in every process and
 * would count in each measurement's peak RSS. Packages stay external (resolved from
 * node_modules beside the cache), and every module keeps its own `import.meta.url`, so data
 * files found relative to a module (the seeds) are found as under tsx.
 */
export async function bundleWorker(): Promise<string> {
	const entry = fileURLToPath(new URL("./worker.ts", import.meta.url));
	const outfile = fileURLToPath(
		new URL("../../node_modules/.cache/send-bench/worker.mjs", import.meta.url),
	);
	await build({
		entryPoints: [entry],
		outfile,
		bundle: true,
		platform: "node",
		format: "esm",
		target: "node20",
		packages: "external",
		logLevel: "warning",
		plugins: [ownImportMetaUrl],
	});
	return outfile;
}

const ownImportMetaUrl: Plugin = {
	name: "own-import-meta-url",
	setup(build) {
		build.onLoad({ filter: /\.ts$/ }, (args) => {
			const source = readFileSync(args.path, "utf8");
			const url = JSON.stringify(pathToFileURL(args.path).href);
			return { contents: source.replaceAll("import.meta.url", url), loader: "ts" };
		});
	},
};

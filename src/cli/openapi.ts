import { mkdir, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { parseArgs } from "node:util";
import { servedOpenApiDocument } from "./served-document.js";

/**
 * Prints the OpenAPI document the app serves at /openapi.json, with no database or server:
 *   npm run -s openapi [-- --out file.json]
 */
async function main(): Promise<void> {
	const { values } = parseArgs({ options: { out: { type: "string" } }, strict: true });
	const text = `${JSON.stringify(await servedOpenApiDocument(), null, "\t")}\n`;
	if (!values.out) {
		// A reader that stops early (`| head`) is not an error.
		process.stdout.on("error", (error: NodeJS.ErrnoException) => {
			if (error.code !== "EPIPE") throw error;
		});
		process.stdout.write(text);
		return;
	}
	await mkdir(dirname(values.out), { recursive: true });
	await writeFile(values.out, text);
}

main().catch((error: unknown) => {
	console.error(`openapi: ${error instanceof Error ? error.message : String(error)}`);
	process.exit(1);
});

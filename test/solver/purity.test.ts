import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const solverDir = join(root, "solver");

function sources(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return sources(path);
		return entry.name.endsWith(".ts") ? [path] : [];
	});
}

/** What solver/ may import: itself, the shared code lists, and the LP engine packages. */
function allowed(file: string, specifier: string): boolean {
	if (specifier === "javascript-lp-solver" || specifier === "highs") return true;
	if (!specifier.startsWith(".")) return false;
	const target = relative(root, resolve(dirname(file), specifier));
	return target.startsWith("solver/") || target === "schema/codes";
}

describe("solver/ stays pure", () => {
	const files = sources(solverDir);

	it("imports nothing but itself, the shared code lists and the LP engines", () => {
		const offending = files.flatMap((file) =>
			[...readFileSync(file, "utf8").matchAll(/\bfrom\s+"([^"]+)"|\bimport\(\s*"([^"]+)"\s*\)/g)]
				.map((m) => (m[1] ?? m[2]) as string)
				.filter((specifier) => !allowed(file, specifier))
				.map((specifier) => `${relative(root, file)}: ${specifier}`),
		);
		expect(files.length).toBeGreaterThan(10);
		expect(offending).toEqual([]);
	});

	it("reads no clock, no unseeded randomness and no process state", () => {
		const offending = files.filter((file) =>
			/\b(Date\.now|new Date\(|Math\.random|performance\.now|process\.)/.test(
				readFileSync(file, "utf8"),
			),
		);
		expect(offending.map((file) => relative(root, file))).toEqual([]);
	});
});

import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL("..", import.meta.url));

export default defineConfig({
	root,
	test: {
		include: ["test/**/*.test.ts"],
		exclude: ["test/bench/**", "node_modules/**"],
		globalSetup: ["test/support/global-setup.ts"],
		// PGlite instances are heavy; a few forks keep memory sane on a 2-core machine.
		pool: "forks",
		maxWorkers: 2,
		testTimeout: 30_000,
		hookTimeout: 120_000,
	},
});

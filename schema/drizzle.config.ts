import { defineConfig } from "drizzle-kit";

export default defineConfig({
	dialect: "postgresql",
	schema: [
		"./schema/reference.ts",
		"./schema/registry.ts",
		"./schema/audit.ts",
		"./schema/panel.ts",
		"./schema/demand.ts",
		"./schema/jobs.ts",
		"./schema/census.ts",
	],
	out: "./schema/migrations",
	casing: "snake_case",
	strict: true,
	verbose: true,
});

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { demoFigures, demoFiguresTable } from "../../src/cli/demo-figures.js";

const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");

// The figures come from an in-memory PGlite whatever TEST_DATABASE_URL says: one run is enough.
describe.skipIf(Boolean(process.env.TEST_DATABASE_URL))("the README's demo figures", () => {
	it("are what `npm run -s demo:figures` prints for the demo npm start loads", async () => {
		const block = readme.match(
			/<!-- demo-figures:start -->\n([\s\S]*?)\n<!-- demo-figures:end -->/,
		);
		expect(block, "the README's demo-figures block").not.toBeNull();
		const figures = await demoFigures(2025, 2000);
		expect(figures.matched.placed + figures.matched.unplaced).toBe(2000);
		expect(block?.[1]).toBe(demoFiguresTable(figures));
	}, 120_000);
});

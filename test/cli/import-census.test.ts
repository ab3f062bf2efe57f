import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { PLACES_HEADER, placeRows, placesOds } from "../fixtures/import/high-needs-places.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), "import-census-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** `npm run <command> -- …` as a user runs it, on an embedded database of its own. */
function run(cli: string, ...args: string[]) {
	const r = spawnSync(process.execPath, ["--import", "tsx", `src/cli/${cli}.ts`, ...args], {
		cwd: root,
		env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "" },
		encoding: "utf8",
		timeout: 180_000,
	});
	return { code: r.status, out: r.stdout, err: r.stderr };
}

describe("npm run import:sen-schools and import:high-needs-places", () => {
	it("check the register against the census and the funded places, with a summary", () => {
		expect(run("import-gias", "test/fixtures/import/edubasealldata20260901.csv").code).toBe(0);
		const census = run(
			"import-sen-schools",
			"test/fixtures/import/sen_school_level_underlying_data_2024.csv",
			"--dry-run",
		);
		expect(census.code).toBe(0);
		expect(census.out).toContain("24 schools, 7 in the register, 17 not");
		expect(census.out).toContain("Dry run, nothing kept — would have: 7 census records created");
		expect(census.out).toContain(
			"URN 990404 (rows[4]): the register publishes a SEN unit (UNIT); the census reports none",
		);
		const ods = join(dataDir, "High_needs_place_numbers_2024_to_2025.ods");
		writeFileSync(ods, placesOds());
		const places = run("import-high-needs-places", ods, "--json");
		expect(places.code).toBe(0);
		expect(JSON.parse(places.out)).toMatchObject({ created: 5, flagged: 3, dryRun: false });
	}, 300_000);

	it("refuses a file with a missing column, and changes nothing", () => {
		const ods = join(dataDir, "broken.ods");
		writeFileSync(ods, placesOds(placeRows(), PLACES_HEADER.slice(0, 8)));
		const r = run("import-high-needs-places", ods);
		expect(r.code).toBe(1);
		expect(r.err).toContain("(@£6k)");
		expect(r.err).toContain("Nothing was changed.");
	}, 240_000);
});

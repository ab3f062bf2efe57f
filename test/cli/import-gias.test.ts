import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { EXTRACT_2026 } from "../fixtures/import/gias-extracts.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), "import-gias-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** `npm run import:gias -- …` as a user runs it, on an embedded database of its own. */
function importGias(...args: string[]) {
	const run = spawnSync(process.execPath, ["--import", "tsx", "src/cli/import-gias.ts", ...args], {
		cwd: root,
		env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "" },
		encoding: "utf8",
		timeout: 180_000,
	});
	return { code: run.status, out: run.stdout, err: run.stderr };
}

describe("npm run import:gias", () => {
	it("loads a national extract into an empty database, with progress and a summary", () => {
		const run = importGias("test/fixtures/import/edubasealldata20250301.csv");
		expect(run.err).toContain("loaded London's reference data (no demo)");
		expect(run.err).toMatch(/reading 0\.0 of 0\.0 MB \(100%\)/);
		expect(run.err).toContain("writing 10 of 10 settings");
		expect(run.out).toContain(
			"edubasealldata20250301.csv (windows-1252, dated 2025-03-01): 31 rows, 14 in London, 17 outside London passed over",
		);
		expect(run.out).toContain(
			"10 settings created, 0 updated, 0 unchanged, 0 closed, 5 flagged; 4 rows skipped",
		);
		expect(run.out).toContain("rows[3].SenUnitCapacity (URN 990403): no capacity published");
		expect(run.code).toBe(0);
	}, 240_000);

	it("refuses a broken file with the row and column, and changes nothing", () => {
		const bad = join(dataDir, "edubasealldata20260901.csv");
		const text = Buffer.from(EXTRACT_2026())
			.toString("latin1")
			.replace("Brockley Park", "=cmd|' /C calc'!A0");
		writeFileSync(bad, Buffer.from(text, "latin1"));
		const run = importGias(bad);
		expect(run.code).toBe(1);
		expect(run.err).toContain(
			'rows[2].EstablishmentName: starts with "=", as a spreadsheet formula does',
		);
		expect(run.err).toContain("Nothing was changed.");
		const missing = importGias(join(dataDir, "nope.csv"));
		expect(missing.code).toBe(1);
		expect(missing.err).toContain("no file");
	}, 240_000);

	it("a dry run of the newer extract lists its changes and keeps none", () => {
		const dry = importGias("test/fixtures/import/edubasealldata20260901.csv", "--dry-run");
		expect(dry.code).toBe(0);
		expect(dry.out).toContain(
			"Dry run, nothing kept — would have: 1 settings created, 4 updated, 5 unchanged, 1 closed",
		);
		expect(dry.out).toContain("990401 provisions.SS.places: 120 → 132");
		expect(dry.out).toContain('990408 closedOn: null → "2026-08-31"');
		const again = importGias(
			"test/fixtures/import/edubasealldata20260901.csv",
			"--dry-run",
			"--json",
		);
		expect(JSON.parse(again.out)).toMatchObject({ created: 1, updated: 4, dryRun: true });
		expect(importGias().err).toContain("usage: npm run import:gias");
	}, 240_000);
});

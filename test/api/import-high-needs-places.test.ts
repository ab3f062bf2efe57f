import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, settingFundedPlaces } from "../../schema/index.js";
import { ApiError } from "../../src/http/problem.js";
import { bytesSource } from "../../src/services/import/encoding.js";
import { importHighNeedsPlaces } from "../../src/services/import-high-needs-places.js";
import { importLinks } from "../../src/services/import-links.js";
import { importSettings } from "../../src/services/import-settings.js";
import { EXTRACT_2026, LINKS_2026 } from "../fixtures/import/gias-extracts.js";
import {
	PLACES_HEADER,
	placeRows,
	placesCsv,
	placesOds,
} from "../fixtures/import/high-needs-places.js";
import { useTestApp } from "../support/app.js";

const t = useTestApp();
const admin = {
	principal: { subject: "test", role: "admin" as const, la: null, urn: null, joint: null },
	requestId: "test-high-needs",
};
const NAME =
	"High_needs_place_numbers_for_the_2024_to_2025_academic_year_September_2025_FINAL_v1.0.ods";
const load = (bytes: Uint8Array, dryRun = false, name = NAME) =>
	importHighNeedsPlaces(t.database.db, admin, { source: bytesSource(bytes), name }, new Date(), {
		dryRun,
		asOf: "2025-09-01",
	});
const funded = async (urn: number) =>
	(
		await t.database.db.select().from(settingFundedPlaces).where(eq(settingFundedPlaces.urn, urn))
	)[0];
const counts = async () => ({
	places: await t.database.db.$count(settingFundedPlaces),
	audit: await t.database.db.$count(auditEvents),
});
async function refusal(bytes: Uint8Array) {
	const error = await load(bytes).catch((e: unknown) => e);
	expect(error).toBeInstanceOf(ApiError);
	return error as ApiError;
}

describe("npm run import:high-needs-places: ESFA's funded places beside the register", () => {
	it("loads the register and the links first", async () => {
		await importSettings(
			t.database.db,
			admin,
			{ kind: "file", source: bytesSource(EXTRACT_2026()), name: "edubasealldata20260901.csv" },
			new Date(),
		);
		await importLinks(t.database.db, admin, { source: bytesSource(LINKS_2026()) }, new Date());
	});

	it("a dry run of the .ods reports and keeps nothing", async () => {
		const before = await counts();
		expect(await load(placesOds(), true)).toMatchObject({ dryRun: true, created: 6 });
		expect(await counts()).toEqual(before);
	});

	it("reads the .ods's place sheet, stores the funded places, flags capacities above them", async () => {
		const result = await load(placesOds());
		expect(result).toMatchObject({
			file: { kind: "workbook", sheet: "High_Needs_Places", rows: 8, academicYear: "2024 to 2025" },
			settings: 6,
			created: 6,
			notInRegister: 2,
			resolved: [
				{
					row: 6,
					from: 990405,
					urn: 990401,
					message: "URN 990405 is now 990401 (GIAS link: Successor)",
				},
			],
		});
		expect(await funded(990402)).toMatchObject({
			academicYear: "2024 to 2025",
			specialPlaces: null,
			unitPlaces6k: 12,
			unitPlaces10k: 4,
			provenance: { source: "esfa-high-needs-places", file: NAME, asOf: "2025-09-01" },
		});
		expect(await funded(990401)).toMatchObject({ specialPlaces: 140 });
		expect(result.flags.map((f) => `${f.urn}: ${f.message}`)).toEqual([
			"990410: the register publishes 90 places (SS), above the 80 pre-16 special places ESFA funds (2024 to 2025)",
			"990414: ESFA funds 4 pre-16 SEN unit/RP places (2024 to 2025); the register publishes no such provision",
			"990417: the register publishes 12 places (RP), above the 8 pre-16 SEN unit/RP places ESFA funds (2024 to 2025)",
		]);
		expect(result.flagged).toBe(3);
		// 990414 special, 990402, 990415 units, 990401 special: within funding.
		expect(result.confirmed).toBe(4);
	});

	it("the same places as CSV are unchanged; a changed number updates that setting", async () => {
		expect(await load(placesCsv(), false, "high_needs_places_2025.csv")).toMatchObject({
			file: { kind: "csv", encoding: "windows-1252" },
			created: 0,
			updated: 0,
			unchanged: 6,
		});
		const rows = placeRows().map((r) =>
			r.URN === "990410" ? { ...r, [PLACES_HEADER[7] as string]: "90" } : r,
		);
		expect(await load(placesOds(rows))).toMatchObject({ updated: 1, unchanged: 5, flagged: 2 });
		expect(await funded(990410)).toMatchObject({ specialPlaces: 90 });
	});

	it("refuses a bad file with the row and column, and changes nothing", async () => {
		const before = await counts();
		const missing = await refusal(placesCsv(placeRows(), PLACES_HEADER.slice(0, 9)));
		expect(missing.message).toContain("(@£10k)");
		const formula = await refusal(placesOds(placeRows(), PLACES_HEADER, 2));
		expect(formula.errors).toEqual([
			expect.objectContaining({
				path: "rows[3].Institution name",
				message: expect.stringContaining("formula"),
			}),
		]);
		const text = await refusal(
			placesCsv(
				placeRows().map((r, i) => (i === 1 ? { ...r, [PLACES_HEADER[8] as string]: "four" } : r)),
			),
		);
		expect(text.errors?.[0]?.path).toBe(`rows[2].${PLACES_HEADER[8]}`);
		const csv = placesCsv();
		const cut = Buffer.from(csv).lastIndexOf('","', csv.length - 30);
		expect((await refusal(csv.subarray(0, cut + 1))).errors?.[0]?.message).toContain("cut short");
		const ods = placesOds();
		expect((await refusal(ods.subarray(0, ods.length - 500))).message).toMatch(/workbook|zip/);
		expect(await counts()).toEqual(before);
	});
});

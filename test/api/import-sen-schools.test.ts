import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, settingCensus } from "../../schema/index.js";
import { ApiError } from "../../src/http/problem.js";
import { bytesSource } from "../../src/services/import/encoding.js";
import { importLinks } from "../../src/services/import-links.js";
import { importSenSchools } from "../../src/services/import-sen-schools.js";
import { importSettings } from "../../src/services/import-settings.js";
import { EXTRACT_2026, LINKS_2026 } from "../fixtures/import/gias-extracts.js";
import { SEN_CENSUS, SEN_HEADER, senRows } from "../fixtures/import/sen-census.js";
import { useTestApp } from "../support/app.js";

const t = useTestApp();
const admin = {
	principal: { subject: "test", role: "admin" as const, la: null, urn: null, joint: null },
	requestId: "test-sen-census",
};
const NAME = "sen_school_level_underlying_data_2024.csv";
const load = (bytes: Uint8Array, dryRun = false, name = NAME) =>
	importSenSchools(t.database.db, admin, { source: bytesSource(bytes), name }, new Date(), {
		dryRun,
		asOf: "2024-01-18",
	});
const census = async (urn: number) =>
	(await t.database.db.select().from(settingCensus).where(eq(settingCensus.urn, urn)))[0];
const counts = async () => ({
	census: await t.database.db.$count(settingCensus),
	audit: await t.database.db.$count(auditEvents),
});
async function refusal(bytes: Uint8Array) {
	const error = await load(bytes).catch((e: unknown) => e);
	expect(error).toBeInstanceOf(ApiError);
	return error as ApiError;
}

describe("npm run import:sen-schools: the school census against the register", () => {
	it("loads the register and the links first", async () => {
		await importSettings(
			t.database.db,
			admin,
			{ kind: "file", source: bytesSource(EXTRACT_2026()), name: "edubasealldata20260901.csv" },
			new Date(),
		);
		expect(
			await importLinks(t.database.db, admin, { source: bytesSource(LINKS_2026()) }, new Date()),
		).toMatchObject({ created: 6 });
	});

	it("a dry run reports everything and keeps nothing", async () => {
		const before = await counts();
		const dry = await load(SEN_CENSUS(), true);
		expect(dry).toMatchObject({ dryRun: true, created: 8, updated: 0, unchanged: 0 });
		expect(await counts()).toEqual(before);
	});

	it("gives each setting its EHC plans by need, confirms or flags designations, and reports units on one side only", async () => {
		const result = await load(SEN_CENSUS());
		expect(result).toMatchObject({
			file: { name: NAME, encoding: "windows-1252", rows: senRows().length, asOf: "2024-01-18" },
			settings: 8,
			created: 8,
			updated: 0,
			unchanged: 0,
			dryRun: false,
		});
		// 24 rows: 8 in the register (one through its successor), one passed over, the rest not stored.
		expect(result.notInRegister).toBe(24 - 8 - 1);
		expect(result.resolved).toEqual([
			{
				row: 8,
				from: 100001,
				urn: 990402,
				message: "URN 100001 is now 990402 via 100002 (GIAS link: Successor)",
			},
		]);
		expect(result.passedOver).toEqual([
			expect.objectContaining({
				row: 9,
				urn: 990405,
				reason: expect.stringContaining("has its own row"),
			}),
		]);
		const st = await census(990401);
		expect(st).toMatchObject({
			period: "2023/24",
			totalPupils: 104,
			senSupport: 0,
			ehcPlans: 100,
			senUnit: false,
			resourcedProvision: false,
			designations: ["SLD", "SLCN", "ASD"],
			provenance: { source: "sen-census", file: NAME, asOf: "2024-01-18" },
		});
		expect(st?.ehcByNeed).toMatchObject({ ASD: 61, SLCN: 22, SLD: 14, PMLD: 3, MLD: 0, NSA: 0 });
		// The counts by need add up to the file's EHC plan total.
		const sum = Object.entries(st?.ehcByNeed ?? {}).reduce((a, [, v]) => a + (v ?? 0), 0);
		expect(sum).toBe(st?.ehcPlans);
		expect(st?.findings).toEqual([
			{
				kind: "designations",
				code: "SS",
				status: "confirmed",
				message: "ASD, SLCN, SLD confirmed by the census",
			},
		]);
		// Suppressed cells are not known, never 0.
		const hackney = await census(990417);
		expect(hackney).toMatchObject({
			totalPupils: null,
			senSupport: null,
			ehcPlans: null,
			resourcedProvision: true,
		});
		expect(hackney?.ehcByNeed).toMatchObject({ ASD: null, SLCN: null, SEMH: 3 });
		// The old URN's row became Brockley Park's.
		expect(await census(990402)).toMatchObject({ ehcByNeed: expect.objectContaining({ SLCN: 5 }) });
		expect(await census(100001)).toBeUndefined();

		const flagged = result.flags.map((f) => `${f.urn} ${f.kind} ${f.code ?? ""}: ${f.message}`);
		expect(flagged).toEqual([
			"990415 sen_unit : the census reports a SEN unit; the register publishes none",
			"990403 designations RP: SEMH designated in the register, not among the census's provision types (ASD)",
			"990403 designations UNIT: SEMH designated in the register, not among the census's provision types (ASD)",
			"990404 sen_unit : the register publishes a SEN unit (UNIT); the census reports none",
		]);
		expect(result.flagged).toBe(3);
		const audit = await t.database.db
			.select()
			.from(auditEvents)
			.where(eq(auditEvents.action, "setting_census.import"));
		expect(audit).toHaveLength(1);
	});

	it("a re-import of the same file changes nothing; a changed count updates that setting only", async () => {
		expect(await load(SEN_CENSUS())).toMatchObject({ created: 0, updated: 0, unchanged: 8 });
		const rows = senRows().map((r) =>
			r.URN === "990401" ? { ...r, EHC_Primary_need_asd: "62" } : r,
		);
		expect(await load(SEN_CENSUS(rows))).toMatchObject({ created: 0, updated: 1, unchanged: 7 });
		expect((await census(990401))?.ehcByNeed.ASD).toBe(62);
	});

	it("refuses a bad file with the row and column, and changes nothing", async () => {
		const before = await counts();
		const missing = await refusal(
			SEN_CENSUS(
				senRows(),
				SEN_HEADER.filter((h) => h !== "prov_oth"),
			),
		);
		expect(missing.message).toContain("prov_oth");
		expect(missing.errors).toEqual([
			{ path: "header.prov_oth", message: "required column missing" },
		]);

		const bytes = SEN_CENSUS();
		// Cut after a closing quote, mid-row: the last row has fewer fields than the header.
		const cut = Buffer.from(bytes).lastIndexOf('","', bytes.length - 200);
		const truncated = await refusal(bytes.subarray(0, cut + 1));
		expect(truncated.errors?.[0]?.path).toBe("rows[24]");
		expect(truncated.errors?.[0]?.message).toContain("cut short");

		const edited = senRows().map((r, i) =>
			i === 2
				? { ...r, Schname: '=HYPERLINK("http://x.example","Norbury")' }
				: i === 4
					? { ...r, EHC_Primary_need_asd: "12a" }
					: r,
		);
		const bad = await refusal(SEN_CENSUS(edited));
		expect(bad.errors).toEqual([
			expect.objectContaining({
				path: "rows[3].Schname",
				message: expect.stringContaining("formula"),
			}),
			expect.objectContaining({
				path: "rows[5].EHC_Primary_need_asd",
				message: expect.stringContaining('not "12a"'),
			}),
		]);

		const nul = await refusal(
			SEN_CENSUS(senRows().map((r, i) => (i === 1 ? { ...r, Schname: "Ham\u0000" } : r))),
		);
		expect(nul.errors?.[0]?.path).toBe("rows[2].Schname");

		const utf16 = await refusal(Uint8Array.from([0xff, 0xfe, 0x55, 0x00, 0x52, 0x00]));
		expect(utf16.message).toContain("UTF-16");

		const twice = await refusal(SEN_CENSUS([...senRows(), senRows()[0] as Record<string, string>]));
		expect(twice.errors).toEqual([
			expect.objectContaining({
				path: "rows[25].URN",
				message: "URN 990401 already appears in rows[1]",
			}),
		]);
		expect(await counts()).toEqual(before);
	});
});

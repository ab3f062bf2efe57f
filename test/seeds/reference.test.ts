import { describe, expect, it } from "vitest";
import { NEED_CODES, PLAN_LEVELS, PROVISION_LEVELS } from "../../schema/codes.js";
import { readSeedData } from "../../seeds/read.js";

const data = readSeedData();
const LA_CODES = [
	...Array.from({ length: 13 }, (_, i) => String(201 + i)),
	...Array.from({ length: 20 }, (_, i) => String(301 + i)),
];
const codeOf = (name: string) => data.boroughs.find((b) => b.name === name)?.code;
const codesOf = (names: string[]) => names.map(codeOf).sort();
const partnership = (id: string) => data.partnerships.find((p) => p.id === id);

describe("boroughs", () => {
	it("are the 33 London LAs with DfE codes 201–213, 301–320 and GSS codes E09000001–33", () => {
		expect(data.boroughs.map((b) => b.code).sort()).toEqual(LA_CODES);
		const gss = Array.from({ length: 33 }, (_, i) => `E090000${String(i + 1).padStart(2, "0")}`);
		expect(data.boroughs.map((b) => b.gss).sort()).toEqual(gss);
	});

	it("pair DfE and GSS codes as the DfE files do", () => {
		const pair = (code: string) => data.boroughs.find((b) => b.code === code);
		expect(pair("201")).toMatchObject({ gss: "E09000001", name: "City of London", inner: true });
		expect(pair("301")).toMatchObject({
			gss: "E09000002",
			name: "Barking and Dagenham",
			inner: false,
		});
		expect(pair("213")).toMatchObject({ gss: "E09000033", name: "Westminster" });
		expect(pair("314")).toMatchObject({ gss: "E09000021", name: "Kingston upon Thames" });
	});

	it("are inner exactly for the 2xx codes, have a London centroid and postcode districts", () => {
		for (const b of data.boroughs) {
			expect(b.inner).toBe(b.code.startsWith("2"));
			expect(b.centroid.lat).toBeGreaterThan(51.28);
			expect(b.centroid.lat).toBeLessThan(51.7);
			expect(b.centroid.lon).toBeGreaterThan(-0.52);
			expect(b.centroid.lon).toBeLessThan(0.34);
			expect(b.postcodeDistricts.length).toBeGreaterThan(0);
		}
		expect(data.boroughs.find((b) => b.code === "314")?.postcodeDistricts).toContain("KT1");
	});

	it("list each London postcode district once, in a valid borough", () => {
		const districts = data.postcodeDistricts.map((d) => d.district);
		expect(new Set(districts).size).toBe(districts.length);
		for (const d of data.postcodeDistricts) expect(LA_CODES).toContain(d.borough);
		expect(data.postcodeDistricts.find((d) => d.district === "CR0")?.borough).toBe("306");
	});
});

describe("partnerships", () => {
	it("have members that are valid LA codes, each once", () => {
		for (const p of data.partnerships) {
			expect(new Set(p.members).size).toBe(p.members.length);
			for (const m of p.members) expect(LA_CODES).toContain(m);
			expect(["aldcs-subregion", "ics", "commissioning-programme"]).toContain(p.kind);
		}
	});

	it("include the five ICS footprints of DOMAIN.md, which partition London", () => {
		const ics = data.partnerships.filter((p) => p.kind === "ics");
		expect(ics.map((p) => p.id).sort()).toEqual([
			"ics-north-central",
			"ics-north-east",
			"ics-north-west",
			"ics-south-east",
			"ics-south-west",
		]);
		expect(ics.flatMap((p) => p.members).sort()).toEqual(LA_CODES);
		expect(partnership("ics-north-central")?.members).toEqual(
			codesOf(["Barnet", "Camden", "Enfield", "Haringey", "Islington"]),
		);
		expect(partnership("ics-south-west")?.members).toEqual(
			codesOf([
				"Croydon",
				"Kingston upon Thames",
				"Merton",
				"Richmond upon Thames",
				"Sutton",
				"Wandsworth",
			]),
		);
	});

	it("seed the ALDCS sub-regions from the ICS footprints, flagged as an assumption", () => {
		const members = (id: string) => partnership(id)?.members ?? [];
		expect(members("aldcs-north")).toEqual(members("ics-north-central"));
		expect(members("aldcs-east")).toEqual(members("ics-north-east"));
		expect(members("aldcs-west")).toEqual(members("ics-north-west"));
		expect(members("aldcs-south")).toEqual(
			[...members("ics-south-east"), ...members("ics-south-west")].sort(),
		);
		for (const id of ["aldcs-north", "aldcs-east", "aldcs-west", "aldcs-south"]) {
			expect(partnership(id)?.kind).toBe("aldcs-subregion");
			expect(partnership(id)?.note).toMatch(/assumption/i);
		}
	});

	it("include the West London Alliance and the South London Commissioning Programme", () => {
		expect(partnership("west-london-alliance")?.members).toEqual(
			codesOf(["Barnet", "Brent", "Ealing", "Harrow", "Hillingdon", "Hounslow"]),
		);
		const slcp = partnership("south-london-commissioning-programme");
		expect(slcp?.kind).toBe("commissioning-programme");
		expect(slcp?.members).toHaveLength(10);
		expect(slcp?.members).toContain("306");
	});
});

describe("need types, levels and costs", () => {
	it("are the twelve SEN2 need codes in DOMAIN.md order, with GIAS labels and DfE columns", () => {
		expect(data.needTypes.map((n) => n.code)).toEqual([...NEED_CODES]);
		expect(data.needTypes.find((n) => n.code === "ASD")).toMatchObject({
			giasLabel: "ASD - Autistic Spectrum Disorder",
			dfeColumn: "number_asd",
		});
		expect(data.needTypes.find((n) => n.code === "SPLD")?.giasLabel).toBe(
			"SpLD - Specific Learning Difficulty",
		);
		expect(new Set(data.needTypes.map((n) => n.giasLabel)).size).toBe(12);
	});

	it("have every provision level, each meeting its own plan level", () => {
		expect(data.levels.map((l) => l.code).sort()).toEqual([...PROVISION_LEVELS].sort());
		expect(data.planLevels.map((p) => p.code)).toEqual([...PLAN_LEVELS]);
		for (const l of data.levels) {
			expect(data.planLevels.find((p) => p.code === l.planLevel)?.satisfiedBy).toContain(l.code);
			expect(Object.keys(l.sen2Codes).length).toBeGreaterThan(0);
		}
		const level = (code: string) => data.levels.find((l) => l.code === code);
		expect(level("resourced_provision")?.sen2Codes).toEqual({
			la_maintained: "E_USMM",
			academy: "E_RAC",
			free_school: "E_RFS",
		});
		expect(level("esta")?.sen2Codes).toEqual(level("resourced_provision")?.sen2Codes);
		expect(level("special_la_maintained")?.defaultPlaceFunding).toBe(10000);
		expect(level("sen_unit")?.defaultPlaceFunding).toBe(6000);
	});

	it("give every cost default a source or an assumption", () => {
		for (const [key, v] of Object.entries(data.costDefaults)) {
			expect(v.source ?? v.assumption, key).toBeTruthy();
		}
		expect(data.costDefaults.transportPerMile.value).toBe(990);
		expect(data.costDefaults.unplacedPenalty.value).toBe(1_000_000);
		expect(data.costDefaults.independentFees.value.typical).toBe(52000);
		expect(data.costDefaults.journeyLimits.value).toEqual({
			primaryMinutes: 45,
			secondaryMinutes: 75,
			primaryMaxAge: 10,
		});
	});
});

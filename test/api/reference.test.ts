import { describe, expect, it } from "vitest";
import { useTestApp } from "../support/app.js";

const t = useTestApp();

describe("GET /boroughs", () => {
	it("lists the 33 London authorities with DfE and GSS codes", async () => {
		const res = await t.get("/boroughs");
		expect(res.status).toBe(200);
		const { items } = (await res.json()) as {
			items: {
				code: string;
				gssCode: string;
				name: string;
				inner: boolean;
				partnerships: string[];
			}[];
		};
		expect(items).toHaveLength(33);
		const codes = items.map((b) => b.code);
		const expected = [
			...Array.from({ length: 13 }, (_, i) => String(201 + i)),
			...Array.from({ length: 20 }, (_, i) => String(301 + i)),
		];
		expect(codes).toEqual(expected);
		expect(new Set(items.map((b) => b.gssCode)).size).toBe(33);
		for (const b of items) expect(b.gssCode).toMatch(/^E09000(0[0-2]\d|03[0-3])$/);
		const city = items.find((b) => b.code === "201");
		expect(city).toMatchObject({ gssCode: "E09000001", name: "City of London", inner: true });
		const kingston = items.find((b) => b.code === "314");
		expect(kingston).toMatchObject({
			gssCode: "E09000021",
			name: "Kingston upon Thames",
			inner: false,
		});
		expect(kingston?.partnerships).toContain("south-london-commissioning-programme");
	});
});

describe("GET /partnerships", () => {
	it("holds the ALDCS sub-regions, the ICS footprints and the commissioning programmes", async () => {
		const res = await t.get("/partnerships");
		expect(res.status).toBe(200);
		const { items } = (await res.json()) as {
			items: { id: string; kind: string; members: string[]; note: string | null }[];
		};
		const byKind = (kind: string) => items.filter((p) => p.kind === kind);
		expect(byKind("aldcs-subregion")).toHaveLength(4);
		expect(byKind("ics")).toHaveLength(5);
		// Every borough sits in exactly one ALDCS sub-region and one ICS footprint.
		for (const kind of ["aldcs-subregion", "ics"]) {
			const members = byKind(kind).flatMap((p) => p.members);
			expect(members).toHaveLength(33);
			expect(new Set(members).size).toBe(33);
		}
		const wla = items.find((p) => p.id === "west-london-alliance");
		expect(wla?.members).toEqual(["302", "304", "307", "310", "312", "313"]);
		const south = items.find((p) => p.id === "aldcs-south");
		expect(south?.note).toMatch(/assumption/i);
	});
});

describe("GET /need-types", () => {
	it("lists the twelve SEN2 need types in the DfE order with GIAS labels", async () => {
		const res = await t.get("/need-types");
		const { items } = (await res.json()) as { items: { code: string; giasLabel: string }[] };
		expect(items.map((n) => n.code)).toEqual([
			"SPLD",
			"MLD",
			"SLD",
			"PMLD",
			"SEMH",
			"SLCN",
			"HI",
			"VI",
			"MSI",
			"PD",
			"ASD",
			"OTH",
		]);
		expect(items.find((n) => n.code === "ASD")?.giasLabel).toBe("ASD - Autistic Spectrum Disorder");
	});
});

describe("GET /levels", () => {
	it("maps each plan level to the provision levels that meet it, with SEN2 codes", async () => {
		const res = await t.get("/levels");
		const { items } = (await res.json()) as {
			items: {
				code: string;
				provisionLevels: { code: string; sen2Codes: Record<string, string> }[];
			}[];
		};
		const special = items.find((l) => l.code === "special_school");
		expect(special?.provisionLevels.map((p) => p.code).sort()).toEqual([
			"special_academy",
			"special_independent",
			"special_la_maintained",
			"special_non_maintained",
		]);
		const independent = special?.provisionLevels.find((p) => p.code === "special_independent");
		expect(Object.values(independent?.sen2Codes ?? {})).toContain("E_INSS");
	});
});

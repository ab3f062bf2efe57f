import { describe, expect, it } from "vitest";
import { NEED_CODES, PROVISION_LEVELS } from "../../schema/codes.js";
import { readSeedData } from "../../seeds/read.js";
import { TYPICAL_UNIT_SIZE } from "../../seeds/scenario/units.js";
import { buildLondonScenario } from "../../seeds/scenario.js";

const data = readSeedData();
const scenario = buildLondonScenario(data, { seed: 2025 });
const settingOf = new Map(scenario.settings.map((s) => [s.urn, s]));
const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);

describe("the London demo scenario", () => {
	it("is deterministic from its seed", () => {
		expect(buildLondonScenario(data, { seed: 2025 })).toEqual(scenario);
		expect(buildLondonScenario(data, { seed: 7 })).not.toEqual(scenario);
	});

	it("has every special setting of the 2025 GIAS list, by real URN", () => {
		const special = data.establishments.filter((e) => e.kind.startsWith("special"));
		expect(special.length).toBe(271);
		for (const e of special) expect(settingOf.get(e.urn)?.name).toBe(e.name);
		const kingston = scenario.settings.filter(
			(s) => s.laCode === "314" && s.kind.startsWith("special"),
		);
		expect(kingston.map((s) => s.urn).sort()).toEqual([142687, 142698, 142740, 149754]);
		expect(new Set(scenario.settings.map((s) => s.urn)).size).toBe(scenario.settings.length);
	});

	it("has valid provisions", () => {
		const keys = new Set<string>();
		for (const p of scenario.provisions) {
			expect(settingOf.has(p.settingUrn)).toBe(true);
			expect(PROVISION_LEVELS).toContain(p.level);
			expect(p.needTypes.length).toBeGreaterThan(0);
			expect(new Set(p.needTypes).size).toBe(p.needTypes.length);
			for (const n of p.needTypes) expect(NEED_CODES).toContain(n);
			expect(p.places).toBeGreaterThanOrEqual(0);
			expect(p.ageMin).toBeGreaterThanOrEqual(0);
			expect(p.ageMax).toBeLessThanOrEqual(25);
			expect(p.ageMin).toBeLessThanOrEqual(p.ageMax);
			expect(p.code).toMatch(/^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/);
			expect(p.sen2Code).toMatch(/^E_[A-Z]+$/);
			const key = `${p.settingUrn}/${p.code}`;
			expect(keys.has(key)).toBe(false);
			keys.add(key);
			const { placeFunding, topUp, fee } = p.annualCost;
			expect(Math.min(placeFunding, topUp, fee)).toBeGreaterThanOrEqual(0);
			if (p.level === "special_independent") expect(fee).toBeGreaterThan(30000);
			else expect(placeFunding + topUp).toBeGreaterThan(6000);
		}
	});

	it("puts resourced provisions and units where the DfE counts imply, ESTAs only in 314 and 318", () => {
		for (const d of data.demand.filter((x) => !x.caveat)) {
			const count = (unit: string) =>
				sum(
					["la_maintained", "academy", "free_school"].map(
						(g) => d.byPlacement[`mainstream_${g}_${unit}`] ?? 0,
					),
				);
			const here = (level: string) =>
				scenario.provisions.filter(
					(p) => p.level === level && settingOf.get(p.settingUrn)?.laCode === d.laCode,
				).length;
			expect(here("resourced_provision")).toBe(
				Math.ceil(count("resourced_provision") / TYPICAL_UNIT_SIZE),
			);
			expect(here("sen_unit")).toBe(Math.ceil(count("sen_unit") / TYPICAL_UNIT_SIZE));
		}
		const estaBoroughs = new Set(
			scenario.provisions
				.filter((p) => p.level === "esta")
				.map((p) => settingOf.get(p.settingUrn)?.laCode),
		);
		expect([...estaBoroughs].sort()).toEqual(["314", "318"]);
	});

	it("has special-school places in the order of the DfE special-school counts (~27k)", () => {
		const special = [
			"special_la_maintained",
			"special_academy",
			"special_non_maintained",
			"special_independent",
		];
		const places = sum(
			scenario.provisions.filter((p) => special.includes(p.level)).map((p) => p.places),
		);
		expect(places).toBeGreaterThan(27324 * 0.75);
		expect(places).toBeLessThan(27324 * 1.25);
	});

	it("has one vacancy record per provision, never more than its places", () => {
		expect(scenario.vacancies).toHaveLength(scenario.provisions.length);
		const provisions = new Map(scenario.provisions.map((p) => [`${p.settingUrn}/${p.code}`, p]));
		for (const v of scenario.vacancies) {
			const p = provisions.get(`${v.settingUrn}/${v.provisionCode}`);
			expect(p).toBeDefined();
			expect(v.count).toBeGreaterThanOrEqual(0);
			expect(v.count).toBeLessThanOrEqual(p?.places ?? 0);
			if (v.availableFrom) expect(v.availableFrom).toMatch(/^\d{4}-\d{2}-\d{2}$/);
		}
		const free = scenario.vacancies.filter((v) => v.count > 0).length;
		expect(free).toBeGreaterThan(scenario.vacancies.length / 3);
	});
});

describe("synthetic flags", () => {
	const fieldsOf = (o: object) => new Set([...Object.keys(o), "topUp", "fee", "placeFunding"]);

	it("name real fields of the record", () => {
		for (const r of [...scenario.settings, ...scenario.provisions, ...scenario.vacancies]) {
			const fields = fieldsOf(r);
			for (const f of r.synthetic) expect(fields.has(f), f).toBe(true);
		}
	});

	it("flag every invented value", () => {
		for (const s of scenario.settings) {
			const e = data.establishments.find((x) => x.urn === s.urn);
			if (!e?.edubase2015)
				expect(s.synthetic).toEqual(expect.arrayContaining(["ageMin", "ageMax"]));
			if (s.kind === "special_independent") expect(s.synthetic).toContain("status");
			if (s.locationSource === "borough-centroid") expect(s.synthetic).toContain("lat");
		}
		for (const p of scenario.provisions) {
			const e = data.establishments.find((x) => x.urn === p.settingUrn);
			if (!e?.kind.startsWith("special")) {
				expect(p.synthetic).toEqual(
					expect.arrayContaining(["code", "level", "needTypes", "places"]),
				);
			} else {
				if (!e.edubase2015?.needTypes.length) expect(p.synthetic).toContain("needTypes");
				if (!e.pupilCount) expect(p.synthetic).toContain("places");
				expect(p.places).toBeGreaterThan(0);
			}
			expect(p.synthetic).toContain(p.level === "special_independent" ? "fee" : "topUp");
		}
		for (const v of scenario.vacancies) {
			expect(v.synthetic).toContain("count");
			if (v.availableFrom) expect(v.synthetic).toContain("availableFrom");
		}
	});
});

// Derives the committed reference data in seeds/data/ from the raw public files.
// Usage: npm run seeds:derive [-- <raw dir>]   (default ../shared/data/raw, from the project root)
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { deriveBoroughs, readDistrictTable } from "./derive/boroughs.js";
import { deriveDemand } from "./derive/demand.js";
import { deriveEstablishments, readEdubase2015 } from "./derive/establishments.js";
import { readBoroughShapes } from "./derive/geo.js";
import { deriveOutlines } from "./derive/outlines.js";
import { parseCsvRecords } from "./lib/csv.js";
import { jsonLines, jsonPretty } from "./lib/json.js";
import { SEED_DATA_DIR } from "./read.js";
import { COST_DEFAULTS } from "./reference/cost-defaults.js";
import { PLAN_LEVELS, PROVISION_LEVELS } from "./reference/levels.js";
import { NEED_TYPES } from "./reference/need-types.js";
import { PARTNERSHIPS } from "./reference/partnerships.js";
import type { Borough, Partnership } from "./types.js";

export const DEFAULT_RAW_DIR = "../shared/data/raw";

/** The raw public files the derivation reads (see seeds/README.md for each one's source). */
export const REQUIRED_RAW_FILES = [
	"dfe_ehcp_2025_london_caseload.csv",
	"dfe_ehcp_2025_london_sen_needs_all_plans.csv",
	"gias_london_establishments_2025.csv",
	"uk_postcode_district_centroids.csv",
	"london_borough_centroids_derived.csv",
	"london_boroughs.json",
	"edubase_2015_7_las.csv",
];

function resolvePartnerships(boroughs: Borough[]): Partnership[] {
	const byName = new Map(boroughs.map((b) => [b.name, b.code]));
	return PARTNERSHIPS.map((p) => ({
		...p,
		members: p.members
			.map((name) => {
				const code = byName.get(name);
				if (!code) throw new Error(`partnership ${p.id}: unknown borough ${name}`);
				return code;
			})
			.sort(),
	}));
}

export function derive(rawDir: string, outDir: string): Record<string, number> {
	const read = (name: string) => readFileSync(join(rawDir, name), "utf8");
	const csv = (name: string) => parseCsvRecords(read(name));
	const caseload = csv("dfe_ehcp_2025_london_caseload.csv");
	const needs = csv("dfe_ehcp_2025_london_sen_needs_all_plans.csv");
	const gias = csv("gias_london_establishments_2025.csv");
	const districts = readDistrictTable(csv("uk_postcode_district_centroids.csv"));
	const shapes = readBoroughShapes(read("london_boroughs.json"));
	const { boroughs, postcodeDistricts } = deriveBoroughs({
		caseload,
		centroids: csv("london_borough_centroids_derived.csv"),
		shapes,
		districts,
		gias,
	});
	const establishments = deriveEstablishments({
		gias,
		boroughs,
		districts,
		edubase: readEdubase2015(csv("edubase_2015_7_las.csv")),
	});
	// A setting whose outcode centroid falls outside every borough polygon keeps that centroid
	// as its location, but the outcode is not listed as a London district.
	const files: Record<string, string> = {
		"boroughs.json": jsonLines(boroughs),
		"postcode-districts.json": jsonLines(postcodeDistricts),
		"partnerships.json": jsonLines(resolvePartnerships(boroughs)),
		"need-types.json": jsonLines(NEED_TYPES),
		"levels.json": jsonLines(PROVISION_LEVELS),
		"plan-levels.json": jsonLines(PLAN_LEVELS),
		"cost-defaults.json": jsonPretty(COST_DEFAULTS),
		"establishments.json": jsonLines(establishments),
		"demand.json": jsonLines(deriveDemand(caseload, needs)),
		"borough-outlines.json": jsonPretty(
			deriveOutlines(shapes, new Map(boroughs.map((b) => [b.gss, b.code]))),
		),
	};
	mkdirSync(outDir, { recursive: true });
	for (const [name, text] of Object.entries(files)) writeFileSync(join(outDir, name), text);
	return {
		boroughs: boroughs.length,
		postcodeDistricts: postcodeDistricts.length,
		establishments: establishments.length,
		boroughsWithoutOwnDistricts: boroughs.filter(
			(b) => !postcodeDistricts.some((d) => d.borough === b.code),
		).length,
	};
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	const rawDir = resolve(process.argv[2] ?? DEFAULT_RAW_DIR);
	const missing = REQUIRED_RAW_FILES.filter((name) => !existsSync(join(rawDir, name)));
	if (missing.length > 0) {
		console.error(
			`seeds:derive: ${existsSync(rawDir) ? `${rawDir} lacks ${missing.join(", ")}` : `no raw data folder at ${rawDir}`}. The derived files in seeds/data/ are committed, so nothing needs deriving to run the service; to rebuild them, pass the folder of raw public files (see seeds/README.md): npm run seeds:derive -- <raw dir>`,
		);
		process.exit(2);
	}
	const summary = derive(rawDir, SEED_DATA_DIR);
	console.log(`derived seeds/data from ${rawDir}:`, summary);
}

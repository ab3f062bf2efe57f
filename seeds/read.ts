import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { SeedData } from "./types.js";

/** seeds/data, beside this module. */
export const SEED_DATA_DIR = fileURLToPath(new URL("./data/", import.meta.url));

/** The committed reference data (seeds/data/*.json), parsed. Reads only the given folder. */
export function readSeedData(dir: string = SEED_DATA_DIR): SeedData {
	const read = <T>(name: string): T => JSON.parse(readFileSync(join(dir, name), "utf8")) as T;
	const data: SeedData = {
		boroughs: read("boroughs.json"),
		postcodeDistricts: read("postcode-districts.json"),
		partnerships: read("partnerships.json"),
		needTypes: read("need-types.json"),
		levels: read("levels.json"),
		planLevels: read("plan-levels.json"),
		costDefaults: read("cost-defaults.json"),
		establishments: read("establishments.json"),
		demand: read("demand.json"),
	};
	if (data.boroughs.length !== 33 || data.needTypes.length !== 12 || data.demand.length !== 33) {
		throw new Error(`seed data in ${dir} is incomplete: run npm run seeds:derive`);
	}
	return data;
}

// The seeds' public surface: reference data, the London demo scenario and demo children.

export { yearGroupOfAge } from "./children/profile.js";
export { DEFAULT_CHILD_COUNT, generateChildren } from "./children.js";
export { Rng } from "./prng.js";
export { readSeedData, SEED_DATA_DIR } from "./read.js";
export { buildLondonScenario, DEFAULT_SEED } from "./scenario.js";
export type * from "./types.js";

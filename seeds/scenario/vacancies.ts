import type { Rng } from "../prng.js";
import type { Provision, Vacancy } from "../types.js";

/** Start dates of the terms after the demo's reference date (illustrative, fixed: no clock). */
export const TERM_STARTS = ["2027-01-05", "2027-04-19", "2027-09-02"];

/** Free places: most provisions 0–2, a few more; independent schools have more to sell. */
function drawFree(rng: Rng, p: Provision): number {
	if (p.level === "special_independent") return rng.int(1, 8);
	const i = rng.weightedIndex([45, 28, 15, 6, 3, 3]);
	return i < 5 ? i : rng.int(5, 8);
}

/** One vacancy record per provision (count may be 0: "published, full"). All synthetic. */
export function buildVacancies(rng: Rng, provisions: Provision[]): Vacancy[] {
	return provisions.map((p) => {
		const count = Math.min(p.places, drawFree(rng, p));
		const v: Vacancy = {
			settingUrn: p.settingUrn,
			provisionCode: p.code,
			count,
			synthetic: ["count"],
		};
		if (count > 0 && rng.chance(0.25)) {
			v.availableFrom = rng.pick(TERM_STARTS);
			v.synthetic.push("availableFrom");
		}
		return v;
	});
}

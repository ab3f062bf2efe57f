import { eq, inArray, max } from "drizzle-orm";
import { postcodeDistricts, settings, vacancyEvents } from "../../schema/index.js";
import type { Executor } from "../db/types.js";

/** Who last changed a setting and when (its audit trail), for a stale edit's message. */
export { latestSettingChange } from "../queries/audit-trail.js";
/** Reading the registry (public data): the same query functions the API's settings and feed routes use. */
export { getSetting, listSettings } from "../queries/settings.js";
export { listVacancyChanges } from "../queries/vacancies.js";

/** Where settings stand (public data), for putting them on a map. */
export async function settingLocations(db: Executor, urns: number[]) {
	if (urns.length === 0) return new Map<number, { lat: number; lon: number }>();
	const rows = await db
		.select({ urn: settings.urn, lat: settings.lat, lon: settings.lon })
		.from(settings)
		.where(inArray(settings.urn, urns));
	return new Map(rows.map((r) => [r.urn, { lat: r.lat, lon: r.lon }]));
}

/** A postcode placed at its district's centroid (as children's homes are), or undefined. */
export async function locatePostcode(db: Executor, postcode: string) {
	const district = postcode.toUpperCase().replace(/\s+/g, "").slice(0, -3);
	const [d] = await db
		.select()
		.from(postcodeDistricts)
		.where(eq(postcodeDistricts.district, district));
	return d ? { lat: d.lat, lon: d.lon } : undefined;
}

/** The change feed's latest cursor (0 when empty). */
export async function latestVacancyCursor(db: Executor): Promise<number> {
	const [row] = await db.select({ seq: max(vacancyEvents.seq) }).from(vacancyEvents);
	return Number(row?.seq ?? 0);
}

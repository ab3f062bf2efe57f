import type { provisions, settings, vacancies } from "../../schema/index.js";

type SettingRow = typeof settings.$inferSelect;
type ProvisionRow = typeof provisions.$inferSelect;
type VacancyRow = typeof vacancies.$inferSelect;

/** Shapes a setting row for the API. */
export function toSetting(s: SettingRow) {
	return {
		urn: s.urn,
		name: s.name,
		borough: s.boroughCode,
		giasType: s.giasType,
		phase: s.phase,
		ageRange: { min: s.ageMin, max: s.ageMax },
		postcode: s.postcode,
		location: { lat: s.lat, lon: s.lon, source: s.locationSource },
		pupilCount: s.pupilCount,
		status: s.status,
		closedOn: s.closedOn,
		synthetic: s.synthetic,
		provenance: s.provenance,
		version: s.version,
		updatedAt: s.updatedAt.toISOString(),
	};
}

export function toVacancy(v: VacancyRow) {
	return {
		yearGroup: v.yearGroup,
		count: v.count,
		availableFrom: v.availableFrom,
		version: v.version,
		updatedAt: v.updatedAt.toISOString(),
	};
}

export function toProvision(p: {
	provision: ProvisionRow;
	needTypes: string[];
	vacancies: VacancyRow[];
}) {
	const r = p.provision;
	return {
		code: r.code,
		name: r.name,
		level: r.level,
		needTypes: p.needTypes,
		ageRange: { min: r.ageMin, max: r.ageMax },
		places: r.places,
		annualCost: {
			placeFunding: r.placeFunding,
			topUp: r.topUp,
			fee: r.fee,
			total: r.placeFunding + r.topUp + r.fee,
		},
		onRoll: r.onRoll,
		synthetic: r.synthetic,
		provenance: r.provenance,
		version: r.version,
		vacancies: p.vacancies.map(toVacancy),
	};
}

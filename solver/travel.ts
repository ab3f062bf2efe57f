import type { Journey, TravelParams } from "./types";

const EARTH_RADIUS_MILES = 3958.7613;
const RADIANS = Math.PI / 180;

export function greatCircleMiles(lat1: number, lon1: number, lat2: number, lon2: number): number {
	const dLat = (lat2 - lat1) * RADIANS;
	const dLon = (lon2 - lon1) * RADIANS;
	const a =
		Math.sin(dLat / 2) ** 2 +
		Math.cos(lat1 * RADIANS) * Math.cos(lat2 * RADIANS) * Math.sin(dLon / 2) ** 2;
	return 2 * EARTH_RADIUS_MILES * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** Rounded to hundredths so that feasibility, costs and reports all see the same numbers. */
export function round2(value: number): number {
	return Math.round(value * 100) / 100;
}

/** Road miles = great-circle miles × detour; minutes = road miles ÷ speed + overhead. */
export function modelJourney(greatCircle: number, travel: TravelParams): Journey {
	const miles = greatCircle * travel.detourFactor;
	return {
		miles: round2(miles),
		minutes: round2((miles / travel.speedMph) * 60 + travel.overheadMinutes),
	};
}

/**
 * The largest great-circle distance whose modelled journey can still fit in `limitMinutes`
 * (with a small margin for rounding): anything further is rejected before any trigonometry.
 */
export function greatCircleReach(limitMinutes: number, travel: TravelParams): number {
	const roadMiles = ((limitMinutes - travel.overheadMinutes + 0.01) / 60) * travel.speedMph;
	return Math.max(0, roadMiles / travel.detourFactor) + 0.01;
}

/** Miles per degree of latitude, used for the cheap bounding-box test. */
export const MILES_PER_DEGREE_LAT = EARTH_RADIUS_MILES * RADIANS;

import proj4 from "proj4";

/**
 * British National Grid (OSGB36 / EPSG:27700) with the OS seven-parameter Helmert shift to
 * WGS84 (OSGB36 → ETRS89/WGS84 to about 2–5 m, good enough for journeys; OSTN15 would give cm).
 */
const BNG =
	"+proj=tmerc +lat_0=49 +lon_0=-2 +k=0.9996012717 +x_0=400000 +y_0=-100000 +ellps=airy " +
	"+towgs84=446.448,-125.157,542.06,0.15,0.247,0.842,-20.489 +units=m +no_defs";
const toWgs84 = proj4(BNG, "WGS84");

/** GB grid extent in metres: easting 0–700 km, northing 0–1,300 km. */
export function onGrid(easting: number, northing: number): boolean {
	return easting > 0 && easting < 700_000 && northing > 0 && northing < 1_300_000;
}

/** Easting/Northing (metres, OSGB36) → WGS84 latitude/longitude, rounded to 6 places (~0.1 m). */
export function bngToWgs84(easting: number, northing: number): { lat: number; lon: number } {
	const [lon, lat] = toWgs84.forward([easting, northing]) as [number, number];
	return { lat: Math.round(lat * 1e6) / 1e6, lon: Math.round(lon * 1e6) / 1e6 };
}

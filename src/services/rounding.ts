/**
 * How figures are shown, the same in JSON and CSV: money in whole pounds, journey minutes to a
 * tenth. Sums of journeys carry float noise (599.1800000000001); rounding where a figure leaves
 * the service removes it.
 */
export function wholePounds(value: number): number {
	return Math.round(value);
}

export function tenthsOfMinute(value: number): number {
	return Math.round(value * 10) / 10;
}

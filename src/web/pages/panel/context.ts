import type { PageContext } from "../../render.js";

export { boroughNames } from "../../reference.js";

/** What every panel page needs: the database, the actor for the audit log, the clock. */
export function panelContext(c: PageContext) {
	const { db, now } = c.get("deps");
	return {
		db,
		now: now(),
		actor: { principal: c.get("principal"), requestId: c.get("requestId") },
	};
}

const pounds = new Intl.NumberFormat("en-GB", {
	style: "currency",
	currency: "GBP",
	maximumFractionDigits: 0,
});
export const money = (n: number | null | undefined) =>
	n === null || n === undefined ? "—" : pounds.format(n);

const LONG_DATE = new Intl.DateTimeFormat("en-GB", {
	day: "numeric",
	month: "long",
	year: "numeric",
	timeZone: "Europe/London",
});

export function longDate(iso: string | null | undefined): string {
	if (!iso) return "—";
	return LONG_DATE.format(new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso));
}

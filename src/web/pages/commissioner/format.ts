import type { SufficiencyRow } from "../../../services/sufficiency/report.js";

const whole = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 0 });
const pounds = new Intl.NumberFormat("en-GB", {
	style: "currency",
	currency: "GBP",
	maximumFractionDigits: 0,
});

type Figure = Exclude<keyof SufficiencyRow, "need" | "phase" | "area" | "forecast" | "suppressed">;

/** A row's figure as the API gives it: "hidden" where suppressed (1–4 of another borough's children), "—" where not known. */
export function fig(row: SufficiencyRow, key: Figure, money = false): string {
	const n = row[key];
	if (row.suppressed.includes(key)) return "hidden";
	if (n === null || n === undefined) return "—";
	return (money ? pounds : whole).format(n);
}

export const formatPounds = (n: number | null | undefined) =>
	n === null || n === undefined ? "—" : pounds.format(n);
export const formatCount = (n: number | null | undefined) =>
	n === null || n === undefined ? "—" : whole.format(n);

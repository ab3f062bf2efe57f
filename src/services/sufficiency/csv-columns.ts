import type { CsvValue } from "../../http/csv.js";
import type { SufficiencyReport, SufficiencyRow } from "./report.js";

type Column = { header: string; value: (row: SufficiencyRow) => CsvValue };

const FIGURES = [
	"places",
	"vacant",
	"filled",
	"awaiting",
	"unmet",
	"notYetMatched",
	"gap",
	"placedOutOfBorough",
	"placedOutOfLondon",
	"independentPlacements",
	"independentAnnualCost",
	"plans",
	"specialistPlans",
] as const;

/** The report's CSV columns: grouped keys (code and name), the figures, each forecast year, suppressed. */
export function sufficiencyColumns(report: SufficiencyReport): Column[] {
	const keys = report.groupBy.flatMap((d): Column[] => [
		{ header: d, value: (r) => r[d]?.code },
		{ header: `${d}Name`, value: (r) => r[d]?.name },
	]);
	const figures = FIGURES.map((f): Column => ({ header: f, value: (r) => r[f] }));
	const years = (report.totals.forecast ?? []).flatMap((y, k): Column[] => {
		const tag = y.academicYear.replace("/", "_");
		return [
			{ header: `forecastPlans_${tag}`, value: (r) => r.forecast[k]?.plans },
			{ header: `forecastSpecialistPlans_${tag}`, value: (r) => r.forecast[k]?.specialistPlans },
		];
	});
	const suppressed: Column = { header: "suppressed", value: (r) => r.suppressed.join(";") };
	return [...keys, ...figures, ...years, suppressed];
}

export function sufficiencyFilename(report: SufficiencyReport): string {
	const by = report.groupBy.length ? report.groupBy.join("-") : "total";
	return `sufficiency-${by}-${report.area.param}-${report.asOf}.csv`;
}

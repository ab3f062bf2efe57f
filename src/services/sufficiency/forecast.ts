// Forecast of EHC plans from a borough's own caseload series: pure arithmetic, no I/O.

export interface CaseloadPoint {
	/** Academic year, e.g. "2024/25" (the census is in its January). */
	academicYear: string;
	plans: number;
}

export interface Projection {
	/** The latest observed year and its plans: the base the projection grows from. */
	base: CaseloadPoint;
	/** Fitted annual growth rate (0.08 = 8% a year). */
	growth: number;
	/** Points the fit used (years with a positive count). */
	points: number;
	/** The next years, base × (1 + growth)^k, unrounded. */
	years: CaseloadPoint[];
}

export const FORECAST_METHOD =
	"Per borough, a least-squares fit of ln(plans) on the year over its DfE caseload series (2018/19 to 2024/25) gives an annual growth rate g = e^slope − 1; plans in year k after the latest census are latest × (1 + g)^k. The log-linear fit uses every year, so one odd census moves it less than a compound rate between the end points would.";

/** "2018/19" → 2018; throws on anything else (the series is ours, so that is a bug). */
export function startYearOf(academicYear: string): number {
	const match = /^(\d{4})\/(\d{2})$/.exec(academicYear);
	if (!match) throw new Error(`not an academic year: ${academicYear}`);
	return Number(match[1]);
}

/** The academic year starting in the given calendar year: 2025 → "2025/26". */
export function academicYearOf(startYear: number): string {
	return `${startYear}/${String((startYear + 1) % 100).padStart(2, "0")}`;
}

/** Annual growth rate from a least-squares line through (year, ln plans); 0 with under two points. */
export function fitGrowth(series: readonly CaseloadPoint[]): { growth: number; points: number } {
	const pts = series
		.filter((p) => p.plans > 0)
		.map((p) => ({ x: startYearOf(p.academicYear), y: Math.log(p.plans) }));
	const n = pts.length;
	if (n < 2) return { growth: 0, points: n };
	const meanX = pts.reduce((s, p) => s + p.x, 0) / n;
	const meanY = pts.reduce((s, p) => s + p.y, 0) / n;
	let sxy = 0;
	let sxx = 0;
	for (const p of pts) {
		sxy += (p.x - meanX) * (p.y - meanY);
		sxx += (p.x - meanX) ** 2;
	}
	if (sxx === 0) return { growth: 0, points: n };
	return { growth: Math.exp(sxy / sxx) - 1, points: n };
}

/** Projects a series `horizon` years past its latest year at its fitted growth rate. */
export function projectPlans(series: readonly CaseloadPoint[], horizon = 3): Projection {
	const sorted = [...series].sort(
		(a, b) => startYearOf(a.academicYear) - startYearOf(b.academicYear),
	);
	const base = sorted.at(-1);
	if (!base) throw new Error("cannot project an empty caseload series");
	const { growth, points } = fitGrowth(sorted);
	const start = startYearOf(base.academicYear);
	const years = Array.from({ length: horizon }, (_, i) => ({
		academicYear: academicYearOf(start + i + 1),
		plans: base.plans * (1 + growth) ** (i + 1),
	}));
	return { base, growth, points, years };
}

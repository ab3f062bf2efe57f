import { type ImportDefaults, normaliseLabel } from "./defaults.js";
import { SEN_COLUMNS } from "./gias-columns.js";
import type { ImportError } from "./rows.js";

/**
 * Labels of releases before 2015 that GIAS rows last changed then still carry: BESD became SEMH
 * in the 2014 Code of Practice.
 */
const LEGACY: Record<string, string> = {
	[normaliseLabel("BESD - Behaviour, Emotional and Social Difficulty")]: "SEMH",
};

/** The need codes a row designates in SEN1 … SEN13 (in file order); an unknown label is an error. */
export function giasNeeds(
	cell: (column: string) => string,
	d: ImportDefaults,
	at: (column: string) => string,
	errors: ImportError[],
): string[] {
	const found = new Set<string>();
	for (const column of SEN_COLUMNS) {
		const label = cell(column);
		if (label === "" || normaliseLabel(label) === "notapplicable") continue;
		const code = d.needByLabel.get(normaliseLabel(label)) ?? LEGACY[normaliseLabel(label)];
		if (code) found.add(code);
		else
			errors.push({
				path: at(column),
				message: `unknown GIAS need label "${label}"; expected one of ${d.giasLabels.map((l) => `"${l}"`).join(", ")} or "Not Applicable"`,
			});
	}
	return [...found];
}

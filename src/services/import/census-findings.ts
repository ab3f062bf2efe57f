// The register (GIAS and publishers) against the school census: confirmed or flagged.

import type { CensusFinding } from "../../../schema/index.js";
import type { CensusRow } from "./sen-census.js";
import type { StoredProvision } from "./stored.js";

const UNIT_LEVELS = new Set(["sen_unit"]);
const RP_LEVELS = new Set(["resourced_provision", "esta"]);

/** Each provision's designations against the census's provision types, then the units. */
export function censusFindings(census: CensusRow, provisions: StoredProvision[]): CensusFinding[] {
	const findings: CensusFinding[] = [];
	const listed = new Set(census.designations);
	for (const p of provisions) {
		const missing = p.needTypes.filter((n) => !listed.has(n));
		if (listed.size === 0)
			findings.push({
				kind: "designations",
				code: p.code,
				status: "flagged",
				message: `the census lists no SEN provision types; the register designates ${p.code} for ${p.needTypes.join(", ")}`,
			});
		else if (missing.length === 0)
			findings.push({
				kind: "designations",
				code: p.code,
				status: "confirmed",
				message: `${p.needTypes.join(", ")} confirmed by the census`,
			});
		else
			findings.push({
				kind: "designations",
				code: p.code,
				status: "flagged",
				message: `${missing.join(", ")} designated in the register, not among the census's provision types (${[...listed].join(", ")})`,
			});
	}
	const covered = new Set(provisions.flatMap((p) => p.needTypes));
	const uncovered = census.designations.filter((n) => !covered.has(n));
	if (provisions.length && uncovered.length)
		findings.push({
			kind: "designations",
			status: "flagged",
			message: `the census lists ${uncovered.join(", ")}, for which no provision in the register is designated`,
		});
	findings.push(
		...unitFinding("sen_unit", "SEN unit", census.senUnit, provisions, UNIT_LEVELS),
		...unitFinding(
			"resourced_provision",
			"resourced provision",
			census.resourcedProvision,
			provisions,
			RP_LEVELS,
		),
	);
	return findings;
}

function unitFinding(
	kind: string,
	label: string,
	reported: boolean | null,
	provisions: StoredProvision[],
	levels: Set<string>,
): CensusFinding[] {
	const published = provisions.filter((p) => levels.has(p.level));
	if (reported === null || (!reported && published.length === 0)) return [];
	if (reported && published.length)
		return [{ kind, status: "confirmed", message: `a ${label} in the census and the register` }];
	if (reported)
		return [
			{
				kind,
				status: "flagged",
				message: `the census reports a ${label}; the register publishes none`,
			},
		];
	return [
		{
			kind,
			status: "flagged",
			message: `the register publishes a ${label} (${published.map((p) => p.code).join(", ")}); the census reports none`,
		},
	];
}

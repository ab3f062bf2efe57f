import { readFileSync } from "node:fs";
import type { AllocationInput } from "../../solver/index";
import { generateLondonLike } from "./london-like";
import { londonRound } from "./london-scenario";

export const DEFAULT_SIZES = [
	"500x300",
	"500x2000",
	"2000x800",
	"5000x1500",
	"15000x1500",
	"london",
];

/**
 * A size spec: "CHILDRENxPROVISIONS" (synthetic London-like, seeded), "london" or
 * "london:N" (the seeds' London demo scenario with N generated children, default 1,000),
 * or a path to a JSON instance ({ children, provisions, params?, travelMatrix?, … }).
 */
export function loadInstance(spec: string, seed: number): AllocationInput {
	const size = /^(\d+)x(\d+)$/.exec(spec);
	if (size) {
		return generateLondonLike({ children: Number(size[1]), provisions: Number(size[2]), seed });
	}
	const london = /^london(?::(\d+))?$/.exec(spec);
	if (london) return londonRound(london[1] ? Number(london[1]) : undefined);
	return JSON.parse(readFileSync(spec, "utf8")) as AllocationInput;
}

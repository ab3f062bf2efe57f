import { asc, inArray } from "drizzle-orm";
import { costDefaults, needTypes, provisionLevels } from "../../../schema/index.js";
import type { Executor } from "../../db/types.js";

/** Reference data the GIAS mapping needs: need labels, and the costs it assumes. */
export interface ImportDefaults {
	/** Normalised GIAS label (lower case, no spaces) → need code. */
	needByLabel: Map<string, string>;
	giasLabels: string[];
	/** Provision level → its default place funding and whether it sits in a mainstream school. */
	levels: Map<string, { placeFunding: number; mainstream: boolean }>;
	/** The middle band of the top-up matrix, and its top-ups. */
	topUpBand: string;
	topUp: { mainstream: number; special: number };
	/** The typical independent special school fee. */
	independentFee: number;
}

/** Case- and space-insensitive form of a GIAS label. */
export function normaliseLabel(label: string): string {
	return label.toLowerCase().replace(/\s+/g, "");
}

function costDefault<T>(rows: Map<string, unknown>, key: string): T {
	const entry = rows.get(key) as { value?: T } | undefined;
	if (entry?.value === undefined) throw new Error(`cost default ${key} is missing`);
	return entry.value;
}

export async function loadImportDefaults(db: Executor): Promise<ImportDefaults> {
	const [needs, levels, costs] = await Promise.all([
		db.select().from(needTypes).orderBy(asc(needTypes.sortOrder)),
		db.select().from(provisionLevels),
		db
			.select()
			.from(costDefaults)
			.where(inArray(costDefaults.key, ["topUpBands", "independentFees"])),
	]);
	const byKey = new Map(costs.map((c) => [c.key, c.value]));
	const bands = costDefault<Record<"mainstream" | "special", Record<string, number>>>(
		byKey,
		"topUpBands",
	);
	const names = Object.keys(bands.special).sort();
	const topUpBand = names[Math.floor((names.length - 1) / 2)] ?? "C";
	return {
		needByLabel: new Map(needs.map((n) => [normaliseLabel(n.giasLabel), n.code])),
		giasLabels: needs.map((n) => n.giasLabel),
		levels: new Map(
			levels.map((l) => [
				l.code,
				{ placeFunding: l.defaultPlaceFunding, mainstream: l.mainstream },
			]),
		),
		topUpBand,
		topUp: {
			mainstream: bands.mainstream[topUpBand] ?? 0,
			special: bands.special[topUpBand] ?? 0,
		},
		independentFee: costDefault<{ typical: number }>(byKey, "independentFees").typical,
	};
}

/**
 * The annual cost GIAS does not publish: the level's default place funding plus the middle
 * top-up band, or for an independent special school the typical fee and nothing else.
 */
export function defaultCost(d: ImportDefaults, level: string) {
	const l = d.levels.get(level);
	if (level === "special_independent")
		return {
			annualCost: { placeFunding: l?.placeFunding ?? 0, topUp: 0, fee: d.independentFee },
			assumed: ["annualCost.fee"],
		};
	return {
		annualCost: {
			placeFunding: l?.placeFunding ?? 0,
			topUp: l?.mainstream ? d.topUp.mainstream : d.topUp.special,
			fee: 0,
		},
		assumed: ["annualCost.placeFunding", "annualCost.topUp"],
	};
}

/** What the response says it assumed, so a publisher can correct it with PUT. */
export function describeDefaults(d: ImportDefaults) {
	return {
		placeFunding: "provision_level.default_place_funding of the provision's level",
		topUpBand: d.topUpBand,
		topUp: d.topUp,
		independentFee: d.independentFee,
	};
}

// One imported row against what is stored: what to write, and what changed.

import type { Provenance } from "../../../schema/index.js";
import type { ProvisionInputT, SettingInputT } from "../../contracts/registry.js";
import type { Origin } from "../settings-write.js";
import type { ValidRow } from "./rows.js";
import type { Stored, StoredProvision, StoredSetting } from "./stored.js";

export interface Change {
	row: number;
	urn: number;
	field: string;
	from: unknown;
	to: unknown;
}

export interface ProvisionPlan {
	code: string;
	input: ProvisionInputT;
	origin: Origin;
	created: boolean;
	changed: boolean;
}

export interface RowPlan {
	row: ValidRow;
	outcome: "created" | "updated" | "unchanged";
	/** Whether the setting's own fields change (its provisions may change without it). */
	settingChanged: boolean;
	setting: SettingInputT;
	origin: Origin;
	provisions: ProvisionPlan[];
	changes: Change[];
	assumed: string[];
}

export interface Source {
	/** `gias` for a register file, `import` for JSON. */
	name: string;
	file?: string;
	asOf: string;
}

const SETTING_FIELDS = [
	"name",
	"borough",
	"giasType",
	"phase",
	"ageRange",
	"postcode",
	"location",
	"pupilCount",
	"status",
];
const PROVISION_FIELDS = [
	"name",
	"level",
	"needTypes",
	"ageRange",
	"places",
	"onRoll",
	"annualCost",
];

function provenance(source: Source, fields: string[], synthetic: string[]): Provenance {
	return {
		source: source.name,
		...(source.file ? { file: source.file } : {}),
		asOf: source.asOf,
		real: fields.filter((f) => !synthetic.includes(f)),
	};
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function storedSettingView(s: StoredSetting) {
	return {
		name: s.name,
		borough: s.boroughCode,
		giasType: s.giasType,
		phase: s.phase,
		ageRange: { min: s.ageMin, max: s.ageMax },
		postcode: s.postcode ?? undefined,
		location: { lat: s.lat, lon: s.lon },
		pupilCount: s.pupilCount ?? undefined,
		status: s.status ?? undefined,
	};
}

function storedProvisionView(p: StoredProvision) {
	return {
		name: p.name,
		level: p.level,
		needTypes: p.needTypes,
		ageRange: { min: p.ageMin, max: p.ageMax },
		places: p.places,
		onRoll: p.onRoll ?? undefined,
		annualCost: { placeFunding: p.placeFunding, topUp: p.topUp, fee: p.fee },
	};
}

/**
 * Merges a row into what is stored. A field the file does not give (its `assumed`) never
 * overwrites a stored one: a stored location, a provision's annual cost, name, age range or
 * places stay as the borough published them; only a new record takes the assumed value.
 */
export function planRow(row: ValidRow, stored: Stored, source: Source): RowPlan {
	const before = stored.settings.get(row.urn);
	const assumed = new Set(row.assumed);
	const changes: Change[] = [];
	const note = (field: string, from: unknown, to: unknown) => {
		if (!same(from, to)) changes.push({ row: row.source.row, urn: row.urn, field, from, to });
	};
	const setting: SettingInputT = { ...row.setting };
	const settingSynthetic: string[] = [];
	if (assumed.has("location")) {
		if (before && before.locationSource !== "postcode-district-centroid")
			setting.location = { lat: before.lat, lon: before.lon };
		else settingSynthetic.push("location");
	}
	let settingChanged = !before;
	if (before) {
		const was = storedSettingView(before);
		const now = { ...setting, postcode: setting.postcode?.toUpperCase() };
		for (const f of SETTING_FIELDS) {
			if (f === "location" && !now.location) continue; // the centroid of an unchanged postcode
			const from = was[f as keyof typeof was];
			const to = now[f as keyof typeof now];
			if (!same(from, to)) {
				settingChanged = true;
				note(f, from ?? null, to ?? null);
			}
		}
		if (before.closedOn) {
			settingChanged = true;
			note("closedOn", before.closedOn, null);
		}
	}
	const given = SETTING_FIELDS.filter((f) => setting[f as keyof SettingInputT] !== undefined);
	const origin: Origin = {
		synthetic: settingSynthetic,
		provenance: provenance(source, given, settingSynthetic),
		closedOn: null,
	};

	const provisions = row.provisions.map((p): ProvisionPlan => {
		const old = stored.provisions.get(`${row.urn}/${p.code}`);
		const mine = (f: string) => assumed.has(`provisions.${p.code}.${f}`);
		const input: ProvisionInputT = { ...p.input, annualCost: { ...p.input.annualCost } };
		const synthetic: string[] = [];
		const kept: string[] = [];
		/** Keeps a stored value the file does not give, unless it too was only assumed. */
		const keep = (f: "places" | "ageRange" | "annualCost") => {
			if (!old || old.synthetic.some((x) => x === f || x.startsWith(`${f}.`))) return false;
			kept.push(f);
			if (f === "places") input.places = old.places;
			if (f === "ageRange") {
				const within = old.ageMin >= setting.ageRange.min && old.ageMax <= setting.ageRange.max;
				if (!within) return false;
				input.ageRange = { min: old.ageMin, max: old.ageMax };
			}
			if (f === "annualCost")
				input.annualCost = { placeFunding: old.placeFunding, topUp: old.topUp, fee: old.fee };
			return true;
		};
		if (mine("places") && !keep("places")) synthetic.push("places");
		if (mine("ageRange") && !keep("ageRange")) synthetic.push("ageRange");
		const costAssumed = [...assumed].some((a) => a.startsWith(`provisions.${p.code}.annualCost`));
		if (costAssumed && !keep("annualCost"))
			synthetic.push(
				...row.assumed
					.filter((a) => a.startsWith(`provisions.${p.code}.annualCost`))
					.map((a) => a.slice(`provisions.${p.code}.`.length)),
			);
		if (old && p.code !== "SS" && source.name === "gias") input.name = old.name;
		const next = { ...input, needTypes: [...input.needTypes].sort(), onRoll: p.onRoll };
		let changed = !old;
		if (old) {
			const was = storedProvisionView(old);
			for (const f of PROVISION_FIELDS) {
				const from = was[f as keyof typeof was];
				const to = next[f as keyof typeof next];
				if (f === "onRoll" && to === undefined) continue;
				if (!same(from, to)) {
					changed = true;
					note(`provisions.${p.code}.${f}`, from ?? null, to ?? null);
				}
			}
		} else if (before) note(`provisions.${p.code}`, null, "created");
		const fields = PROVISION_FIELDS.filter((f) => f !== "onRoll" || p.onRoll !== undefined);
		return {
			code: p.code,
			input,
			origin: {
				synthetic,
				provenance: provenance(
					source,
					fields.filter((f) => !kept.includes(f)),
					synthetic,
				),
				onRoll: p.onRoll ?? null,
			},
			created: !old,
			changed,
		};
	});
	const outcome = !before
		? "created"
		: settingChanged || provisions.some((p) => p.changed)
			? "updated"
			: "unchanged";
	const effective = [
		...settingSynthetic,
		...provisions.flatMap((p) => p.origin.synthetic.map((f) => `provisions.${p.code}.${f}`)),
	];
	return { row, outcome, settingChanged, setting, origin, provisions, changes, assumed: effective };
}

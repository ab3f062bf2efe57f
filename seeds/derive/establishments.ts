import { NEED_TYPES } from "../reference/need-types.js";
import type { Borough, Establishment, NeedCode, SettingKind } from "../types.js";
import type { DistrictCentroid } from "./boroughs.js";
import { outcodeOf } from "./geo.js";

type Rec = Record<string, string>;

/** GIAS establishment type → our setting kind (special settings; any phase). */
const SPECIAL_KINDS: Record<string, SettingKind> = {
	"Community special school": "special_la_maintained",
	"Foundation special school": "special_la_maintained",
	"Academy special converter": "special_academy",
	"Academy special sponsor led": "special_academy",
	"Free schools special": "special_academy",
	"Non-maintained special school": "special_non_maintained",
	"Other independent special school": "special_independent",
	"Special post 16 institution": "special_post16",
};

/** State-funded mainstream types that can host resourced provision or an SEN unit. */
const MAINSTREAM_KINDS: Record<string, SettingKind> = {
	"Community school": "mainstream_la_maintained",
	"Voluntary aided school": "mainstream_la_maintained",
	"Voluntary controlled school": "mainstream_la_maintained",
	"Foundation school": "mainstream_la_maintained",
	"Academy converter": "mainstream_academy",
	"Academy sponsor led": "mainstream_academy",
	"Free schools": "mainstream_free_school",
};
const HOST_PHASES = new Set(["Primary", "Secondary", "All-through"]);

export function kindOf(giasType: string, phase: string): SettingKind | undefined {
	return (
		SPECIAL_KINDS[giasType] ?? (HOST_PHASES.has(phase) ? MAINSTREAM_KINDS[giasType] : undefined)
	);
}

const NEED_BY_GIAS = new Map<string, NeedCode>([
	...NEED_TYPES.map((n): [string, NeedCode] => [n.giasLabel, n.code]),
	["Aspergers Syndrome [archived]", "ASD"],
]);

/** Age range and SEN designations by URN from the 2015 Edubase extract (7 LAs). */
export function readEdubase2015(
	rows: Rec[],
): Map<number, NonNullable<Establishment["edubase2015"]>> {
	const out = new Map<number, NonNullable<Establishment["edubase2015"]>>();
	for (const r of rows) {
		const labels = [r["Special Education Needs 1"], r["Special Education Needs 2"]]
			.flatMap((v) => (v ?? "").split("~"))
			.filter(Boolean);
		const needTypes = [...new Set(labels.map((l) => NEED_BY_GIAS.get(l)).filter((n) => !!n))];
		const ageMin = Number(r["Statutory Low Age"]);
		const ageMax = Number(r["Statutory High Age"]);
		if (!r["Statutory Low Age"] || !Number.isFinite(ageMin) || !Number.isFinite(ageMax)) continue;
		out.set(Number(r["Unique Reference Number"]), {
			ageMin,
			ageMax: Math.min(ageMax, 25),
			needTypes: needTypes as NeedCode[],
		});
	}
	return out;
}

export function deriveEstablishments(input: {
	gias: Rec[];
	boroughs: Borough[];
	districts: Map<string, DistrictCentroid>;
	edubase: Map<number, NonNullable<Establishment["edubase2015"]>>;
}): Establishment[] {
	const out: Establishment[] = [];
	for (const r of input.gias) {
		const giasType = r.school_type ?? "";
		const phase = r.phase ?? "";
		const kind = kindOf(giasType, phase);
		if (!kind) continue;
		const borough = input.boroughs.find((b) => b.code === r.la_code);
		if (!borough) throw new Error(`URN ${r.urn}: unknown LA code ${r.la_code}`);
		const postcode = (r.postcode ?? "").trim() || null;
		const outcode = postcode ? outcodeOf(postcode) : null;
		const own = outcode ? input.districts.get(outcode) : undefined;
		// A new outcode missing from the table (e.g. N1C) falls back to its parent (N1).
		const parent = !own && outcode ? input.districts.get(outcode.replace(/[A-Z]$/, "")) : undefined;
		const centroid = own ?? parent;
		const pupils = Number(r.pupil_count);
		const urn = Number(r.urn);
		const e: Establishment = {
			urn,
			name: (r.school_name ?? "").trim(),
			laCode: borough.code,
			giasType,
			kind,
			phase,
			postcode,
			district: centroid ? centroid.district : null,
			lat: centroid ? centroid.lat : borough.centroid.lat,
			lon: centroid ? centroid.lon : borough.centroid.lon,
			locationSource: own
				? "postcode-district-centroid"
				: parent
					? "parent-district-centroid"
					: "borough-centroid",
			pupilCount: r.pupil_count && Number.isFinite(pupils) ? Math.round(pupils) : null,
			trust: (r.trust_name ?? "").trim() || null,
		};
		const old = input.edubase.get(urn);
		if (old && (kind.startsWith("special") || old.needTypes.length > 0)) e.edubase2015 = old;
		out.push(e);
	}
	return out.sort((a, b) => a.urn - b.urn);
}

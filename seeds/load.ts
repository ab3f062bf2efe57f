import {
	boroughs,
	caseloadSeries,
	children as childTable,
	costDefaults,
	needTypes,
	partnershipMembers,
	partnerships,
	planLevelSatisfiers,
	planLevels,
	plansByAge,
	plansByPlacementNeed,
	postcodeDistricts,
	provisionLevels,
	provisionNeedTypes,
	provisions,
	settings,
	vacancies,
	vacancyEvents,
} from "../schema/index.js";
import type { Executor } from "../src/db/types.js";
import { generateChildren } from "./children.js";
import { readSeedData } from "./read.js";
import { buildLondonScenario } from "./scenario.js";
import type { Child, Scenario, SeedData } from "./types.js";

const SEED_ACTOR = "seed:london-demo";

/** Inserts rows in chunks that stay well under PostgreSQL's 65,535 bind parameters. */
async function insertChunks<T>(rows: T[], size: number, insert: (chunk: T[]) => Promise<unknown>) {
	for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

/** Boroughs, postcode districts, partnerships, need types, levels and cost defaults. */
export async function loadReferenceData(db: Executor, data: SeedData): Promise<void> {
	await db.insert(boroughs).values(
		data.boroughs.map((b) => ({
			code: b.code,
			gssCode: b.gss,
			name: b.name,
			inner: b.inner,
			centroidLat: b.centroid.lat,
			centroidLon: b.centroid.lon,
		})),
	);
	await insertChunks(data.postcodeDistricts, 1000, (chunk) =>
		db.insert(postcodeDistricts).values(
			chunk.map((d) => ({
				district: d.district,
				lat: d.lat,
				lon: d.lon,
				boroughCode: d.borough,
			})),
		),
	);
	await db.insert(partnerships).values(
		data.partnerships.map((p) => ({
			id: p.id,
			name: p.name,
			kind: p.kind,
			note: p.note ?? null,
		})),
	);
	await db
		.insert(partnershipMembers)
		.values(
			data.partnerships.flatMap((p) =>
				p.members.map((m) => ({ partnershipId: p.id, boroughCode: m })),
			),
		);
	await db.insert(needTypes).values(
		data.needTypes.map((n, i) => ({
			code: n.code,
			label: n.label,
			giasLabel: n.giasLabel,
			sortOrder: i + 1,
		})),
	);
	await db
		.insert(planLevels)
		.values(data.planLevels.map((p) => ({ code: p.code, label: p.label })));
	await db.insert(provisionLevels).values(
		data.levels.map((l) => ({
			code: l.code,
			label: l.label,
			planLevel: l.planLevel,
			mainstream: l.mainstream,
			sen2Codes: l.sen2Codes,
			defaultPlaceFunding: l.defaultPlaceFunding,
		})),
	);
	await db
		.insert(planLevelSatisfiers)
		.values(
			data.planLevels.flatMap((p) =>
				p.satisfiedBy.map((l) => ({ planLevel: p.code, provisionLevel: l })),
			),
		);
	await db.insert(caseloadSeries).values(
		data.demand.flatMap((d) =>
			Object.entries(d.caseload).map(([academicYear, plans]) => ({
				boroughCode: d.laCode,
				academicYear,
				plans,
			})),
		),
	);
	await insertChunks(
		data.demand.flatMap((d) =>
			Object.entries(d.placementByNeed).flatMap(([placement, needs]) =>
				Object.entries(needs).map(([needCode, plans]) => ({
					boroughCode: d.laCode,
					placement,
					needCode,
					plans: plans ?? 0,
				})),
			),
		),
		2000,
		(chunk) => db.insert(plansByPlacementNeed).values(chunk),
	);
	await insertChunks(
		// Every placement type with ages (the specialist ones) and "all" of them together.
		data.demand.flatMap((d) =>
			Object.entries(d.ageByPlacement).flatMap(([placement, ages]) =>
				Object.entries(ages).map(([age, plans]) => ({
					boroughCode: d.laCode,
					placement,
					age: Number(age),
					plans,
				})),
			),
		),
		2000,
		(chunk) => db.insert(plansByAge).values(chunk),
	);
	await db.insert(costDefaults).values(
		Object.entries(data.costDefaults).map(([key, value]) => ({
			key,
			value,
			source: typeof value === "object" && value && "source" in value ? String(value.source) : null,
		})),
	);
}

/** Settings, provisions (with need types) and vacancies of a built scenario. */
export async function loadScenario(db: Executor, scenario: Scenario): Promise<void> {
	await insertChunks(scenario.settings, 500, (chunk) =>
		db.insert(settings).values(
			chunk.map((s) => ({
				urn: s.urn,
				name: s.name,
				boroughCode: s.laCode,
				giasType: s.giasType,
				phase: s.phase,
				ageMin: s.ageMin,
				ageMax: s.ageMax,
				postcode: s.postcode ?? null,
				lat: s.lat,
				lon: s.lon,
				locationSource: s.locationSource,
				pupilCount: s.pupilCount ?? null,
				status: s.status ?? null,
				// The DfE's s.41 list is not among our sources: every independent special school
				// is taken to be on it (an assumption for the boroughs to correct; seeds/README.md).
				s41Approved: s.kind === "special_independent",
				synthetic: s.synthetic,
			})),
		),
	);
	const ids = new Map<string, number>();
	await insertChunks(scenario.provisions, 500, async (chunk) => {
		const rows = await db
			.insert(provisions)
			.values(
				chunk.map((p) => ({
					settingUrn: p.settingUrn,
					code: p.code,
					name: p.name,
					level: p.level,
					ageMin: p.ageMin,
					ageMax: p.ageMax,
					places: p.places,
					placeFunding: p.annualCost.placeFunding,
					topUp: p.annualCost.topUp,
					fee: p.annualCost.fee,
					synthetic: p.synthetic,
				})),
			)
			.returning({ id: provisions.id, urn: provisions.settingUrn, code: provisions.code });
		for (const r of rows) ids.set(`${r.urn}/${r.code}`, r.id);
	});
	const idOf = (urn: number, code: string) => {
		const id = ids.get(`${urn}/${code}`);
		if (id === undefined) throw new Error(`scenario refers to unknown provision ${urn}/${code}`);
		return id;
	};
	await insertChunks(
		scenario.provisions.flatMap((p) =>
			p.needTypes.map((n) => ({ provisionId: idOf(p.settingUrn, p.code), needCode: n })),
		),
		2000,
		(chunk) => db.insert(provisionNeedTypes).values(chunk),
	);
	const vacancyRows = scenario.vacancies.map((v) => ({
		provisionId: idOf(v.settingUrn, v.provisionCode),
		yearGroup: v.yearGroup ?? null,
		count: v.count,
		availableFrom: v.availableFrom ?? null,
	}));
	await insertChunks(vacancyRows, 1000, (chunk) =>
		db.insert(vacancies).values(chunk.map((v) => ({ ...v, updatedBy: SEED_ACTOR }))),
	);
	await insertChunks(vacancyRows, 1000, (chunk) =>
		db
			.insert(vacancyEvents)
			.values(chunk.map((v) => ({ ...v, source: "seed", actor: SEED_ACTOR }))),
	);
}

const DAY_MS = 86_400_000;

/**
 * A demo child's id from its case reference (FNV-1a, four salts, as a version-4-shaped UUID):
 * the same demo gets the same ids, so that its figures (which the README quotes) do not depend
 * on how random ids happened to order children whose costs tie exactly.
 */
export function demoChildId(caseRef: string): string {
	const hex = [0x811c9dc5, 0x01000193, 0x5bd1e995, 0x27d4eb2f]
		.map((salt) => {
			let h = salt >>> 0;
			for (const ch of `demo-child:${caseRef}`)
				h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
			return h.toString(16).padStart(8, "0");
		})
		.join("");
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Demo children, all awaiting a place, referred over the last five months (spread by index). */
export async function loadChildren(db: Executor, list: Child[], now: Date): Promise<void> {
	const rows = list.map((c, i) => {
		// A minute apart as well, so that referral order (the greedy baseline's) has no ties.
		const referredAt = new Date(now.getTime() - ((i * 37) % 150) * DAY_MS - i * 60_000);
		const day = (offsetDays: number) =>
			new Date(referredAt.getTime() - offsetDays * DAY_MS).toISOString().slice(0, 10);
		return {
			id: demoChildId(c.caseRef),
			boroughCode: c.laCode,
			caseRef: c.caseRef,
			yearGroup: c.yearGroup,
			age: c.age,
			primaryNeed: c.primaryNeed,
			secondaryNeeds: c.secondaryNeeds,
			planLevel: c.planLevel,
			homeLat: c.home.lat,
			homeLon: c.home.lon,
			homeDistrict: c.homeDistrict,
			maxJourneyMinutes: c.maxJourneyMinutes,
			preferences: c.preferences,
			status: "awaiting",
			referredAt,
			// A third of the plans still in draft; one child in eleven out of education.
			planFinalisedOn: i % 3 === 0 ? null : day(14),
			searchStartedOn: day(0),
			outOfEducationSince: i % 11 === 0 ? day(30) : null,
			synthetic: true,
		};
	});
	await insertChunks(rows, 500, (chunk) => db.insert(childTable).values(chunk));
}

/**
 * Loads London: the reference data and, with `demo`, the demo scenario built from `seed` with
 * `children` generated children awaiting a place.
 */
export async function loadLondon(
	db: Executor,
	options: { demo: boolean; seed: number; children?: number; data?: SeedData; now?: Date },
): Promise<Record<string, number>> {
	const data = options.data ?? readSeedData();
	await loadReferenceData(db, data);
	const summary: Record<string, number> = {
		boroughs: data.boroughs.length,
		partnerships: data.partnerships.length,
	};
	if (options.demo) {
		const scenario = buildLondonScenario(data, { seed: options.seed });
		await loadScenario(db, scenario);
		summary.settings = scenario.settings.length;
		summary.provisions = scenario.provisions.length;
		summary.vacancies = scenario.vacancies.reduce((n, v) => n + v.count, 0);
		const count = options.children ?? 0;
		if (count > 0) {
			const list = generateChildren(data, { count, seed: options.seed, scenario });
			await loadChildren(db, list, options.now ?? new Date());
			summary.children = list.length;
		}
	}
	return summary;
}

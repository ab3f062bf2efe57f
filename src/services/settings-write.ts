import { and, eq, sql } from "drizzle-orm";
import {
	type Provenance,
	postcodeDistricts,
	provisionNeedTypes,
	provisions,
	settings,
	vacancies,
} from "../../schema/index.js";
import type { ProvisionInputT, SettingInputT } from "../contracts/registry.js";
import type { Db, Executor } from "../db/types.js";
import { ApiError } from "../http/problem.js";
import { assertBoroughWrite, checkIfMatch, settingEtag } from "./access.js";
import { type Actor, audit } from "./audit.js";
import { isUniqueViolation } from "./consultations.js";

export interface WriteResult {
	created: boolean;
	etag: string;
}

/**
 * Where a write's values came from. Without one, a write is the publisher's own statement of
 * every field it gives, as of today (a location from the postcode district's centre is synthetic).
 */
export interface Origin {
	synthetic: string[];
	provenance: Provenance;
	/** Pupils on the provision's roll (register imports); undefined leaves it as it is. */
	onRoll?: number | null;
	/** The setting's closing day; null reopens it; undefined leaves it as it is. */
	closedOn?: string | null;
}

const dayOf = (now: Date) => now.toISOString().slice(0, 10);

function published(fields: string[], now: Date, synthetic: string[] = []): Origin {
	return {
		synthetic,
		provenance: {
			source: "publisher",
			asOf: dayOf(now),
			real: fields.filter((f) => !synthetic.includes(f)),
		},
	};
}

/** Locks a setting row for the rest of the transaction; undefined when there is none. */
export async function lockSetting(tx: Executor, urn: number) {
	const [row] = await tx.select().from(settings).where(eq(settings.urn, urn)).for("update");
	return row;
}

/** Bumps a setting's version (its ETag) after a change to it or to anything it contains. */
export async function touchSetting(tx: Executor, urn: number, now: Date): Promise<number> {
	const [row] = await tx
		.update(settings)
		.set({ version: sql`${settings.version} + 1`, updatedAt: now })
		.where(eq(settings.urn, urn))
		.returning({ version: settings.version });
	return row?.version ?? 0;
}

async function locate(tx: Executor, input: SettingInputT) {
	if (input.location) return { ...input.location, source: "published" };
	const district = input.postcode?.toUpperCase().replace(/\s+/g, "").slice(0, -3);
	if (district) {
		const [d] = await tx
			.select()
			.from(postcodeDistricts)
			.where(eq(postcodeDistricts.district, district));
		if (d) return { lat: d.lat, lon: d.lon, source: "postcode-district-centroid" };
	}
	throw new ApiError(
		"unprocessable",
		"give a location, or a London postcode whose district is known",
		{
			errors: [
				{ path: "body.location", message: "required when the postcode district is unknown" },
			],
		},
	);
}

/**
 * Creates or updates a setting of the caller's own borough (an admin's: any), in one transaction.
 * A new URN has no row to lock, so two requests creating it at once both insert; the unique key
 * refuses the later one, which is a conflict to retry, not a server fault.
 */
export async function putSetting(
	db: Db,
	actor: Actor,
	urn: number,
	input: SettingInputT,
	ifMatch: string | undefined,
	now: Date,
): Promise<WriteResult> {
	try {
		return await db.transaction((tx) => writeSetting(tx, actor, urn, input, ifMatch, now));
	} catch (error) {
		if (!isUniqueViolation(error)) throw error;
		throw new ApiError(
			"conflict",
			`setting ${urn} was created by another request meanwhile; nothing was written: fetch it and send its ETag as If-Match`,
		);
	}
}

/** putSetting's work inside the caller's transaction (the bulk import writes many). */
export async function writeSetting(
	tx: Executor,
	actor: Actor,
	urn: number,
	input: SettingInputT,
	ifMatch: string | undefined,
	now: Date,
	origin?: Origin,
): Promise<WriteResult> {
	const before = await lockSetting(tx, urn);
	if (before) assertBoroughWrite(actor.principal, before.boroughCode, `setting ${urn}`);
	assertBoroughWrite(actor.principal, input.borough, `a setting in borough ${input.borough}`);
	checkIfMatch(ifMatch, before ? settingEtag(urn, before.version) : undefined);
	const location = await locate(tx, input);
	const from =
		origin ??
		published(
			Object.keys(input).filter((k) => (input as Record<string, unknown>)[k] !== undefined),
			now,
			input.location ? [] : ["location"],
		);
	const values = {
		name: input.name,
		boroughCode: input.borough,
		giasType: input.giasType,
		phase: input.phase,
		ageMin: input.ageRange.min,
		ageMax: input.ageRange.max,
		postcode: input.postcode?.toUpperCase() ?? null,
		lat: location.lat,
		lon: location.lon,
		locationSource: location.source,
		pupilCount: input.pupilCount ?? null,
		status: input.status ?? null,
		synthetic: from.synthetic,
		provenance: from.provenance,
		...(from.closedOn === undefined ? {} : { closedOn: from.closedOn }),
		updatedAt: now,
	};
	const [after] = before
		? await tx
				.update(settings)
				.set({ ...values, version: before.version + 1 })
				.where(eq(settings.urn, urn))
				.returning()
		: await tx
				.insert(settings)
				.values({ urn, ...values, createdAt: now })
				.returning();
	if (!after) throw new Error(`setting ${urn} was not written`);
	await audit(tx, actor, {
		action: before ? "setting.update" : "setting.create",
		entityType: "setting",
		entityId: String(urn),
		before: before ?? null,
		after,
	});
	return { created: !before, etag: settingEtag(urn, after.version) };
}

/** Creates or updates one provision of a setting, with its designated need types. */
export function putProvision(
	db: Db,
	actor: Actor,
	urn: number,
	code: string,
	input: ProvisionInputT,
	ifMatch: string | undefined,
	now: Date,
): Promise<WriteResult> {
	return db.transaction((tx) => writeProvision(tx, actor, urn, code, input, ifMatch, now));
}

/** putProvision's work inside the caller's transaction. */
export async function writeProvision(
	tx: Executor,
	actor: Actor,
	urn: number,
	code: string,
	input: ProvisionInputT,
	ifMatch: string | undefined,
	now: Date,
	origin?: Origin,
): Promise<WriteResult> {
	const setting = await lockSetting(tx, urn);
	if (!setting)
		throw new ApiError(
			"not_found",
			`no setting with URN ${urn}; create it first with PUT /settings/${urn}`,
		);
	assertBoroughWrite(actor.principal, setting.boroughCode, `setting ${urn}`);
	checkIfMatch(ifMatch, settingEtag(urn, setting.version));
	if (input.ageRange.min < setting.ageMin || input.ageRange.max > setting.ageMax) {
		throw new ApiError(
			"unprocessable",
			`the age range must lie within the setting's ${setting.ageMin}–${setting.ageMax}`,
			{
				errors: [
					{
						path: "body.ageRange",
						message: `outside the setting's ages ${setting.ageMin}–${setting.ageMax}`,
					},
				],
			},
		);
	}
	const [before] = await tx
		.select()
		.from(provisions)
		.where(and(eq(provisions.settingUrn, urn), eq(provisions.code, code)));
	const beforeNeeds = before
		? (
				await tx
					.select()
					.from(provisionNeedTypes)
					.where(eq(provisionNeedTypes.provisionId, before.id))
			)
				.map((n) => n.needCode)
				.sort()
		: [];
	if (before) {
		const [row] = await tx
			.select({ total: sql<number>`coalesce(sum(${vacancies.count}), 0)::int` })
			.from(vacancies)
			.where(eq(vacancies.provisionId, before.id));
		const published = Number(row?.total ?? 0);
		if (input.places < published) {
			throw new ApiError(
				"unprocessable",
				`${published} vacancies are published; places cannot fall below that`,
				{
					errors: [{ path: "body.places", message: `below the ${published} published vacancies` }],
				},
			);
		}
	}
	const from = origin ?? published(Object.keys(input), now);
	const values = {
		name: input.name,
		level: input.level,
		ageMin: input.ageRange.min,
		ageMax: input.ageRange.max,
		places: input.places,
		placeFunding: input.annualCost.placeFunding,
		topUp: input.annualCost.topUp,
		fee: input.annualCost.fee,
		synthetic: from.synthetic,
		provenance: from.provenance,
		...(from.onRoll === undefined ? {} : { onRoll: from.onRoll }),
		updatedAt: now,
	};
	const [after] = before
		? await tx
				.update(provisions)
				.set({ ...values, version: before.version + 1 })
				.where(eq(provisions.id, before.id))
				.returning()
		: await tx
				.insert(provisions)
				.values({ settingUrn: urn, code, ...values, createdAt: now })
				.returning();
	if (!after) throw new Error(`provision ${urn}/${code} was not written`);
	await tx.delete(provisionNeedTypes).where(eq(provisionNeedTypes.provisionId, after.id));
	await tx
		.insert(provisionNeedTypes)
		.values(input.needTypes.map((n) => ({ provisionId: after.id, needCode: n })));
	const version = await touchSetting(tx, urn, now);
	await audit(tx, actor, {
		action: before ? "provision.update" : "provision.create",
		entityType: "provision",
		entityId: `${urn}/${code}`,
		before: before ? { ...before, needTypes: beforeNeeds } : null,
		after: { ...after, needTypes: [...input.needTypes].sort() },
	});
	return { created: !before, etag: settingEtag(urn, version) };
}

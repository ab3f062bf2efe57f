import { and, eq, gt, isNotNull, isNull, lte, or, type SQL, sql } from "drizzle-orm";
import { type provisions, vacancies } from "../../schema/index.js";
import { greatCircleMiles, modelJourney } from "../../solver/travel.js";
import type { Executor, Tx } from "../db/types.js";
import { ApiError } from "../http/problem.js";
import type { Actor } from "./audit.js";
import type { Policy } from "./policy.js";
import { touchSetting } from "./settings-write.js";
import { appendVacancyEvents } from "./vacancy-feed.js";

/** Taking and giving back places: the one place vacancy counts change outside a publication. */

export interface VacancyOutcome {
	yearGroup: string | null;
	count: number | null;
	changed: boolean;
	note: string;
}
type ProvisionRow = typeof provisions.$inferSelect;
type Place = { lat: number; lon: number };

/** Annual home-to-school transport: the policy's per-mile model (great circle × detour), with its floor. */
export function transportEstimate(policy: Policy, home: Place, school: Place) {
	const journey = modelJourney(
		greatCircleMiles(home.lat, home.lon, school.lat, school.lon),
		policy.travel,
	);
	const { transportPerMileAnnual: perMile, transportMinimumAnnual: floor } = policy.cost;
	return { journey, annual: Math.round(Math.max(floor, perMile * journey.miles)) };
}

/** Who pays what each year: place funding the host borough, top-up, fee and transport the home borough. */
export function annualCost(
	p: ProvisionRow,
	transport: ReturnType<typeof transportEstimate>,
	home: string,
	host: string,
) {
	const homePays = p.topUp + p.fee + transport.annual;
	return {
		placeFunding: p.placeFunding,
		topUp: p.topUp,
		fee: p.fee,
		transport: transport.annual,
		total: p.placeFunding + homePays,
		journey: transport.journey,
		payers: { hostBorough: host, hostPays: p.placeFunding, homeBorough: home, homePays },
	};
}

/** The vacancy row a child takes or gives back: its year group's when places are published per year group. */
export async function slotOf(tx: Executor, provisionId: number, yearGroup: string) {
	const [perYear] = await tx
		.select({ id: vacancies.id })
		.from(vacancies)
		.where(and(eq(vacancies.provisionId, provisionId), isNotNull(vacancies.yearGroup)))
		.limit(1);
	const slot = perYear ? yearGroup : null;
	const where = and(
		eq(vacancies.provisionId, provisionId),
		slot === null ? isNull(vacancies.yearGroup) : eq(vacancies.yearGroup, slot),
	);
	return { slot, where: where as SQL };
}

/**
 * Takes one place, for a start date, in ONE conditional UPDATE: only a row with a place left
 * (free by the start date) is decremented, so racing confirmations cannot both succeed and the
 * count never goes below zero (the CHECK constraint is the backstop).
 */
export async function takePlace(
	tx: Tx,
	actor: Actor,
	provision: ProvisionRow,
	yearGroup: string,
	startDate: string,
	now: Date,
) {
	const { slot, where } = await slotOf(tx, provision.id, yearGroup);
	const [taken] = await tx
		.update(vacancies)
		.set({
			count: sql`${vacancies.count} - 1`,
			version: sql`${vacancies.version} + 1`,
			updatedBy: actor.principal.subject,
			updatedAt: now,
		})
		.where(
			and(
				where,
				gt(vacancies.count, 0),
				or(isNull(vacancies.availableFrom), lte(vacancies.availableFrom, startDate)),
			),
		)
		.returning();
	if (!taken)
		throw new ApiError(
			"conflict",
			`no vacancy left at ${provision.settingUrn}/${provision.code}${slot ? ` for ${slot}` : ""} by ${startDate}`,
		);
	await appendVacancyEvents(tx, [
		{
			provisionId: provision.id,
			yearGroup: taken.yearGroup,
			count: taken.count,
			previousCount: taken.count + 1,
			availableFrom: taken.availableFrom,
			source: "placement",
			actor: actor.principal.subject,
		},
	]);
	await touchSetting(tx, provision.settingUrn, now);
	return taken;
}

/**
 * Gives a place back: count + 1 on the vacancy row it was taken from, unless the provision's published
 * vacancies already reach its places (the publisher has counted it already): then nothing changes.
 */
export async function freePlace(
	tx: Tx,
	actor: Actor,
	provision: ProvisionRow,
	slot: string | null,
	now: Date,
): Promise<VacancyOutcome> {
	const where = and(
		eq(vacancies.provisionId, provision.id),
		slot === null ? isNull(vacancies.yearGroup) : eq(vacancies.yearGroup, slot),
	);
	const [sum] = await tx
		.select({ n: sql<number>`coalesce(sum(${vacancies.count}), 0)::int` })
		.from(vacancies)
		.where(eq(vacancies.provisionId, provision.id));
	const published = Number(sum?.n ?? 0);
	if (published + 1 > provision.places) {
		const note = `not freed: ${published} vacancies are published for its ${provision.places} places already`;
		return { yearGroup: slot, count: null, changed: false, note };
	}
	const [before] = await tx.select({ count: vacancies.count }).from(vacancies).where(where);
	const [after] = await tx
		.insert(vacancies)
		.values({
			provisionId: provision.id,
			yearGroup: slot,
			count: 1,
			updatedBy: actor.principal.subject,
			updatedAt: now,
		})
		.onConflictDoUpdate({
			target: [vacancies.provisionId, vacancies.yearGroup],
			set: {
				count: sql`${vacancies.count} + 1`,
				version: sql`${vacancies.version} + 1`,
				updatedBy: actor.principal.subject,
				updatedAt: now,
			},
		})
		.returning();
	if (!after) throw new Error("vacancy upsert returned nothing");
	await appendVacancyEvents(tx, [
		{
			provisionId: provision.id,
			yearGroup: slot,
			count: after.count,
			previousCount: before?.count ?? null,
			availableFrom: after.availableFrom,
			source: "placement-ended",
			actor: actor.principal.subject,
		},
	]);
	await touchSetting(tx, provision.settingUrn, now);
	return { yearGroup: slot, count: after.count, changed: true, note: "one place freed" };
}

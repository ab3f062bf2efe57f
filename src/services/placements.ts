import { and, desc, eq, gt, isNotNull, isNull, lte, or, type SQL, sql } from "drizzle-orm";
import {
	children,
	consultations,
	placements,
	provisions,
	settings,
	vacancies,
} from "../../schema/index.js";
import { greatCircleMiles, modelJourney } from "../../solver/travel.js";
import type { Db, Executor, Tx } from "../db/types.js";
import { ApiError } from "../http/problem.js";
import { type Actor, audit } from "./audit.js";
import { homeBoroughOf } from "./children.js";
import {
	isUniqueViolation,
	lockChild,
	lockConsultation,
	refreshChildStatus,
} from "./consultations.js";
import { isoDay } from "./matching/params.js";
import { loadPolicy, type Policy } from "./policy.js";
import { lockSetting, touchSetting } from "./settings-write.js";
import { appendVacancyEvents } from "./vacancy-feed.js";

export type PlacementRow = typeof placements.$inferSelect;
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
function annualCost(
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
async function slotOf(tx: Executor, provisionId: number, yearGroup: string) {
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

function views(tx: Executor, where: SQL | undefined) {
	return tx
		.select({
			pl: placements,
			caseRef: children.caseRef,
			provision: provisions,
			settingName: settings.name,
		})
		.from(placements)
		.innerJoin(children, eq(children.id, placements.childId))
		.innerJoin(provisions, eq(provisions.id, placements.provisionId))
		.innerJoin(settings, eq(settings.urn, provisions.settingUrn))
		.where(where)
		.orderBy(desc(placements.confirmedAt), desc(placements.id))
		.$dynamic();
}
export type PlacementView = Awaited<ReturnType<typeof views>>[number];

async function viewOf(tx: Executor, id: string): Promise<PlacementView> {
	const [v] = await views(tx, eq(placements.id, id));
	if (!v) throw new Error(`placement ${id} vanished`);
	return v;
}

/** Confirms a place on an agreed consultation, taking one vacancy, all in one transaction. */
export async function confirmPlacement(
	db: Db,
	actor: Actor,
	input: { consultationId: string; startDate: string },
	now: Date,
): Promise<{ view: PlacementView; vacancy: VacancyOutcome }> {
	const borough = homeBoroughOf(actor.principal);
	const today = isoDay(now);
	return db.transaction(async (tx) => {
		const { row: c, child } = await lockConsultation(
			tx,
			eq(consultations.homeBorough, borough),
			input.consultationId,
		);
		if (c.status !== "agreed")
			throw new ApiError(
				"unprocessable",
				`the consultation is ${c.status}; only an agreed one can become a placement`,
			);
		const [used] = await tx
			.select({ id: placements.id })
			.from(placements)
			.where(eq(placements.consultationId, c.id));
		if (used)
			throw new ApiError(
				"conflict",
				`the consultation was used by placement ${used.id}; consult again`,
			);
		if (child.status === "placed")
			throw new ApiError("conflict", "the child already has an active placement");
		if (input.startDate < today) {
			const message = `must be today (${today}) or later`;
			throw new ApiError("unprocessable", `the start date ${message}`, {
				errors: [{ path: "body.startDate", message }],
			});
		}
		const setting = await lockSetting(tx, c.settingUrn);
		const [provision] = await tx.select().from(provisions).where(eq(provisions.id, c.provisionId));
		if (!setting || !provision) throw new Error(`provision ${c.provisionId} vanished`);
		// The guard: only a row with a place left (free by the start date) is decremented.
		const { slot, where } = await slotOf(tx, provision.id, child.yearGroup);
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
					or(isNull(vacancies.availableFrom), lte(vacancies.availableFrom, input.startDate)),
				),
			)
			.returning();
		if (!taken)
			throw new ApiError(
				"conflict",
				`no vacancy left at ${setting.urn}/${provision.code}${slot ? ` for ${slot}` : ""} by ${input.startDate}`,
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
		await touchSetting(tx, setting.urn, now);
		const transport = transportEstimate(
			await loadPolicy(tx),
			{ lat: child.homeLat, lon: child.homeLon },
			setting,
		);
		const row = await tx
			.insert(placements)
			.values({
				childId: child.id,
				provisionId: provision.id,
				consultationId: c.id,
				homeBorough: borough,
				hostBorough: setting.boroughCode,
				startDate: input.startDate,
				annualCost: annualCost(provision, transport, borough, setting.boroughCode),
				confirmedAt: now,
			})
			.returning()
			.then((rows) => rows[0])
			.catch((error: unknown) => {
				if (isUniqueViolation(error))
					throw new ApiError("conflict", "the child or the consultation was placed meanwhile");
				throw error;
			});
		if (!row) throw new Error("placement insert returned nothing");
		await refreshChildStatus(tx, child.id, now);
		await audit(tx, actor, [
			{ action: "placement.confirm", entityType: "placement", entityId: row.id, after: row },
			{
				action: "vacancy.take",
				entityType: "provision",
				entityId: `${setting.urn}/${provision.code}`,
				before: { count: taken.count + 1 },
				after: { count: taken.count, yearGroup: taken.yearGroup, placement: row.id },
			},
		]);
		const vacancy = {
			yearGroup: taken.yearGroup,
			count: taken.count,
			changed: true,
			note: "one place taken",
		};
		return { view: await viewOf(tx, row.id), vacancy };
	});
}

/**
 * Gives a place back: count + 1 on the child's vacancy row, unless the provision's published
 * vacancies already reach its places (the publisher has counted it already): then nothing changes.
 */
async function freePlace(
	tx: Tx,
	actor: Actor,
	provision: ProvisionRow,
	yearGroup: string,
	now: Date,
) {
	const { slot, where } = await slotOf(tx, provision.id, yearGroup);
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

/** Ends (the child left) or cancels (it never went ahead) an active placement, freeing its place. */
export async function closePlacement(
	db: Db,
	actor: Actor,
	id: string,
	close: { kind: "end" | "cancel"; reason: string; endDate?: string | undefined },
	now: Date,
): Promise<{ view: PlacementView; vacancy: VacancyOutcome }> {
	const borough = homeBoroughOf(actor.principal);
	const today = isoDay(now);
	return db.transaction(async (tx) => {
		const [peek] = await tx
			.select({ childId: placements.childId })
			.from(placements)
			.where(and(eq(placements.id, id), eq(placements.homeBorough, borough)));
		if (!peek) throw new ApiError("not_found", `no placement ${id} in your borough`);
		const child = await lockChild(tx, peek.childId);
		const [before] = await tx.select().from(placements).where(eq(placements.id, id)).for("update");
		if (!before) throw new Error(`placement ${id} vanished`);
		if (before.status !== "active")
			throw new ApiError("conflict", `the placement is ${before.status} already`);
		const endDate = close.endDate ?? today;
		if (close.kind === "end" && (endDate < before.startDate || endDate > today)) {
			const message = `must lie between the start ${before.startDate} and today ${today} (cancel a placement that never began)`;
			throw new ApiError("unprocessable", `the end date ${message}`, {
				errors: [{ path: "body.endDate", message }],
			});
		}
		const [provision] = await tx
			.select()
			.from(provisions)
			.where(eq(provisions.id, before.provisionId));
		if (!provision) throw new Error(`placement ${id} lost its provision`);
		await lockSetting(tx, provision.settingUrn);
		const vacancy = await freePlace(tx, actor, provision, child.yearGroup, now);
		const [after] = await tx
			.update(placements)
			.set({
				status: close.kind === "end" ? "ended" : "cancelled",
				endedAt: close.kind === "end" ? new Date(`${endDate}T00:00:00Z`) : now,
				endReason: close.reason,
			})
			.where(eq(placements.id, id))
			.returning();
		await refreshChildStatus(tx, child.id, now);
		await audit(tx, actor, {
			action: `placement.${close.kind}`,
			entityType: "placement",
			entityId: id,
			before,
			after: { ...after, vacancy },
		});
		return { view: await viewOf(tx, id), vacancy };
	});
}

export async function listPlacements(
	db: Db,
	actor: Actor,
	f: { status?: string; limit: number; offset: number },
) {
	const borough = homeBoroughOf(actor.principal);
	const where = and(
		eq(placements.homeBorough, borough),
		f.status ? eq(placements.status, f.status) : undefined,
	);
	const [total] = await db.select({ n: sql<number>`count(*)::int` }).from(placements).where(where);
	const items = await views(db, where).limit(f.limit).offset(f.offset);
	return { total: Number(total?.n ?? 0), items };
}

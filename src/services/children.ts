import { and, eq, inArray } from "drizzle-orm";
import {
	ageOfYearGroup,
	children,
	postcodeDistricts,
	settings,
	type YearGroup,
} from "../../schema/index.js";
import type { Principal } from "../auth/claims.js";
import type { ChildInputT, ChildPatchT } from "../contracts/children.js";
import type { Db, Executor } from "../db/types.js";
import { ApiError } from "../http/problem.js";
import { checkIfMatch } from "./access.js";
import { type Actor, audit } from "./audit.js";
import { checkChildDates, londonDay } from "./child-dates.js";
import { defaultJourneyMinutes, loadPolicy } from "./policy.js";
import { describeResolved, resolveSuccessors } from "./urn-successors.js";
import { ageAtAugust31, yearGroupForAge } from "./year-group.js";

export type ChildRow = typeof children.$inferSelect;

export const childEtag = (c: ChildRow) => `"${c.id}-${c.version}"`;
const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** The panel's own borough; children are never visible to any other. */
export function homeBoroughOf(principal: Principal): string {
	if (principal.role !== "panel" || !principal.la)
		throw new ApiError("forbidden", "only a borough's panel sees its children");
	return principal.la;
}

async function resolveHome(db: Executor, home: ChildInputT["home"]) {
	if ("lat" in home)
		return { homeLat: round3(home.lat), homeLon: round3(home.lon), homeDistrict: null };
	const district = home.postcode.toUpperCase().replace(/\s+/g, "").slice(0, -3);
	const [d] = await db
		.select()
		.from(postcodeDistricts)
		.where(eq(postcodeDistricts.district, district));
	if (!d) {
		throw new ApiError("unprocessable", `postcode district ${district} is not one we can locate`, {
			errors: [
				{
					path: "body.home.postcode",
					message: `unknown postcode district ${district}; give coordinates`,
				},
			],
		});
	}
	return { homeLat: round3(d.lat), homeLon: round3(d.lon), homeDistrict: district };
}

/**
 * The preferences as stored: an old URN that GIAS links to a current school becomes that
 * school's (and is reported), an unknown one is a 422.
 */
async function checkPreferences(db: Executor, given: number[]) {
	if (given.length === 0) return { urns: given, resolved: [] };
	const successors = await resolveSuccessors(db, given);
	const urns = given.map((u) => successors.get(u)?.urn ?? u);
	const known = await db
		.select({ urn: settings.urn })
		.from(settings)
		.where(inArray(settings.urn, urns));
	const found = new Set(known.map((k) => k.urn));
	const errors = urns.flatMap((u, i) =>
		found.has(u) ? [] : [{ path: `body.preferences.${i}`, message: `no setting with URN ${u}` }],
	);
	if (errors.length)
		throw new ApiError("unprocessable", "a preference names no known setting", { errors });
	const resolved = given.flatMap((u) => {
		const r = successors.get(u);
		return r ? [{ from: r.from, urn: r.urn, message: describeResolved(r) }] : [];
	});
	return { urns: [...new Set(urns)], resolved };
}

function ageFields(input: { yearGroup?: YearGroup; dateOfBirth?: string }, now: Date) {
	if (input.dateOfBirth) {
		const age = ageAtAugust31(input.dateOfBirth, now);
		if (age < 0 || age > 25) {
			throw new ApiError("unprocessable", "the date of birth gives an age outside 0–25", {
				errors: [{ path: "body.dateOfBirth", message: `age ${age} at 31 August is outside 0–25` }],
			});
		}
		return { age, yearGroup: yearGroupForAge(age) };
	}
	if (input.yearGroup) return { age: ageOfYearGroup(input.yearGroup), yearGroup: input.yearGroup };
	return undefined;
}

/** One of the borough's children; another borough's answers 404 like a missing one. Not audited. */
export async function loadOwn(db: Executor, borough: string, id: string, lock = false) {
	const query = db
		.select()
		.from(children)
		.where(and(eq(children.id, id), eq(children.boroughCode, borough)));
	const [row] = lock ? await query.for("update") : await query;
	// Another borough's child answers exactly like a missing one: existence must not leak.
	if (!row) throw new ApiError("not_found", `no child ${id} in your borough`);
	return row;
}

export async function createChild(
	db: Db,
	actor: Actor,
	input: ChildInputT,
	now: Date,
): Promise<ChildRow> {
	const borough = homeBoroughOf(actor.principal);
	return db.transaction(async (tx) => {
		const [dup] = await tx
			.select({ id: children.id })
			.from(children)
			.where(and(eq(children.boroughCode, borough), eq(children.caseRef, input.caseRef)));
		if (dup)
			throw new ApiError(
				"conflict",
				`case reference ${input.caseRef} already exists in your borough (child ${dup.id})`,
			);
		const preferences = await checkPreferences(tx, input.preferences);
		checkChildDates(input, now);
		const ages = ageFields(input, now) as { age: number; yearGroup: YearGroup };
		const policy = await loadPolicy(tx);
		const [row] = await tx
			.insert(children)
			.values({
				boroughCode: borough,
				caseRef: input.caseRef,
				...ages,
				primaryNeed: input.primaryNeed,
				secondaryNeeds: input.secondaryNeeds,
				planLevel: input.planLevel,
				...(await resolveHome(tx, input.home)),
				maxJourneyMinutes: input.maxJourneyMinutes ?? defaultJourneyMinutes(policy, ages.age),
				preferences: preferences.urns,
				referredAt: input.referredAt ? new Date(input.referredAt) : now,
				planFinalisedOn: input.planFinalisedOn ?? null,
				searchStartedOn:
					input.searchStartedOn ?? londonDay(input.referredAt ? new Date(input.referredAt) : now),
				outOfEducationSince: input.outOfEducationSince ?? null,
				createdAt: now,
				updatedAt: now,
			})
			.returning();
		if (!row) throw new Error("child insert returned nothing");
		await audit(tx, actor, {
			action: "child.create",
			entityType: "child",
			entityId: row.id,
			after: row,
		});
		return Object.assign(row, { preferencesResolved: preferences.resolved });
	});
}

/**
 * One of the caller's own children, its read audited before it is returned (no transaction: the
 * read changes nothing, and an audit that fails fails the request, so no answer goes unaudited).
 */
export async function readChild(db: Db, actor: Actor, id: string): Promise<ChildRow> {
	const borough = homeBoroughOf(actor.principal);
	const row = await loadOwn(db, borough, id);
	await audit(db, actor, { action: "child.read", entityType: "child", entityId: id });
	return row;
}

export async function updateChild(
	db: Db,
	actor: Actor,
	id: string,
	patch: ChildPatchT,
	ifMatch: string | undefined,
	now: Date,
) {
	const borough = homeBoroughOf(actor.principal);
	return db.transaction(async (tx) => {
		const before = await loadOwn(tx, borough, id, true);
		checkIfMatch(ifMatch, childEtag(before));
		if (patch.caseRef && patch.caseRef !== before.caseRef) {
			const [dup] = await tx
				.select({ id: children.id })
				.from(children)
				.where(and(eq(children.boroughCode, borough), eq(children.caseRef, patch.caseRef)));
			if (dup)
				throw new ApiError(
					"conflict",
					`case reference ${patch.caseRef} already exists in your borough`,
				);
		}
		const preferences = patch.preferences
			? await checkPreferences(tx, patch.preferences)
			: undefined;
		checkChildDates(patch, now);
		const ages = ageFields(patch, now);
		const primary = patch.primaryNeed ?? before.primaryNeed;
		const secondary = patch.secondaryNeeds ?? before.secondaryNeeds;
		if (secondary.includes(primary)) {
			throw new ApiError("unprocessable", "secondary needs must not repeat the primary need", {
				errors: [{ path: "body.secondaryNeeds", message: "repeats the primary need" }],
			});
		}
		const [after] = await tx
			.update(children)
			.set({
				...(patch.caseRef ? { caseRef: patch.caseRef } : {}),
				...(ages ?? {}),
				primaryNeed: primary,
				secondaryNeeds: secondary,
				...(patch.planLevel ? { planLevel: patch.planLevel } : {}),
				...(patch.home ? await resolveHome(tx, patch.home) : {}),
				...(patch.maxJourneyMinutes ? { maxJourneyMinutes: patch.maxJourneyMinutes } : {}),
				...(preferences ? { preferences: preferences.urns } : {}),
				...(patch.planFinalisedOn !== undefined ? { planFinalisedOn: patch.planFinalisedOn } : {}),
				...(patch.searchStartedOn ? { searchStartedOn: patch.searchStartedOn } : {}),
				...(patch.outOfEducationSince !== undefined
					? { outOfEducationSince: patch.outOfEducationSince }
					: {}),
				version: before.version + 1,
				updatedAt: now,
			})
			.where(eq(children.id, id))
			.returning();
		await audit(tx, actor, {
			action: "child.update",
			entityType: "child",
			entityId: id,
			before,
			after,
		});
		return Object.assign(after as ChildRow, { preferencesResolved: preferences?.resolved ?? [] });
	});
}

/** Shapes a child for its home borough (the only audience it ever has). */
/** A preference given as an old URN, and the current school it was stored as. */
export interface ResolvedPreference {
	from: number;
	urn: number;
	message: string;
}

export function toChild(c: ChildRow & { preferencesResolved?: ResolvedPreference[] }) {
	return {
		id: c.id,
		caseRef: c.caseRef,
		borough: c.boroughCode,
		yearGroup: c.yearGroup,
		age: c.age,
		primaryNeed: c.primaryNeed,
		secondaryNeeds: c.secondaryNeeds,
		planLevel: c.planLevel,
		home: { lat: c.homeLat, lon: c.homeLon, district: c.homeDistrict },
		maxJourneyMinutes: c.maxJourneyMinutes,
		preferences: c.preferences,
		status: c.status as "awaiting" | "consulting" | "placed",
		referredAt: c.referredAt.toISOString(),
		planFinalisedOn: c.planFinalisedOn,
		searchStartedOn: c.searchStartedOn,
		outOfEducationSince: c.outOfEducationSince,
		synthetic: c.synthetic,
		version: c.version,
		updatedAt: c.updatedAt.toISOString(),
		...(c.preferencesResolved?.length ? { preferencesResolved: c.preferencesResolved } : {}),
	};
}

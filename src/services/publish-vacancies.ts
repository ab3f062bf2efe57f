import { and, asc, eq, inArray, or, sql } from "drizzle-orm";
import { provisions, settings, vacancies } from "../../schema/index.js";
import type { VacancyInputT } from "../contracts/registry.js";
import type { Db, Tx } from "../db/types.js";
import { ApiError, type FieldError } from "../http/problem.js";
import { assertBoroughWrite } from "./access.js";
import { type Actor, audit } from "./audit.js";
import {
	claimIdempotencyKey,
	requestHash,
	type StoredResponse,
	storeIdempotentResponse,
} from "./idempotency.js";
import { touchSetting } from "./settings-write.js";
import { describeResolved, resolveSuccessors } from "./urn-successors.js";
import { appendVacancyEvents, type VacancyChange } from "./vacancy-feed.js";

type ProvisionRow = typeof provisions.$inferSelect & {
	boroughCode: string;
	closedOn: string | null;
};

/** Locks the batch's settings (in URN order, so concurrent batches cannot deadlock) and reads their provisions. */
async function lockProvisions(tx: Tx, batch: VacancyInputT[]) {
	const urns = [...new Set(batch.map((v) => v.urn))].sort((a, b) => a - b);
	await tx
		.select({ urn: settings.urn })
		.from(settings)
		.where(inArray(settings.urn, urns))
		.orderBy(asc(settings.urn))
		.for("update");
	const rows = await tx
		.select({ p: provisions, boroughCode: settings.boroughCode, closedOn: settings.closedOn })
		.from(provisions)
		.innerJoin(settings, eq(settings.urn, provisions.settingUrn))
		.where(
			or(
				...batch.map((v) =>
					and(eq(provisions.settingUrn, v.urn), eq(provisions.code, v.provision)),
				),
			),
		);
	return new Map<string, ProvisionRow>(
		rows.map((r) => [
			`${r.p.settingUrn}/${r.p.code}`,
			{ ...r.p, boroughCode: r.boroughCode, closedOn: r.closedOn },
		]),
	);
}

/** Every row must name a known provision of the caller's borough, once, within its places. */
async function validateBatch(
	tx: Tx,
	actor: Actor,
	batch: VacancyInputT[],
	found: Map<string, ProvisionRow>,
) {
	const errors: FieldError[] = [];
	const seen = new Set<string>();
	batch.forEach((v, i) => {
		const key = `${v.urn}/${v.provision}`;
		const p = found.get(key);
		if (!p)
			errors.push({
				path: `body[${i}].provision`,
				message: `no provision ${v.provision} at setting ${v.urn}`,
			});
		else {
			assertBoroughWrite(actor.principal, p.boroughCode, `provision ${key} (row ${i})`);
			if (p.closedOn)
				errors.push({
					path: `body[${i}].urn`,
					message: `setting ${v.urn} closed on ${p.closedOn} (GIAS): it offers no places`,
				});
		}
		const slot = `${key}/${v.yearGroup ?? ""}`;
		if (seen.has(slot))
			errors.push({
				path: `body[${i}]`,
				message: `repeats ${key}${v.yearGroup ? ` ${v.yearGroup}` : ""}`,
			});
		seen.add(slot);
	});
	if (errors.length)
		throw new ApiError("unprocessable", errors.map((e) => `${e.path}: ${e.message}`).join("; "), {
			errors,
		});
	const ids = [...new Set([...found.values()].map((p) => p.id))];
	const current = await tx.select().from(vacancies).where(inArray(vacancies.provisionId, ids));
	for (const p of found.values()) {
		const slots = new Map(
			current.filter((c) => c.provisionId === p.id).map((c) => [c.yearGroup ?? "", c.count]),
		);
		for (const v of batch)
			if (v.urn === p.settingUrn && v.provision === p.code) slots.set(v.yearGroup ?? "", v.count);
		const total = [...slots.values()].reduce((a, b) => a + b, 0);
		if (total > p.places) {
			batch.forEach((v, i) => {
				if (v.urn === p.settingUrn && v.provision === p.code) {
					errors.push({
						path: `body[${i}].count`,
						message: `${total} vacancies would exceed the ${p.places} commissioned places of ${p.settingUrn}/${p.code}`,
					});
				}
			});
		}
	}
	if (errors.length)
		throw new ApiError("unprocessable", errors.map((e) => `${e.path}: ${e.message}`).join("; "), {
			errors,
		});
	return current;
}

/** Publishes a batch of vacancies, all or nothing, in one transaction; audited and fed. */
export async function publishVacancies(
	db: Db,
	actor: Actor,
	sent: VacancyInputT[],
	idempotencyKey: string | undefined,
	now: Date,
): Promise<StoredResponse> {
	const hash = idempotencyKey ? await requestHash(sent) : "";
	return db.transaction(async (tx) => {
		let claim: number | undefined;
		if (idempotencyKey) {
			const outcome = await claimIdempotencyKey(
				tx,
				`${actor.principal.subject}:POST /vacancies`,
				idempotencyKey,
				hash,
			);
			if ("replay" in outcome) return outcome.replay;
			claim = outcome.claimed;
		}
		// An old URN (GIAS predecessor) is published at the school that carries it on, saying so.
		const successors = await resolveSuccessors(
			tx,
			sent.map((v) => v.urn),
		);
		const batch = sent.map((v) => ({ ...v, urn: successors.get(v.urn)?.urn ?? v.urn }));
		const urnsResolved = sent.flatMap((v, index) => {
			const r = successors.get(v.urn);
			return r ? [{ index, from: r.from, urn: r.urn, message: describeResolved(r) }] : [];
		});
		const found = await lockProvisions(tx, batch);
		const current = await validateBatch(tx, actor, batch, found);
		const changes: VacancyChange[] = [];
		const items = [];
		for (const v of batch) {
			const p = found.get(`${v.urn}/${v.provision}`) as ProvisionRow;
			const before = current.find(
				(c) => c.provisionId === p.id && (c.yearGroup ?? null) === (v.yearGroup ?? null),
			);
			const [after] = await tx
				.insert(vacancies)
				.values({
					provisionId: p.id,
					yearGroup: v.yearGroup ?? null,
					count: v.count,
					availableFrom: v.availableFrom ?? null,
					updatedBy: actor.principal.subject,
					updatedAt: now,
				})
				.onConflictDoUpdate({
					target: [vacancies.provisionId, vacancies.yearGroup],
					set: {
						count: v.count,
						availableFrom: v.availableFrom ?? null,
						version: sql`${vacancies.version} + 1`,
						updatedBy: actor.principal.subject,
						updatedAt: now,
					},
				})
				.returning();
			if (!after) throw new Error("vacancy upsert returned nothing");
			changes.push({
				provisionId: p.id,
				yearGroup: after.yearGroup,
				count: after.count,
				previousCount: before?.count ?? null,
				availableFrom: after.availableFrom,
				source: "publication",
				actor: actor.principal.subject,
			});
			items.push({
				urn: v.urn,
				provision: v.provision,
				yearGroup: after.yearGroup,
				count: after.count,
				previousCount: before?.count ?? null,
				availableFrom: after.availableFrom,
				version: after.version,
			});
		}
		for (const urn of new Set(batch.map((v) => v.urn))) await touchSetting(tx, urn, now);
		const cursor = await appendVacancyEvents(tx, changes);
		await audit(
			tx,
			actor,
			items.map((item) => ({
				action: "vacancy.publish",
				entityType: "provision",
				entityId: `${item.urn}/${item.provision}`,
				before: { count: item.previousCount },
				after: item,
			})),
		);
		const response: StoredResponse = {
			status: 200,
			body: {
				published: items.length,
				items,
				cursor: String(cursor),
				...(urnsResolved.length ? { urnsResolved } : {}),
			},
		};
		if (claim !== undefined) await storeIdempotentResponse(tx, claim, response);
		return response;
	});
}

import { and, eq, sql } from "drizzle-orm";
import { idempotencyKeys } from "../../schema/index.js";
import type { Executor } from "../db/types.js";
import { ApiError } from "../http/problem.js";

/** SHA-256 of a value's canonical JSON (Web Crypto: the same on Node and Workers). */
export async function requestHash(value: unknown): Promise<string> {
	const bytes = new TextEncoder().encode(JSON.stringify(value));
	const digest = await crypto.subtle.digest("SHA-256", bytes);
	return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}

export interface StoredResponse {
	status: number;
	body: unknown;
}

/**
 * Claims an Idempotency-Key inside the caller's transaction. A concurrent request with the same
 * key waits on the unique index until the first commits, then sees its stored answer: a retry
 * replays it and applies nothing; the same key with another body is refused (422). If the first
 * request fails, its transaction (and claim) rolls back and a retry runs afresh.
 */
export async function claimIdempotencyKey(
	tx: Executor,
	scope: string,
	key: string,
	hash: string,
): Promise<{ replay: StoredResponse } | { claimed: number }> {
	const [claimed] = await tx
		.insert(idempotencyKeys)
		.values({ scope, key, requestHash: hash, status: 0, body: sql`'null'::json` })
		.onConflictDoNothing()
		.returning({ id: idempotencyKeys.id });
	if (claimed) return { claimed: claimed.id };
	const [existing] = await tx
		.select()
		.from(idempotencyKeys)
		.where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)));
	if (!existing)
		throw new ApiError(
			"conflict",
			"the Idempotency-Key is in use by a request still running; retry",
		);
	if (existing.requestHash !== hash) {
		throw new ApiError(
			"unprocessable",
			"this Idempotency-Key was used with a different request body",
			{
				errors: [{ path: "header.idempotency-key", message: "reused with a different body" }],
			},
		);
	}
	return { replay: { status: existing.status, body: existing.body } };
}

export async function storeIdempotentResponse(
	tx: Executor,
	id: number,
	response: StoredResponse,
): Promise<void> {
	await tx
		.update(idempotencyKeys)
		.set({ status: response.status, body: response.body })
		.where(eq(idempotencyKeys.id, id));
}

import { auditEvents } from "../../schema/index.js";
import type { Principal } from "../auth/claims.js";
import type { Executor } from "../db/types.js";

export interface AuditEntry {
	action: string;
	entityType: string;
	entityId: string;
	before?: unknown;
	after?: unknown;
}

export interface Actor {
	principal: Principal;
	requestId: string;
}

/** Records who did what to which record; runs inside the caller's transaction. */
export async function audit(
	db: Executor,
	actor: Actor,
	entries: AuditEntry | AuditEntry[],
): Promise<void> {
	const list = Array.isArray(entries) ? entries : [entries];
	if (list.length === 0) return;
	await db.insert(auditEvents).values(
		list.map((e) => ({
			actor: actor.principal.subject,
			role: actor.principal.role,
			boroughCode: actor.principal.la,
			action: e.action,
			entityType: e.entityType,
			entityId: e.entityId,
			before: e.before ?? null,
			after: e.after ?? null,
			requestId: actor.requestId,
		})),
	);
}

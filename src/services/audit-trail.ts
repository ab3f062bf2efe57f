import type { AuditFilterT } from "../contracts/audit-filter.js";
import type { Db } from "../db/types.js";
import { ApiError } from "../http/problem.js";
import { findAuditEvents } from "../queries/audit-trail.js";
import { type Actor, audit } from "./audit.js";

export type { AuditEventRow } from "../queries/audit-trail.js";

/** At most this many events in one CSV download: narrow the filter for more. */
export const AUDIT_CSV_LIMIT = 10_000;

/**
 * The audit trail for an admin. Its before and after hold children's records (pseudonymous, but
 * every borough's), so reading it is itself audited, with the filter used.
 */
export async function readAuditTrail(
	db: Db,
	actor: Actor,
	filter: AuditFilterT,
	page: { limit: number; offset: number },
) {
	if (actor.principal.role !== "admin")
		throw new ApiError("forbidden", "only an admin reads the audit trail");
	return db.transaction(async (tx) => {
		const found = await findAuditEvents(tx, filter, page);
		await audit(tx, actor, {
			action: "audit.list",
			entityType: "audit",
			entityId: "trail",
			after: { filter, ...page, total: found.total },
		});
		return found;
	});
}

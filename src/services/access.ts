import type { Principal } from "../auth/claims.js";
import { ApiError } from "../http/problem.js";

/** A publisher may write only its own borough's records; an admin may write any. */
export function assertBoroughWrite(principal: Principal, boroughCode: string, what: string): void {
	if (principal.role === "admin") return;
	if (principal.la !== boroughCode) {
		throw new ApiError(
			"forbidden",
			`${what} belongs to borough ${boroughCode}; a ${principal.role} of ${principal.la ?? "no borough"} may not change it`,
		);
	}
}

/** The strong ETag of a setting's representation (bumped by every write that changes it). */
export function settingEtag(urn: number, version: number): string {
	return `"${urn}-${version}"`;
}

/**
 * Checks an If-Match header against the current ETag (RFC 9110): absent → no condition;
 * `*` → the resource must exist; otherwise one of the listed tags must match exactly.
 */
export function checkIfMatch(header: string | undefined, current: string | undefined): void {
	if (header === undefined) return;
	const value = header.trim();
	if (value === "*") {
		if (current === undefined)
			throw new ApiError("precondition_failed", "If-Match: * but the resource does not exist");
		return;
	}
	const tags = value.split(",").map((t) => t.trim());
	if (current === undefined || !tags.includes(current)) {
		throw new ApiError(
			"precondition_failed",
			`If-Match ${value} does not match the current version${current ? ` ${current}` : " (the resource does not exist)"}; fetch it again`,
		);
	}
}

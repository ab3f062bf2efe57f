import type { Principal } from "../../../auth/claims.js";
import { ApiError } from "../../../http/problem.js";

/** The borough a publisher's pages show: its own (the token's `la`; a publisher always has one). */
export function publisherBorough(p: Principal): string {
	if (p.role !== "publisher" || !p.la)
		throw new ApiError("forbidden", "these pages are for a borough's publisher");
	return p.la;
}

import type { AllocationResult } from "../../../solver/index.js";
import { canonicalAllocation, canonicalJson } from "../../../solver/index.js";

/** sha-256 as lower-case hex (Web Crypto: the same on Node and on Workers). */
export async function sha256Hex(text: string): Promise<string> {
	const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
	return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** The hash of an instance as it is stored: after a JSON round trip, keys sorted. */
export const inputHashOf = (input: unknown) =>
	sha256Hex(canonicalJson(JSON.parse(JSON.stringify(input))));

export const allocationHashOf = (result: Pick<AllocationResult, "placements" | "unplaced">) =>
	sha256Hex(canonicalAllocation(result));

import type { Principal } from "../../auth/claims.js";

/** The longest a checked session is trusted without decrypting and verifying it again. */
const RECHECK_MS = 5 * 60_000;
/** Enough for every officer signed in to one instance; the oldest entry goes first. */
const MAX_ENTRIES = 5_000;

interface Entry {
	principal: Principal;
	until: number;
}

/**
 * Who a sealed session cookie names, remembered by the cookie's exact text: decrypting the
 * cookie and verifying the token inside cost more than rendering a small page, and a browser
 * sends the same cookie on every request. An entry ends at the cookie's or the token's expiry,
 * or after RECHECK_MS (so a signing key withdrawn from a JWKS stops being trusted soon), whichever
 * is first. Only a cookie that checked out is remembered; anything else is checked every time.
 */
export class SessionCache {
	private readonly entries = new Map<string, Entry>();

	constructor(private readonly clock: () => number = Date.now) {}

	get(sealed: string): Principal | undefined {
		const entry = this.entries.get(sealed);
		if (!entry) return undefined;
		if (entry.until > this.clock()) return entry.principal;
		this.entries.delete(sealed);
		return undefined;
	}

	/** `expiresAt` in seconds since the epoch (a JWT's `exp`), each optional. */
	set(sealed: string, principal: Principal, ...expiresAt: (number | undefined)[]): void {
		const now = this.clock();
		const until = Math.min(
			now + RECHECK_MS,
			...expiresAt.filter((e): e is number => typeof e === "number").map((e) => e * 1000),
		);
		if (until <= now) return;
		this.entries.delete(sealed);
		this.entries.set(sealed, { principal, until });
		if (this.entries.size > MAX_ENTRIES) {
			const oldest = this.entries.keys().next().value;
			if (oldest !== undefined) this.entries.delete(oldest);
		}
	}

	get size(): number {
		return this.entries.size;
	}
}

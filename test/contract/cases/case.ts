import type { World } from "../world.js";

/** One request that must get one documented status of one operation. */
export interface StatusCase {
	op: string;
	status: number;
	why: string;
	send: (w: World) => Promise<Response>;
}

/** Sends a request twice: the first must get `expected`; the second's answer is the case's. */
export async function twice(send: () => Promise<Response>, expected: number) {
	const res = await send();
	if (res.status !== expected) throw new Error(`the first request got ${res.status}`);
	return send();
}

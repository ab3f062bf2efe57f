import type { Role } from "../../src/auth/claims.js";
import type { TestContext } from "../support/app.js";
import { bearer, type TokenOptions } from "../support/auth.js";

/** Bedelsford School, a Kingston special academy (ASD/SLCN, 3–18) in the demo scenario. */
export const BEDELSFORD = { urn: 142687, provision: "SS" };
export const UNKNOWN_ID = "00000000-0000-4000-8000-000000000001";

/**
 * Requests and the records the status cases need, each made fresh by the case that asks. `idle`
 * is the same app on the same database, except that work deferred to the background never runs:
 * a large matching round stays queued, so the answers that depend on that are certain.
 */
export function worldOf(t: TestContext, idle: TestContext["app"]) {
	let seq = 0;
	const as = (role: Role, options: TokenOptions = {}) => bearer(t.keys, role, options);
	const panel = () => as("panel", { la: "314" });
	const send = async (
		method: string,
		path: string,
		role: Promise<Record<string, string>>,
		body?: unknown,
		headers: Record<string, string> = {},
	) => t.send(method, path, body, { ...(await role), ...headers });
	const idOf = async (res: Response, status: number) => {
		if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}`);
		return ((await res.json()) as { id: string }).id;
	};

	const child = async (extra: object = {}) =>
		idOf(
			await send("POST", "/children", panel(), {
				caseRef: `314-STATUS-${++seq}`,
				yearGroup: "Y3",
				primaryNeed: "ASD",
				planLevel: "special_school",
				home: { lat: 51.41, lon: -0.3 },
				...extra,
			}),
			201,
		);
	const consultation = async () =>
		idOf(
			await send("POST", "/consultations", panel(), { childId: await child(), ...BEDELSFORD }),
			201,
		);
	const agreed = async () => {
		const id = await consultation();
		const school = as("setting", { urn: BEDELSFORD.urn });
		const answer = { canMeetNeed: true, hasCapacity: true };
		await idOf(await send("POST", `/consultations/${id}/answer`, school, answer), 200);
		return id;
	};
	/** A placement that began today, on a place published free now. */
	const placement = async () => {
		const places = [{ ...BEDELSFORD, count: 5 }];
		const published = await send("POST", "/vacancies", as("admin"), places);
		if (published.status !== 200) throw new Error(`publishing got ${published.status}`);
		const body = { consultationId: await agreed(), startDate: "2026-09-01" };
		return idOf(await send("POST", "/placements", panel(), body), 201);
	};
	const run = async () => {
		const body = { scope: { childIds: [await child()] } };
		return idOf(await send("POST", "/matching-runs", panel(), body), 201);
	};
	const sendIdle = async (
		method: string,
		path: string,
		role: Promise<Record<string, string>>,
		body?: unknown,
	) =>
		idle.request(path, {
			method,
			headers: { "content-type": "application/json", ...(await role) },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
	return {
		as,
		panel,
		send,
		sendIdle,
		child,
		consultation,
		agreed,
		placement,
		run,
		db: t.database.db,
	};
}

export type World = ReturnType<typeof worldOf>;

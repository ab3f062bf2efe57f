import { exportJWK, generateKeyPair, SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import type { Role } from "../../src/auth/claims.js";
import { useTestApp } from "../support/app.js";
import { bearer, TEST_AUDIENCE, TEST_ISSUER, tokenFor } from "../support/auth.js";

const t = useTestApp();

/** The secured write routes, each with a body that would succeed for a Kingston publisher. */
const KINGSTON_SETTING = 142_698; // Dysart School
const routes = [
	{
		name: "PUT /settings/{urn}",
		method: "PUT",
		path: `/settings/${KINGSTON_SETTING}`,
		body: {
			name: "Dysart School",
			borough: "314",
			giasType: "Academy special converter",
			phase: "Not applicable",
			ageRange: { min: 4, max: 18 },
			postcode: "KT6 6HL",
		},
	},
	{
		name: "PUT /settings/{urn}/provisions/{code}",
		method: "PUT",
		path: `/settings/${KINGSTON_SETTING}/provisions/AUTH-T`,
		body: {
			name: "Test base",
			level: "special_academy",
			needTypes: ["SLD"],
			ageRange: { min: 5, max: 16 },
			places: 4,
			annualCost: { placeFunding: 10000, topUp: 15000 },
		},
	},
	{
		name: "POST /vacancies",
		method: "POST",
		path: "/vacancies",
		body: [{ urn: KINGSTON_SETTING, provision: "AUTH-T", count: 1 }],
	},
];

/** Who may call a registry write: a publisher of its own borough and an admin. */
const table: { who: string; role: Role; la?: string; urn?: number; expected: number[] }[] = [
	{ who: "Kingston publisher", role: "publisher", la: "314", expected: [200, 201] },
	{ who: "admin", role: "admin", expected: [200, 201] },
	{ who: "Richmond publisher", role: "publisher", la: "318", expected: [403] },
	{ who: "Kingston panel", role: "panel", la: "314", expected: [403] },
	{ who: "commissioner", role: "commissioner", la: "314", expected: [403] },
	{ who: "setting", role: "setting", urn: KINGSTON_SETTING, expected: [403] },
];

describe.each(routes)("$name", (route) => {
	const call = (headers: Record<string, string>) =>
		t.send(route.method, route.path, route.body, headers);

	it("answers 401 with a Bearer challenge when there is no token", async () => {
		const res = await call({});
		expect(res.status).toBe(401);
		expect(res.headers.get("www-authenticate")).toMatch(/^Bearer realm=/);
		expect(res.headers.get("content-type")).toContain("application/problem+json");
	});

	it.each([
		[
			"an expired token",
			() =>
				tokenFor(t.keys, "publisher", {
					la: "314",
					ttlSeconds: 60,
					now: new Date(Date.now() - 3_600_000),
				}),
		],
		[
			"a wrong audience",
			() => tokenFor(t.keys, "publisher", { la: "314", audience: "someone-else" }),
		],
		[
			"a wrong issuer",
			() => tokenFor(t.keys, "publisher", { la: "314", issuer: "https://evil.example" }),
		],
		["a publisher without a borough", () => tokenFor(t.keys, "publisher")],
		["garbage", async () => "not.a.jwt"],
		[
			"a key we do not trust",
			async () => {
				const { privateKey, publicKey } = await generateKeyPair("ES256");
				void (await exportJWK(publicKey));
				return new SignJWT({ role: "admin" })
					.setProtectedHeader({ alg: "ES256", kid: "test-key" })
					.setSubject("mallory")
					.setIssuer(TEST_ISSUER)
					.setAudience(TEST_AUDIENCE)
					.setExpirationTime("1h")
					.sign(privateKey);
			},
		],
		[
			"an unsigned token (alg none)",
			async () =>
				`${btoa(JSON.stringify({ alg: "none" }))}.${btoa(JSON.stringify({ role: "admin", sub: "x", iss: TEST_ISSUER, aud: TEST_AUDIENCE, exp: 9e9 }))}.`,
		],
	])("answers 401 invalid_token for %s", async (_, make) => {
		const res = await call({ authorization: `Bearer ${await make()}` });
		expect(res.status).toBe(401);
		expect(res.headers.get("www-authenticate")).toMatch(/error="invalid_(token|request)"/);
	});

	it.each(table)("$who → $expected", async ({ role, la, urn, expected }) => {
		const res = await call(await bearer(t.keys, role, { la, urn }));
		expect(expected).toContain(res.status);
	});
});

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { useTestApp } from "../support/app.js";
import { bearer } from "../support/auth.js";
import { registryCounts } from "../support/snapshot.js";

const t = useTestApp();
const KINGSTON = "314";
const NUL = "\u0000";

const setting = {
	name: "Kingston Hardening Academy",
	borough: KINGSTON,
	giasType: "Academy converter",
	phase: "Primary",
	ageRange: { min: 4, max: 10 },
	postcode: "KT1 2AB",
};
const provision = {
	name: "ASD resource base",
	level: "resourced_provision",
	needTypes: ["ASD"],
	ageRange: { min: 4, max: 10 },
	places: 12,
	annualCost: { placeFunding: 6000, topUp: 9000 },
};

interface Problem {
	status: number;
	code: string;
	detail: string;
	errors?: { path: string; message: string }[];
}

const publisher = () => bearer(t.keys, "publisher", { la: KINGSTON });

/** Expects a 400 naming exactly `paths`, with the registry unchanged. */
async function expectNulRefused(request: () => Promise<Response>, paths: string[]) {
	const before = await registryCounts(t.database.db);
	const res = await request();
	expect(res.status).toBe(400);
	expect(res.headers.get("content-type")).toContain("application/problem+json");
	const problem = (await res.json()) as Problem;
	expect(problem.code).toBe("validation_failed");
	expect(problem.errors?.map((e) => e.path)).toEqual(paths);
	expect(problem.errors?.[0]?.message).toContain("NUL");
	expect(await registryCounts(t.database.db)).toEqual(before);
	return problem;
}

describe("a NUL byte in any text field is a 400 naming the field, and writes nothing", () => {
	it.each([
		["name", { ...setting, name: `Kingston${NUL}Academy` }, ["body.name"]],
		["GIAS type", { ...setting, giasType: `Academy${NUL}` }, ["body.giasType"]],
		["phase", { ...setting, phase: `${NUL}Primary` }, ["body.phase"]],
		[
			"name and postcode",
			{ ...setting, name: `a${NUL}`, postcode: `KT1${NUL}2AB` },
			["body.name", "body.postcode"],
		],
	])("PUT /settings/{urn}: %s", async (_what, body, paths) => {
		await expectNulRefused(
			async () => t.send("PUT", "/settings/990711", body, await publisher()),
			paths,
		);
		expect((await t.get("/settings/990711")).status).toBe(404);
	});

	it("PUT a provision: its name, and a need type in a list", async () => {
		const created = await t.send("PUT", "/settings/990712", setting, await publisher());
		expect(created.status).toBe(201);
		await expectNulRefused(
			async () =>
				t.send(
					"PUT",
					"/settings/990712/provisions/ASD-RP",
					{ ...provision, name: `ASD${NUL}base`, needTypes: ["ASD", `SLCN${NUL}`] },
					await publisher(),
				),
			["body.name", "body.needTypes.1"],
		);
		expect((await t.get("/settings/990712/provisions/ASD-RP")).status).toBe(404);
	});

	it("a key holding a NUL is named too (quoted), and a provision code in the path", async () => {
		await expectNulRefused(
			async () =>
				t.send("PUT", "/settings/990713", { ...setting, [`x${NUL}`]: 1 }, await publisher()),
			[`body.${JSON.stringify(`x${NUL}`)}`],
		);
		await expectNulRefused(
			async () => t.send("PUT", "/settings/990712/provisions/A%00B", provision, await publisher()),
			["path"],
		);
	});

	it("in a query parameter", async () => {
		const panel = await bearer(t.keys, "panel", { la: KINGSTON });
		const res = await t.get("/children?need=ASD&q=314%00", panel);
		expect(res.status).toBe(400);
		const problem = (await res.json()) as Problem;
		expect(problem.errors?.map((e) => e.path)).toEqual(["query.q"]);
	});

	it("in an imported JSON setting", async () => {
		const body = { settings: [{ urn: 990_714, ...setting, provisions: [] }] };
		body.settings[0] = { ...body.settings[0], name: `x${NUL}` } as (typeof body.settings)[0];
		await expectNulRefused(
			async () =>
				t.app.request("/settings/import", {
					method: "POST",
					headers: { ...(await publisher()), "content-type": "application/json" },
					body: JSON.stringify(body),
				}),
			["body.settings.0.name"],
		);
	});

	it("in an imported GIAS CSV: the data row and column, UTF-8 and windows-1252 alike", async () => {
		const fixture = readFileSync(
			new URL("../fixtures/import/gias-kingston.csv", import.meta.url),
			"utf8",
		).split(/\r?\n/);
		const [header = "", first = "", second = "", ...rest] = fixture;
		const broken = [
			header,
			first.replace("Hogsmill Valley School", `Hogsmill${NUL}Valley`),
			second.replace("Community school", `Community${NUL}school`),
			...rest,
		].join("\r\n");
		for (const contentType of ["text/csv", "text/csv; charset=windows-1252"]) {
			const problem = await expectNulRefused(
				async () =>
					t.app.request("/settings/import", {
						method: "POST",
						headers: { ...(await publisher()), "content-type": contentType },
						body: broken,
					}),
				["rows[1].EstablishmentName", "rows[2].TypeOfEstablishment (name)"],
			);
			expect(problem.detail).toContain("rows[1].EstablishmentName");
		}
	});
});

describe("headers on every answer", () => {
	it("X-Content-Type-Options: nosniff on JSON, problems, CSV, the document, assets and 404s", async () => {
		const token = await bearer(t.keys, "commissioner");
		const answers = [
			await t.get("/health"),
			await t.get("/boroughs"),
			await t.get("/openapi.json"),
			await t.get("/docs"),
			await t.get("/no-such-route"),
			await t.get("/children"),
			await t.get("/sufficiency?format=csv", token),
			await t.send("PUT", "/settings/1", "{broken"),
		];
		for (const res of answers) {
			expect(res.headers.get("x-content-type-options"), res.url).toBe("nosniff");
		}
		expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200, 404, 401, 200, 401]);
	});

	it("a 413 says Connection: close (the rest of the body is never read)", async () => {
		const res = await t.send(
			"PUT",
			"/settings/990715",
			{ ...setting, name: "x".repeat(70_000) },
			await publisher(),
		);
		expect(res.status).toBe(413);
		expect(res.headers.get("connection")).toBe("close");
		expect(res.headers.get("x-content-type-options")).toBe("nosniff");
		expect(((await res.json()) as Problem).code).toBe("payload_too_large");
		expect((await t.get("/settings/990715")).status).toBe(404);
	});
});

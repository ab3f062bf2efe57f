import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { useTestApp } from "../support/app.js";
import { bearer } from "../support/auth.js";

const t = useTestApp();

const MONEY = /(cost|pays|fee|topup|placefunding|transport|saving|price|objective|bound|average)$/i;

/** Every journey-minute figure is to a tenth, every money figure whole pounds, anywhere in it. */
function unroundedFigures(value: unknown, path = "", out: string[] = []): string[] {
	if (typeof value === "number") {
		const key = path.slice(path.lastIndexOf(".") + 1);
		if (/minutes/i.test(key) && Math.round(value * 10) / 10 !== value) out.push(`${path}=${value}`);
		if (MONEY.test(key) && !Number.isInteger(value)) out.push(`${path}=${value}`);
	} else if (value && typeof value === "object") {
		for (const [k, v] of Object.entries(value)) unroundedFigures(v, `${path}.${k}`, out);
	}
	return out;
}

describe("figures a person reads are rounded: whole pounds, minutes to a tenth", () => {
	it("in a run, its proposals (JSON and CSV alike), options and a what-if", async () => {
		const admin = await bearer(t.keys, "admin");
		const started = await t.send(
			"POST",
			"/matching-runs",
			{ scope: { boroughs: ["306", "314", "318"] } },
			admin,
		);
		expect(started.status).toBe(201);
		const run = (await started.json()) as { id: string };
		const detail = await (await t.get(`/matching-runs/${run.id}`, admin)).json();
		expect(unroundedFigures(detail)).toEqual([]);
		const proposals = (await (await t.get(`/matching-runs/${run.id}/proposals`, admin)).json()) as {
			items: { proposalId: string; journeyMinutes: number | null }[];
		};
		expect(unroundedFigures(proposals)).toEqual([]);
		const csv = await (await t.get(`/matching-runs/${run.id}/proposals?format=csv`, admin)).text();
		const [columns, ...rows] = parse(csv) as string[][];
		expect(columns?.[0]).toBe("proposalId");
		const minutesAt = columns?.indexOf("journeyMinutes") as number;
		const fromCsv = new Map(rows.map((cells) => [cells[0], cells[minutesAt]]));
		expect(fromCsv.size).toBe(proposals.items.length);
		for (const p of proposals.items) {
			expect(fromCsv.get(p.proposalId)).toBe(
				p.journeyMinutes === null ? "" : String(p.journeyMinutes),
			);
		}

		const panel = await bearer(t.keys, "panel", { la: "314" });
		const kids = (await (await t.get("/children?limit=3", panel)).json()) as {
			items: { id: string }[];
		};
		for (const kid of kids.items) {
			const options = await (await t.get(`/children/${kid.id}/options`, panel)).json();
			expect(unroundedFigures(options)).toEqual([]);
		}

		const whatIf = await t.send(
			"POST",
			"/sufficiency/what-if",
			{
				scope: { boroughs: ["306", "314", "318"] },
				changes: [
					{
						kind: "new-provision",
						borough: "306",
						location: { lat: 51.372, lon: -0.098 },
						level: "special_academy",
						needTypes: ["ASD"],
						ageRange: { min: 4, max: 18 },
						places: 40,
						annualCost: { placeFunding: 10000, topUp: 17000 },
					},
				],
			},
			await bearer(t.keys, "commissioner"),
		);
		expect(whatIf.status).toBe(200);
		expect(unroundedFigures(await whatIf.json())).toEqual([]);
	});
});

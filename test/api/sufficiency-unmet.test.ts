import { describe, expect, it } from "vitest";
import { useTestApp } from "../support/app.js";
import { bearer } from "../support/auth.js";
import { type Report, sufficiencyClient } from "../support/sufficiency.js";

const t = useTestApp();
const { report } = sufficiencyClient(t);
const admin = () => bearer(t.keys, "admin");
type WithMatching = Report & { matching: { finishedRuns: number; note: string } };

describe("GET /sufficiency before and after the first matching run", () => {
	it("says unmet need is not known yet (null), never 0, while no run has finished", async () => {
		const r = (await report("area=borough", await admin())) as WithMatching;
		expect(r.matching.finishedRuns).toBe(0);
		expect(r.matching.note).toMatch(/No matching run has finished yet/);
		expect(r.totals.awaiting).toBeGreaterThan(0);
		expect(r.totals.unmet).toBeNull();
		expect(r.totals.notYetMatched).toBe(r.totals.awaiting);
		for (const row of r.rows.filter((x) => (x.awaiting ?? 0) > 0)) expect(row.unmet).toBeNull();
	});

	it("counts unmet for the children a run tried to place, and the rest as not yet matched", async () => {
		const panel = await bearer(t.keys, "panel", { la: "314" });
		const run = await t.send("POST", "/matching-runs", {}, panel);
		expect(run.status).toBe(201);
		const { figures } = (await run.json()) as { figures: { unplaced: number } };
		const r = (await report("area=borough", await admin())) as WithMatching;
		expect(r.matching.finishedRuns).toBe(1);
		const kingston = r.rows.find((x) => x.area?.code === "314");
		expect(kingston?.notYetMatched).toBe(0);
		expect(kingston?.unmet).toBe(figures.unplaced);
		const others = r.rows.filter((x) => x.area?.code !== "314" && (x.awaiting ?? 0) > 0);
		for (const row of others)
			expect(row).toMatchObject({ unmet: null, notYetMatched: row.awaiting });
		expect(r.totals.unmet).toBe(figures.unplaced);
		expect(r.totals.notYetMatched).toBe((r.totals.awaiting ?? 0) - (kingston?.awaiting ?? 0));
	});
});

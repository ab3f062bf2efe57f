import { describe, expect, it } from "vitest";
import type { Principal } from "../../src/auth/claims.js";
import { suppressWhatIfRows } from "../../src/services/what-if-suppress.js";

type Rows = Parameters<typeof suppressWhatIfRows>[0];

const figures = (placed: number, unplaced: number) => ({
	annualCost: placed * 40_000,
	journeyMinutes: placed * 25,
	placed,
	unplaced,
});
const row = (borough: string, placed: number, unplaced: number) => ({
	borough,
	name: borough,
	baseline: figures(placed, unplaced),
	scenario: figures(placed, unplaced),
	change: figures(0, 0),
});
const viewer = (role: Principal["role"], la: string | null): Principal => ({
	subject: "t",
	role,
	la,
	urn: null,
	joint: null,
});

describe("what-if suppression", () => {
	const rows: Rows = [row("301", 3, 0), row("302", 0, 0), row("303", 12, 7), row("314", 2, 1)];

	it("hides other boroughs' counts of 1–4, never the viewer's own, and nothing for an admin", () => {
		const out = suppressWhatIfRows(rows, viewer("commissioner", "314"));
		const by = new Map(out.map((r) => [r.borough, r]));
		expect(by.get("301")?.baseline.placed).toBeNull();
		expect(by.get("301")?.suppressed).toContain("placed");
		expect(by.get("314")?.baseline).toMatchObject({ placed: 2, unplaced: 1 });
		expect(
			suppressWhatIfRows(rows, viewer("admin", null)).every((r) => r.suppressed.length === 0),
		).toBe(true);
	});

	it("hides a second, non-zero count when only one is hidden (a hidden zero protects nothing)", () => {
		const out = suppressWhatIfRows(rows, viewer("commissioner", "314"));
		const hiddenPlaced = out.filter((r) => r.suppressed.includes("placed")).map((r) => r.borough);
		expect(hiddenPlaced.sort()).toEqual(["301", "303"]);
		expect(out.find((r) => r.borough === "302")?.baseline.placed).toBe(0);
	});
});

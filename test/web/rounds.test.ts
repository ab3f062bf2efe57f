import { describe, expect, it } from "vitest";
import { useWebApp } from "../support/web.js";

// Background work waits here until the test lets it run, so the page can be seen mid-round.
const held: (() => Promise<void>)[] = [];
const t = useWebApp({ defer: (task) => held.push(task) });

async function runHeld() {
	while (held.length) await held.shift()?.();
}

describe("a round's pages", () => {
	it("show a progress bar (and its JSON for the page's script) until the round is done", async () => {
		const b = t.browser();
		await b.signIn("panel", "314");
		const start = await b.post("/panel/rounds", {});
		expect(start.status).toBe(303);
		const path = start.headers.get("location") ?? "";
		expect(path).toMatch(/^\/panel\/rounds\/[0-9a-f-]{36}$/);
		const waiting = await (await b.get(path)).text();
		expect(waiting).toContain("The round is solving");
		expect(waiting).toMatch(
			/<progress id="run-progress" class="app-progress" max="100" value="0" data-run-progress="\/panel\/rounds\/[0-9a-f-]{36}\/progress">/,
		);
		const progress = await b.get(`${path}/progress`);
		expect(progress.headers.get("cache-control")).toBe("no-store");
		expect(await progress.json()).toEqual({ status: "queued", progress: 0 });
		await runHeld();
		expect(await (await b.get(`${path}/progress`)).json()).toEqual({
			status: "done",
			progress: 100,
		});
		const result = await (await b.get(path)).text();
		expect(result).toContain("Proven optimal");
		const richmond = t.browser();
		await richmond.signIn("panel", "313");
		expect((await richmond.get(path)).status).toBe(404);
	});

	it("let a joint panel choose its partnership's boroughs, and refuse one outside it", async () => {
		const b = t.browser();
		await b.signIn("panel", "314", { joint: "south-london-commissioning-programme" });
		const page = await (await b.get("/panel/rounds")).text();
		expect(page).toContain('name="boroughs" type="checkbox" value="318" checked=""');
		const start = await b.post("/panel/rounds", { boroughs: ["314", "318"] });
		expect(start.status).toBe(303);
		await runHeld();
		const result = await (await b.get(start.headers.get("location") ?? "")).text();
		expect(result).toContain("Kingston upon Thames, Richmond upon Thames");
		// Fair shares: each borough this round against alone, the guarantee's price beside it.
		expect(result).toContain("Each borough: this round against matching alone");
		expect(result).toContain("The no-borough-worse-off guarantee was on");
		const row = (name: string) =>
			[
				...(
					result.match(
						new RegExp(`<th scope="row" class="govuk-table__header">${name}</th>(.*?)</tr>`, "s"),
					)?.[1] ?? ""
				).matchAll(/<td[^>]*>([^<]*)<\/td>/g),
			].map((m) => m[1]);
		const kingston = row("Kingston upon Thames");
		expect(kingston).toHaveLength(7);
		const [children, placed, alone] = kingston.map(Number);
		expect(placed).toBeGreaterThanOrEqual(alone as number);
		expect(children).toBeGreaterThan(0);
		for (const cell of row("Richmond upon Thames").slice(0, 5))
			expect(cell === "hidden" || cell === "0" || Number(cell) > 4, cell).toBe(true);
		const outside = await b.post("/panel/rounds", { boroughs: ["314", "202"] });
		expect(outside.status).toBe(403);
		expect(await outside.text()).toContain("not in partnership");
		expect(held).toHaveLength(0);
	});
});

import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { costDefaults } from "../../schema/index.js";
import { useTestApp } from "../support/app.js";
import { bearer } from "../support/auth.js";

const t = useTestApp();

interface Options {
	options: {
		urn: number;
		provision: string;
		borough: string;
		vacancy: { freeNow: number };
		journey: { minutes: number };
		cost: { valueOfTime: number };
	}[];
}

describe("ranked options read the current supply", () => {
	it("show a vacancy published a moment ago (the supply snapshot is renewed by any write)", async () => {
		const panel = await bearer(t.keys, "panel", { la: "314" });
		const list = (await (await t.get("/children?limit=1&need=ASD", panel)).json()) as {
			items: { id: string }[];
		};
		const id = list.items[0]?.id;
		const before = (await (await t.get(`/children/${id}/options`, panel)).json()) as Options;
		const first = before.options[0];
		expect(first).toBeDefined();
		const publisher = await bearer(t.keys, "publisher", { la: first?.borough });
		const target = (first?.vacancy.freeNow ?? 0) === 0 ? 1 : 0;
		const published = await t.send(
			"POST",
			"/vacancies",
			[{ urn: first?.urn, provision: first?.provision, count: target }],
			publisher,
		);
		expect(published.status, await published.clone().text()).toBeLessThan(300);
		const after = (await (
			await t.get(`/children/${id}/options?limit=50`, panel)
		).json()) as Options;
		const same = after.options.find(
			(o) => o.urn === first?.urn && o.provision === first?.provision,
		);
		// With no place free the provision may drop out of the first 50; when shown, it says so.
		if (target === 1) expect(same?.vacancy.freeNow).toBe(1);
		else expect(same === undefined || same.vacancy.freeNow === 0).toBe(true);
		expect(after).not.toEqual(before);
	});

	it("follow a change of the cost defaults at once (the policy is part of the snapshot's key)", async () => {
		const panel = await bearer(t.keys, "panel", { la: "314" });
		const list = (await (await t.get("/children?limit=1&need=ASD", panel)).json()) as {
			items: { id: string }[];
		};
		const id = list.items[0]?.id;
		const read = async () =>
			(await (await t.get(`/children/${id}/options?limit=50`, panel)).json()) as Options;
		const [row] = await t.database.db
			.select()
			.from(costDefaults)
			.where(eq(costDefaults.key, "valueOfTimePerMinute"));
		const stored = row?.value as { value: number };
		const before = await read();
		await t.database.db
			.update(costDefaults)
			.set({ value: { ...stored, value: stored.value * 2 } })
			.where(eq(costDefaults.key, "valueOfTimePerMinute"));
		try {
			const after = await read();
			expect(after.options.length).toBeGreaterThan(0);
			for (const o of after.options) {
				const was = before.options.find((b) => b.urn === o.urn && b.provision === o.provision);
				if (was && was.cost.valueOfTime > 0)
					// Each is rounded to whole pounds: twice the rate is within £1 of twice the figure.
					expect(Math.abs(o.cost.valueOfTime - was.cost.valueOfTime * 2)).toBeLessThanOrEqual(1);
			}
		} finally {
			await t.database.db
				.update(costDefaults)
				.set({ value: stored })
				.where(eq(costDefaults.key, "valueOfTimePerMinute"));
		}
		expect(await read()).toEqual(before);
	});
});

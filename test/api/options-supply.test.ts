import { describe, expect, it } from "vitest";
import { useTestApp } from "../support/app.js";
import { bearer } from "../support/auth.js";

const t = useTestApp();

interface Options {
	options: { urn: number; provision: string; borough: string; vacancy: { freeNow: number } }[];
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
});

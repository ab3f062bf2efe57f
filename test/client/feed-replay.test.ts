import { expect, it } from "vitest";
import { useTestApp } from "../support/app.js";
import { clientAs, expectStatus } from "./client.js";

const t = useTestApp();

it("replaying the change feed from since=0 gives exactly the vacancies GET /vacancies lists", async () => {
	const api = await clientAs(t);
	const publisher = await clientAs(t, "publisher", { la: "314" });
	// A change on top of the loaded data: a Kingston special school's places published anew.
	const published = await publisher.POST("/vacancies", {
		body: [{ urn: 142687, provision: "SS", count: 1, yearGroup: "Y9" }],
	});
	expectStatus(published, 200);

	const replayed = new Map<string, { count: number; availableFrom: string | null }>();
	let since = "0";
	let pages = 0;
	for (;;) {
		const page = expectStatus(
			await api.GET("/vacancies/changes", { params: { query: { since, limit: 1000 } } }),
			200,
		);
		pages += 1;
		for (const e of page.events) {
			expect(Number(e.cursor)).toBeGreaterThan(Number(since)); // ordered, nothing repeated
			since = e.cursor;
			replayed.set(`${e.urn}/${e.provision}/${e.yearGroup}`, e);
		}
		expect(page.nextCursor).toBe(since);
		if (page.events.length < 1000) break;
	}
	expect(pages).toBeGreaterThan(0);

	const listed = new Map<string, { count: number; availableFrom: string | null }>();
	for (let offset = 0; ; offset += 500) {
		const page = expectStatus(
			await api.GET("/vacancies", { params: { query: { limit: 500, offset } } }),
			200,
		);
		for (const v of page.items) listed.set(`${v.urn}/${v.provision}/${v.yearGroup}`, v);
		if (offset + 500 >= page.total) break;
	}
	// GET /vacancies lists the rows with places free; the feed also says when a row fell to 0.
	const free = [...replayed].filter(([, e]) => e.count > 0);
	expect(free.length).toBe(listed.size);
	expect(listed.size).toBeGreaterThan(100);
	for (const [key, e] of free) {
		expect(listed.get(key), key).toMatchObject({ count: e.count, availableFrom: e.availableFrom });
	}
	expect(replayed.get("142687/SS/Y9")?.count).toBe(1);
});

import { describe, expect, it } from "vitest";
import { openPglite } from "../../src/db/pglite.js";
import { localWriteGeneration, writeCounter } from "../../src/db/write-generation.js";

describe("counting writes on PGlite (the caches' key there)", () => {
	it("counts a statement against each group whose tables it names; reads and other tables not", () => {
		const c = writeCounter();
		c.statement('select * from "vacancy"');
		c.statement('insert into "audit_event" ("entity_type") values ($1)');
		expect([c.generation("supply"), c.generation("demand")]).toEqual([0, 0]);
		c.statement('update "vacancy" set "count" = $1');
		expect([c.generation("supply"), c.generation("demand")]).toEqual([1, 0]);
		c.statement('with x as (select 1) insert into "child" select 1');
		expect([c.generation("supply"), c.generation("demand")]).toEqual([1, 1]);
		c.statement('delete from "setting_census"');
		c.statement('update "child" set "setting_urn" = 1');
		expect(c.generation("supply")).toBe(1);
		c.anything();
		expect([c.generation("supply"), c.generation("demand")]).toEqual([2, 3]);
	});

	it("sees every write through the client, before and after it, transactions included", async () => {
		const database = await openPglite();
		try {
			const { db, client } = database;
			const at = () => localWriteGeneration(db, "supply") as number;
			await client.exec("create table vacancy (n int)");
			const start = at();
			await client.query("select * from vacancy");
			expect(at()).toBe(start);
			await client.query("insert into vacancy values (1)");
			expect(at()).toBe(start + 2);
			let inside = 0;
			await client.transaction(async (tx) => {
				inside = at();
				await tx.query("update vacancy set n = 2");
			});
			expect(inside).toBe(start + 3);
			expect(at()).toBe(start + 4);
		} finally {
			await database.close();
		}
	});
});

/**
 * npm run bench:import [-- --rows 50000] [--database-url postgres://…/any]: a generated national
 * GIAS extract (Windows-1252, the September 2026 columns, London's share of rows and of special
 * schools, resourced provisions and units as in the real register) loaded by `npm run
 * import:gias`'s service into PGlite in memory (or into a new database on that PostgreSQL
 * server, dropped after), then loaded again (all unchanged). Prints wall and CPU time, peak
 * resident memory, and how much of it the import added to the database's own (PGlite's WASM
 * heap alone is about 700 MB resident before any row is read).
 * Aims: ≤ 20 s and ≤ 300 MB for 50,000 rows.
 */

import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { prepareDatabase } from "../../src/bootstrap.js";
import { fileSource } from "../../src/cli/file-source.js";
import { openPglite } from "../../src/db/pglite.js";
import { openPostgres } from "../../src/db/postgres.js";
import type { Database } from "../../src/db/types.js";
import { importSettings } from "../../src/services/import-settings.js";
import { cp1252, HEADER_2026, registerCsv, rows2026 } from "../fixtures/import/gias-extracts.js";
import { databaseUrlFor } from "../support/shared.js";

const { values } = parseArgs({
	options: { rows: { type: "string", default: "50000" }, "database-url": { type: "string" } },
});
const total = Number(values.rows);
const LONDON = [
	...Array.from({ length: 13 }, (_, i) => 201 + i),
	...Array.from({ length: 20 }, (_, i) => 301 + i),
];

/** One row in 16 is a London school (as in the register); of those, 1 in 6 is specialist. */
function* nationalRows(): Generator<Record<string, string>> {
	const open = rows2026().filter((r) => r["EstablishmentStatus (name)"] === "Open");
	const specialist = open.filter(
		(r) =>
			r["TypeOfResourcedProvision (name)"] !== "Not applicable" ||
			/special/i.test(r["TypeOfEstablishment (name)"] ?? ""),
	);
	for (let i = 0; i < total; i++) {
		const london = i % 16 === 0;
		const la = london ? String(LONDON[(i / 16) % LONDON.length]) : String(800 + (i % 150));
		const isSpecialist = london && (i / 16) % 6 === 0;
		const t = (isSpecialist ? specialist[i % specialist.length] : open[i % open.length]) as Record<
			string,
			string
		>;
		yield {
			...t,
			URN: String(100_000 + i),
			"LA (code)": la,
			EstablishmentName: `${t.EstablishmentName} ${i}`,
			...(isSpecialist
				? {}
				: {
						"TypeOfEstablishment (name)": "Community school",
						"TypeOfResourcedProvision (name)": "Not applicable",
					}),
		};
	}
}

/** Writes the extract a thousand rows at a time, so the generator holds no 40 MB string. */
function writeExtract(path: string): void {
	const fd = openSync(path, "w");
	writeSync(fd, cp1252(registerCsv(HEADER_2026, [])));
	let batch: Record<string, string>[] = [];
	const flush = () => {
		const body = registerCsv(HEADER_2026, batch);
		writeSync(fd, cp1252(body.slice(body.indexOf("\r\n") + 2)));
		batch = [];
	};
	for (const row of nationalRows()) {
		batch.push(row);
		if (batch.length === 1000) flush();
	}
	if (batch.length) flush();
	closeSync(fd);
}

const dir = mkdtempSync(join(tmpdir(), "bench-import-"));
const path = join(dir, "edubasealldata20260901.csv");
writeExtract(path);
const database = await openBenchDatabase(values["database-url"]);
await prepareDatabase(database, { loadDemo: false, seed: 0, children: 0 });
const actor = {
	principal: { subject: "bench", role: "admin" as const, la: null, urn: null, joint: null },
	requestId: "bench-import",
};
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const baseline = process.memoryUsage().rss;
console.log(
	`${database.kind}: resident before the import (the database with the reference data, the generator done): ${mb(baseline)}; load average ${loadavg()
		.map((l) => l.toFixed(1))
		.join(" ")} on ${cpus().length} cores`,
);
let peak = baseline;
const timer = setInterval(() => {
	peak = Math.max(peak, process.memoryUsage().rss);
}, 50);
for (const pass of ["first load", "again, unchanged"]) {
	const started = performance.now();
	const cpu = process.cpuUsage();
	const source = fileSource(path);
	const result = await importSettings(
		database.db,
		actor,
		{ kind: "file", source, name: source.name },
		new Date(),
	);
	const seconds = (performance.now() - started) / 1000;
	const used = process.cpuUsage(cpu);
	peak = Math.max(peak, process.memoryUsage().rss);
	console.log(
		`${pass}: ${((source.size ?? 0) / 1024 / 1024).toFixed(1)} MB, ${result.file?.rows} rows (${result.file?.london} London): ${result.created} created, ${result.updated} updated, ${result.unchanged} unchanged in ${seconds.toFixed(1)} s (CPU ${((used.user + used.system) / 1e6).toFixed(1)} s); peak RSS ${mb(peak)}, ${mb(peak - baseline)} above the database's own; load average ${loadavg()[0]?.toFixed(1)}`,
	);
}
clearInterval(timer);
await database.close();
rmSync(dir, { recursive: true, force: true });

/** PGlite in memory, or a new database on the given PostgreSQL server (dropped on close). */
async function openBenchDatabase(url: string | undefined): Promise<Database> {
	if (!url) return openPglite();
	const name = `bench_import_${process.pid}`;
	const admin = openPostgres(url, { max: 1 });
	await admin.db.execute(sql.raw(`drop database if exists ${name} with (force)`));
	await admin.db.execute(sql.raw(`create database ${name}`));
	const database = openPostgres(databaseUrlFor(url, name));
	return {
		...database,
		close: async () => {
			await database.close();
			await admin.db.execute(sql.raw(`drop database if exists ${name} with (force)`));
			await admin.close();
		},
	};
}

/**
 * npm run bench:import [-- --rows 50000]: a generated national GIAS extract (Windows-1252, the
 * September 2026 columns, London's share of rows and of special schools, resourced provisions
 * and units as in the real register) loaded by `npm run import:gias`'s service into PGlite in
 * memory, then loaded again (all unchanged). Prints wall time and peak resident memory.
 * Aims: ≤ 20 s and ≤ 300 MB for 50,000 rows.
 */

import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { prepareDatabase } from "../../src/bootstrap.js";
import { fileSource } from "../../src/cli/file-source.js";
import { openPglite } from "../../src/db/pglite.js";
import { importSettings } from "../../src/services/import-settings.js";
import { cp1252, HEADER_2026, registerCsv, rows2026 } from "../fixtures/import/gias-extracts.js";

const { values } = parseArgs({ options: { rows: { type: "string", default: "50000" } } });
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
const database = await openPglite();
await prepareDatabase(database, { loadDemo: false, seed: 0, children: 0 });
const actor = {
	principal: { subject: "bench", role: "admin" as const, la: null, urn: null, joint: null },
	requestId: "bench-import",
};
console.log(
	`resident before the import (PGlite with the reference data, the generator done): ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MB`,
);
let peak = process.memoryUsage().rss;
const timer = setInterval(() => {
	peak = Math.max(peak, process.memoryUsage().rss);
}, 50);
for (const pass of ["first load", "again, unchanged"]) {
	const started = performance.now();
	const source = fileSource(path);
	const result = await importSettings(
		database.db,
		actor,
		{ kind: "file", source, name: source.name },
		new Date(),
	);
	const seconds = (performance.now() - started) / 1000;
	peak = Math.max(peak, process.memoryUsage().rss);
	console.log(
		`${pass}: ${((source.size ?? 0) / 1024 / 1024).toFixed(1)} MB, ${result.file?.rows} rows (${result.file?.london} London): ${result.created} created, ${result.updated} updated, ${result.unchanged} unchanged in ${seconds.toFixed(1)} s; peak RSS ${(peak / 1024 / 1024).toFixed(0)} MB`,
	);
}
clearInterval(timer);
await database.close();
rmSync(dir, { recursive: true, force: true });

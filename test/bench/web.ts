/**
 * npm run bench:web [-- --sessions 10 --rounds 5 --children 2000 --postgres URL --json]
 *
 * Server-side render time of every panel, commissioner, publisher, school and admin page on the London demo (PGlite in memory, or with
 * `--postgres` a PostgreSQL database it empties and loads), with
 * `--sessions` panels of different boroughs signed in and browsing at once, each going round
 * every page `--rounds` times; and the compressed sizes of the CSS and JS a page loads.
 * Requests go through the app in-process (`app.request`): the time is the server's, not a
 * network's. Not a test: timings on a shared machine vary, so it reports and checks nothing.
 */
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { brotliCompressSync, gzipSync } from "node:zlib";
import { sql } from "drizzle-orm";
import { createApp } from "../../src/app.js";
import { loadNodeAssets, PUBLIC_DIR } from "../../src/assets/node-assets.js";
import { prepareDatabase } from "../../src/bootstrap.js";
import { openPglite } from "../../src/db/pglite.js";
import { openPostgres } from "../../src/db/postgres.js";
import { createTestKeys, TEST_AUDIENCE, TEST_ISSUER } from "../support/auth.js";
import { Browser } from "../support/web.js";

const args = process.argv.slice(2);
const value = (name: string, fallback: number) => {
	const at = args.indexOf(name);
	return at >= 0 ? Number(args[at + 1]) : fallback;
};
const sessions = value("--sessions", 10);
const rounds = value("--rounds", 5);
const childCount = value("--children", 2000);
const postgresAt = args.indexOf("--postgres");
const postgresUrl = postgresAt >= 0 ? args[postgresAt + 1] : undefined;

const BOROUGHS = [
	"314",
	"318",
	"306",
	"319",
	"315",
	"212",
	"208",
	"210",
	"302",
	"307",
	"304",
	"308",
];

const quantile = (sorted: number[], q: number) =>
	sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;

async function main() {
	const started = Date.now();
	const database = postgresUrl ? openPostgres(postgresUrl) : await openPglite();
	if (postgresUrl)
		await database.db.execute(
			sql.raw(
				"drop schema if exists drizzle cascade; drop schema if exists public cascade; create schema public",
			),
		);
	await prepareDatabase(database, { loadDemo: true, seed: 2025, children: childCount });
	const keys = await createTestKeys();
	const assets = await loadNodeAssets();
	const app = createApp({
		db: database.db,
		dbKind: database.kind,
		verify: keys.verify,
		assets,
		web: {
			session: { key: randomBytes(32), ttlSeconds: 3600 },
			signIn: {
				kind: "development",
				privateJwk: keys.privateJwk,
				issuer: TEST_ISSUER,
				audience: TEST_AUDIENCE,
			},
		},
	});
	const loadMs = Date.now() - started;
	const browsers = await Promise.all(
		BOROUGHS.slice(0, sessions).map(async (la) => {
			const b = new Browser(app);
			await b.signIn("panel", la);
			const list = await (await b.get("/panel/children")).text();
			const child = /href="\/panel\/children\/([0-9a-f-]{36})"/.exec(list)?.[1];
			return { b, child };
		}),
	);
	// Beside the panels: a school (Bedelsford, Kingston), Kingston's publisher, a pan-London commissioner and an admin browse their own pages.
	const school = new Browser(app);
	await school.signIn("setting", "314", { urn: "142687" });
	const admin = new Browser(app);
	await admin.signIn("admin", "");
	const publisher = new Browser(app);
	await publisher.signIn("publisher", "314");
	const commissioner = new Browser(app);
	await commissioner.signIn("commissioner", "");
	const times = new Map<string, number[]>();
	const time = async (b: Browser, name: string, path: string) => {
		const t0 = performance.now();
		const r = await b.get(path);
		await r.arrayBuffer();
		if (r.status !== 200) throw new Error(`${path}: ${r.status}`);
		if (path.startsWith("/panel/") || (path === "/" && b !== school)) PANEL_PAGES.add(name);
		const list = times.get(name) ?? [];
		list.push(performance.now() - t0);
		times.set(name, list);
	};
	const cpuBefore = process.cpuUsage();
	const wallBefore = performance.now();
	const PANEL_PAGES = new Set<string>();
	await Promise.all([
		...browsers.map(async ({ b, child }) => {
			for (let i = 0; i < rounds; i++) {
				await time(b, "home", "/");
				await time(b, "children", "/panel/children");
				await time(
					b,
					"children (filtered)",
					"/panel/children?status=awaiting&phase=primary&q=DEMO",
				);
				if (child) {
					await time(b, "child", `/panel/children/${child}`);
					await time(b, "child edit", `/panel/children/${child}/edit`);
					await time(b, "options", `/panel/children/${child}/options`);
				}
				await time(b, "rounds", "/panel/rounds");
				await time(b, "consultations", "/panel/consultations");
				await time(b, "placements", "/panel/placements");
				await time(b, "figures", "/panel/figures");
			}
		}),
		(async () => {
			for (let i = 0; i < rounds; i++) {
				await time(school, "school inbox", "/school/consultations");
				await time(publisher, "publisher settings", "/publisher/settings");
				await time(publisher, "a setting", "/publisher/settings/142687");
				await time(publisher, "vacancy grid", "/publisher/vacancies");
				await time(publisher, "change feed", "/publisher/changes");
				await time(
					commissioner,
					"sufficiency map",
					"/commissioner/sufficiency?need=ASD&phase=secondary",
				);
				await time(
					commissioner,
					"sufficiency area",
					"/commissioner/sufficiency/areas/aldcs-south?need=ASD&phase=secondary",
				);
				await time(commissioner, "shadow prices", "/commissioner/shadow-prices");
				await time(commissioner, "what-if form", "/commissioner/what-if");
				await time(admin, "audit trail", "/admin/audit");
				await time(admin, "audit (filtered)", "/admin/audit?role=panel&action=child&borough=314");
			}
		})(),
	]);
	const cpu = process.cpuUsage(cpuBefore);
	const browsingMs = performance.now() - wallBefore;
	const load = loadavg().map((l) => Number(l.toFixed(2)));
	const file = (name: string) => readFileSync(join(PUBLIC_DIR, assets.manifest[name] ?? ""));
	const sizes = Object.fromEntries(
		["app.css", "app.js"].map((name) => {
			const body = file(name);
			return [
				name,
				{
					raw: body.length,
					gzip: gzipSync(body, { level: 9 }).length,
					brotli: brotliCompressSync(body).length,
				},
			];
		}),
	);
	const pages = [...times].map(([page, list]) => {
		const sorted = [...list].sort((a, b) => a - b);
		return {
			page,
			requests: list.length,
			p50Ms: Math.round(quantile(sorted, 0.5)),
			p95Ms: Math.round(quantile(sorted, 0.95)),
		};
	});
	const all = [...times.values()].flat().sort((a, b) => a - b);
	const panel = [...times]
		.filter(([name]) => PANEL_PAGES.has(name))
		.flatMap(([, list]) => list)
		.sort((a, b) => a - b);
	// The whole process's CPU (server and PGlite, which runs in it) over the browsing, per request:
	// steadier than wall time on a shared machine.
	const cpuPerRequestMs = Number(((cpu.user + cpu.system) / 1000 / all.length).toFixed(2));
	const report = {
		sessions,
		rounds,
		children: childCount,
		loadMs,
		pages,
		allP95Ms: Math.round(quantile(all, 0.95)),
		panelP95Ms: Math.round(quantile(panel, 0.95)),
		cpuPerRequestMs,
		browsingMs: Math.round(browsingMs),
		loadAverage: load,
		cores: (await import("node:os")).cpus().length,
		sizes,
	};
	if (args.includes("--json")) console.log(JSON.stringify(report, null, 2));
	else {
		console.log(
			`Demo loaded (${childCount} children) in ${loadMs} ms; ${sessions} sessions × ${rounds} rounds of every page`,
		);
		for (const p of pages)
			console.log(
				`${p.page.padEnd(22)} p50 ${String(p.p50Ms).padStart(4)} ms   p95 ${String(p.p95Ms).padStart(4)} ms   (${p.requests})`,
			);
		console.log(`panel pages            p95 ${report.panelP95Ms} ms (target ≤ 100)`);
		console.log(`all pages              p95 ${report.allP95Ms} ms`);
		console.log(
			`CPU ${cpuPerRequestMs} ms per request (whole process); ${all.length} requests in ${report.browsingMs} ms; load average ${load.join(" ")} on ${report.cores} cores`,
		);
		for (const [name, s] of Object.entries(sizes))
			console.log(
				`${name.padEnd(8)} ${s.raw} bytes, gzip ${s.gzip}, brotli ${s.brotli} (target ≤ 60 KB compressed)`,
			);
	}
	await database.close();
}

await main();

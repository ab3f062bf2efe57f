import { randomBytes } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import type { TestProject } from "vitest/node";
import { loadNodeAssets } from "../../src/assets/node-assets.js";
import { prepareDatabase } from "../../src/bootstrap.js";
import { buildAssets } from "../../src/cli/build-assets.js";
import { openPglite } from "../../src/db/pglite.js";
import { openPostgres } from "../../src/db/postgres.js";
import { DEMO_OPTIONS, databaseUrlFor, TEMPLATE_PREFIX } from "./shared.js";

declare module "vitest" {
	export interface ProvidedContext {
		/** A gzipped PGlite data dir: migrated, with reference data and the demo scenario. */
		pgliteTemplate: string;
		/** With TEST_DATABASE_URL: the name of a migrated, loaded template database. */
		postgresTemplate: string;
	}
}

/**
 * Builds one migrated and loaded database before any test file runs; every test file then gets a
 * cheap copy of it (a PGlite data dir loaded from a dump, or CREATE DATABASE ... TEMPLATE).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
	// `npm install` builds the static assets; a checkout that skipped install scripts builds here.
	await loadNodeAssets().catch(() => buildAssets());
	const dir = await mkdtemp(join(tmpdir(), "send-test-"));
	const cleanups: (() => Promise<void>)[] = [() => rm(dir, { recursive: true, force: true })];

	const lite = await openPglite();
	await prepareDatabase(lite, DEMO_OPTIONS);
	const dump = await lite.client.dumpDataDir("gzip");
	const path = join(dir, "template.tar.gz");
	await writeFile(path, Buffer.from(await dump.arrayBuffer()));
	await lite.close();
	project.provide("pgliteTemplate", path);

	const url = process.env.TEST_DATABASE_URL;
	let template = "";
	if (url) {
		template = `${TEMPLATE_PREFIX}${randomBytes(4).toString("hex")}`;
		const admin = openPostgres(url, { max: 1 });
		await admin.db.execute(sql.raw(`create database ${template}`));
		const target = openPostgres(databaseUrlFor(url, template), { max: 1 });
		await prepareDatabase(target, DEMO_OPTIONS);
		await target.close();
		cleanups.push(async () => {
			await admin.db.execute(sql.raw(`drop database if exists ${template} with (force)`));
			await admin.close();
		});
	}
	project.provide("postgresTemplate", template);
	return async () => {
		for (const cleanup of cleanups.reverse()) await cleanup();
	};
}

// GIAS links (links_edubasealldataYYYYMMDD.csv: URN, LinkURN, LinkName, LinkType,
// LinkEstablishedDate) → predecessor/successor pairs, all or nothing (npm run import:gias-links).

import { sql } from "drizzle-orm";
import { urnLinks } from "../../schema/index.js";
import type { Db } from "../db/types.js";
import { nulError } from "../http/nul-bytes.js";
import { ApiError } from "../http/problem.js";
import { type Actor, audit } from "./audit.js";
import { streamCsv } from "./import/csv-stream.js";
import { type ByteSource, detectEncoding, type Encoding } from "./import/encoding.js";
import { giasDate } from "./import/gias-read.js";
import { dateInName } from "./import/read-rows.js";
import { rejection } from "./import/rejection.js";
import type { RowError } from "./import/validate.js";

const REQUIRED = ["URN", "LinkURN", "LinkType"];

interface Link {
	predecessorUrn: number;
	successorUrn: number;
	linkType: string;
	establishedOn: string | null;
	row: number;
}

/** Reads every row: Successor rows as they stand, Predecessor rows turned round, others counted. */
async function readLinks(source: ByteSource, encoding: Encoding) {
	const errors: RowError[] = [];
	const nul: string[] = [];
	const links = new Map<string, Link>();
	const passed = new Map<string, number>();
	let at = new Map<string, number>();
	let header: string[] = [];
	const { records } = await streamCsv(source, encoding, {
		onHeader(names) {
			header = names;
			at = new Map(names.map((n, i) => [n.toLowerCase(), i]));
			const missing = REQUIRED.filter((c) => !at.has(c.toLowerCase()));
			if (missing.length)
				throw new ApiError(
					"validation_failed",
					`the CSV lacks GIAS links column${missing.length > 1 ? "s" : ""} ${missing.join(", ")}`,
					{
						errors: missing.map((c) => ({
							path: `header.${c}`,
							message: "required column missing",
						})),
					},
				);
		},
		onRecord({ row, fields }) {
			for (const [k, v] of fields.entries())
				if (v.includes("\u0000")) nul.push(`rows[${row}].${header[k]}`);
			const cell = (c: string) => (fields[at.get(c.toLowerCase()) ?? -1] ?? "").trim();
			const bad = (column: string, message: string) =>
				errors.push({ row, path: `rows[${row}].${column}`, message });
			if (fields.length !== header.length)
				return bad("", `has ${fields.length} fields; the header has ${header.length}`);
			const urn = (column: string) => {
				const text = cell(column);
				if (/^\d{6}$/.test(text)) return Number(text);
				bad(column, `must be a 6-digit URN, not "${text.slice(0, 20)}"`);
				return undefined;
			};
			const type = cell("LinkType");
			const direction = /^successor/i.test(type) ? 1 : /^predecessor/i.test(type) ? -1 : 0;
			if (direction === 0) {
				passed.set(type || "(blank)", (passed.get(type || "(blank)") ?? 0) + 1);
				return;
			}
			const [a, b] = [urn("URN"), urn("LinkURN")];
			const text = cell("LinkEstablishedDate");
			const established = text === "" ? null : (giasDate(text) ?? null);
			if (text !== "" && !established)
				bad("LinkEstablishedDate", `must be a date (DD-MM-YYYY), not "${text.slice(0, 20)}"`);
			if (a === undefined || b === undefined) return;
			if (a === b) return bad("LinkURN", "links a URN to itself");
			const [predecessorUrn, successorUrn] = direction > 0 ? [a, b] : [b, a];
			// GIAS writes each link from both ends; the Successor row's type says it the right way round.
			const key = `${predecessorUrn}>${successorUrn}`;
			if (direction < 0 && links.has(key)) return;
			links.set(key, {
				predecessorUrn,
				successorUrn,
				linkType: type,
				establishedOn: established,
				row,
			});
		},
	});
	if (nul.length) throw nulError(nul);
	return { records, links: [...links.values()], errors, passed };
}

/**
 * Imports a GIAS links file: every Successor / Predecessor pair is stored once (a re-import
 * updates its type and date); other link types (sixth-form centres, "Other") are counted and
 * left out. Bad rows → 422 listing each with its row and column; nothing written.
 */
export async function importLinks(
	db: Db,
	actor: Actor,
	body: { source: ByteSource; encoding?: Encoding; name?: string },
	now: Date,
	options: { dryRun?: boolean; asOf?: string } = {},
) {
	const encoding = body.encoding ?? (await detectEncoding(body.source));
	const read = await readLinks(body.source, encoding);
	if (read.errors.length) throw rejection(read.errors);
	const asOf = options.asOf ?? dateInName(body.name) ?? now.toISOString().slice(0, 10);
	const stored = new Map(
		(await db.select().from(urnLinks)).map((l) => [`${l.predecessorUrn}>${l.successorUrn}`, l]),
	);
	const isNew = read.links.filter((l) => !stored.has(`${l.predecessorUrn}>${l.successorUrn}`));
	const changed = read.links.filter((l) => {
		const s = stored.get(`${l.predecessorUrn}>${l.successorUrn}`);
		return s && (s.linkType !== l.linkType || s.establishedOn !== l.establishedOn);
	});
	const result = {
		file: { ...(body.name ? { name: body.name } : {}), encoding, rows: read.records, asOf },
		links: read.links.length,
		created: isNew.length,
		updated: changed.length,
		unchanged: read.links.length - isNew.length - changed.length,
		passedOver: Object.fromEntries(read.passed),
		dryRun: options.dryRun === true,
	};
	if (options.dryRun) return result;
	await db.transaction(async (tx) => {
		const rows = [...isNew, ...changed].map(({ row: _, ...l }) => ({ ...l, asOf }));
		for (let i = 0; i < rows.length; i += 1000)
			await tx
				.insert(urnLinks)
				.values(rows.slice(i, i + 1000))
				.onConflictDoUpdate({
					target: [urnLinks.predecessorUrn, urnLinks.successorUrn],
					set: {
						linkType: sql`excluded.link_type`,
						establishedOn: sql`excluded.established_on`,
						asOf: sql`excluded.as_of`,
					},
				});
		await audit(tx, actor, {
			action: "urn_link.import",
			entityType: "urn_link",
			entityId: body.name ?? "links",
			after: { created: result.created, updated: result.updated, asOf },
		});
	});
	return result;
}

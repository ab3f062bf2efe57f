import { asc, eq, inArray, sql } from "drizzle-orm";
import { postcodeDistricts, provisions, settings, vacancies } from "../../../schema/index.js";
import type { Principal } from "../../auth/claims.js";
import { AgeRange, ProvisionCode, ProvisionInput, SettingInput } from "../../contracts/registry.js";
import type { Executor } from "../../db/types.js";
import { UrnValue } from "./json.js";
import { type Candidate, firstPerPath, type ImportError, issuesAt, type ValidRow } from "./rows.js";

/** Row errors, each tagged with the row it belongs to so they can be listed in file order. */
export type RowError = ImportError & { row: number };

const mayWrite = (p: Principal, borough: string) => p.role === "admin" || p.la === borough;

/**
 * Checks each row's shape (the PUT schemas), the caller's right to its borough, repeated URNs
 * and provision codes, and provision ages within the setting's. No database access.
 */
export function checkRows(
	candidates: Candidate[],
	principal: Principal,
): { rows: ValidRow[]; errors: RowError[] } {
	const rows: ValidRow[] = [];
	const errors: RowError[] = [];
	const urnsSeen = new Map<number, string>();
	for (const c of candidates) {
		const { source } = c;
		if (c.unreadable) {
			errors.push(...c.errors.map((e) => ({ ...e, row: source.row })));
			continue;
		}
		const found: ImportError[] = [...c.errors];
		const urn = UrnValue.safeParse(c.urn);
		if (!urn.success) found.push(...issuesAt(urn.error, () => source.field("urn")));
		else if (urnsSeen.has(urn.data))
			found.push({
				path: source.field("urn"),
				message: `URN ${urn.data} already appears in ${urnsSeen.get(urn.data)}`,
			});
		else urnsSeen.set(urn.data, source.prefix);

		const borough = (c.setting as { borough?: unknown }).borough;
		if (typeof borough === "string" && /^\d{3}$/.test(borough) && !mayWrite(principal, borough))
			found.push({
				path: source.field("borough"),
				message: `borough ${borough} is not yours: a ${principal.role} of ${principal.la ?? "no borough"} may import only its own settings`,
				forbidden: true,
			});
		const setting = SettingInput.safeParse(c.setting);
		if (!setting.success) found.push(...issuesAt(setting.error, (p) => source.field(p)));
		if (c.provisions.length > 50)
			found.push({ path: source.field("provisions"), message: "at most 50 provisions" });

		// Read the ages on their own, so a provision is checked against them even when another
		// field of the setting is bad.
		const ages = AgeRange.safeParse((c.setting as { ageRange?: unknown }).ageRange).data;
		const codes = new Set<string>();
		const provisionsOk: ValidRow["provisions"] = [];
		c.provisions.forEach((p, j) => {
			const code = ProvisionCode.safeParse(p.code);
			if (!code.success) found.push(...issuesAt(code.error, () => source.field("code", j)));
			else if (codes.has(code.data))
				found.push({ path: source.field("code", j), message: `code ${code.data} repeats` });
			else codes.add(code.data);
			const input = ProvisionInput.safeParse(p.input);
			if (!input.success) found.push(...issuesAt(input.error, (path) => source.field(path, j)));
			if (!input.success || !code.success) return;
			const mine = input.data.ageRange;
			if (ages && (mine.min < ages.min || mine.max > ages.max))
				found.push({
					path: source.field("ageRange", j),
					message: `${mine.min}–${mine.max} lies outside the setting's ages ${ages.min}–${ages.max}`,
				});
			provisionsOk.push({ code: code.data, input: input.data, onRoll: p.onRoll });
		});

		const unique = firstPerPath(found);
		errors.push(...unique.map((e) => ({ ...e, row: source.row })));
		if (unique.length === 0 && urn.success && setting.success)
			rows.push({
				source,
				urn: urn.data,
				setting: setting.data,
				provisions: provisionsOk,
				assumed: c.assumed,
				flags: c.flags ?? [],
			});
	}
	return { rows, errors };
}

const districtOf = (postcode: string) => postcode.toUpperCase().replace(/\s+/g, "").slice(0, -3);

/**
 * Checks against what is stored, inside the import's transaction (the settings are locked in URN
 * order first, so the answer still holds when the rows are written): an existing setting of
 * another borough, places below the vacancies already published, an unknown postcode district
 * where no location is given.
 */
export async function checkAgainstDatabase(
	tx: Executor,
	principal: Principal,
	rows: ValidRow[],
): Promise<RowError[]> {
	if (rows.length === 0) return [];
	const urns = [...new Set(rows.map((r) => r.urn))].sort((a, b) => a - b);
	const existing = await tx
		.select({ urn: settings.urn, borough: settings.boroughCode })
		.from(settings)
		.where(inArray(settings.urn, urns))
		.orderBy(asc(settings.urn))
		.for("update");
	const published = await tx
		.select({
			urn: provisions.settingUrn,
			code: provisions.code,
			total: sql<number>`coalesce(sum(${vacancies.count}), 0)::int`,
		})
		.from(provisions)
		.innerJoin(vacancies, eq(vacancies.provisionId, provisions.id))
		.where(inArray(provisions.settingUrn, urns))
		.groupBy(provisions.settingUrn, provisions.code);
	const wanted = [
		...new Set(
			rows.flatMap((r) =>
				r.setting.location || !r.setting.postcode ? [] : [districtOf(r.setting.postcode)],
			),
		),
	];
	const known = wanted.length
		? await tx
				.select({ district: postcodeDistricts.district })
				.from(postcodeDistricts)
				.where(inArray(postcodeDistricts.district, wanted))
		: [];
	const boroughOf = new Map(existing.map((e) => [e.urn, e.borough]));
	const vacanciesOf = new Map(published.map((p) => [`${p.urn}/${p.code}`, Number(p.total)]));
	const districts = new Set(known.map((k) => k.district));

	const errors: RowError[] = [];
	for (const r of rows) {
		const add = (e: ImportError) => errors.push({ ...e, row: r.source.row });
		const owner = boroughOf.get(r.urn);
		if (owner && !mayWrite(principal, owner))
			add({
				path: r.source.field("urn"),
				message: `setting ${r.urn} belongs to borough ${owner}; a ${principal.role} of ${principal.la ?? "no borough"} may not change it`,
				forbidden: true,
			});
		r.provisions.forEach((p, j) => {
			const count = vacanciesOf.get(`${r.urn}/${p.code}`) ?? 0;
			if (p.input.places < count)
				add({
					path: r.source.field("places", j),
					message: `${p.input.places} places is below the ${count} vacancies published for ${r.urn}/${p.code}`,
				});
		});
		const { location, postcode } = r.setting;
		if (!location && !postcode)
			add({
				path: r.source.field("location"),
				message: "give a location (Easting/Northing) or a postcode",
			});
		else if (!location && postcode && !districts.has(districtOf(postcode)))
			add({
				path: r.source.field("postcode"),
				message: `postcode district ${districtOf(postcode)} is not a known London district; give a location (Easting/Northing)`,
			});
	}
	return errors;
}

import { z } from "@hono/zod-openapi";
import { ProvisionCode, ProvisionInput, SettingInput } from "../../contracts/registry.js";
import { ApiError } from "../../http/problem.js";
import { type Candidate, joinPath, type Source } from "./rows.js";

/** Most settings one import may carry (the body limit usually bites first). */
export const MAX_ROWS = 2_000;

export const UrnValue = z
	.number()
	.int("must be a whole number")
	.min(100_000, "must be a 6-digit DfE URN")
	.max(999_999, "must be a 6-digit DfE URN")
	.openapi({ example: 102_684, description: "DfE URN" });

// Built from the PUT schemas' fields (not .extend, whose allOf with two closed objects would
// admit no document at all).
export const ImportProvision = z
	.object({ code: ProvisionCode, ...ProvisionInput.shape })
	.strict()
	.openapi("ImportProvision");

export const ImportSetting = z
	.object({
		urn: UrnValue,
		...SettingInput.shape,
		provisions: z.array(ImportProvision).max(50).optional(),
	})
	.strict()
	.openapi("ImportSetting");

/** The JSON form of an import (for the OpenAPI document; rows are checked one by one). */
export const ImportJson = z
	.object({ settings: z.array(ImportSetting).min(1).max(MAX_ROWS) })
	.strict()
	.openapi("SettingsImport");

/** A dot path whose numeric segments are array indices: `provisions.0.places` → `provisions[0].places`. */
function bracketed(path: string): string {
	return joinPath(path.split(".").map((p) => (/^\d+$/.test(p) ? Number(p) : p)));
}

function jsonSource(index: number): Source {
	const prefix = `settings[${index}]`;
	return {
		row: index,
		prefix,
		field: (path, provision) =>
			[prefix, provision === undefined ? "" : `provisions[${provision}]`, bracketed(path)]
				.filter(Boolean)
				.join(".")
				.replace(/\.\[/g, "["),
	};
}

const isObject = (v: unknown): v is Record<string, unknown> =>
	typeof v === "object" && v !== null && !Array.isArray(v);

/** `{ settings: [...] }` → one candidate per element; a wrong envelope is a 400. */
export function jsonCandidates(body: unknown): Candidate[] {
	const list = isObject(body) ? body.settings : undefined;
	const extra = isObject(body) ? Object.keys(body).filter((k) => k !== "settings") : [];
	if (!Array.isArray(list) || list.length === 0 || list.length > MAX_ROWS || extra.length)
		throw new ApiError(
			"validation_failed",
			`the body must be { "settings": [ 1 to ${MAX_ROWS} settings ] }`,
			{
				errors: extra.length
					? extra.map((k) => ({ path: k, message: "unknown field" }))
					: [{ path: "settings", message: `must be an array of 1 to ${MAX_ROWS} settings` }],
			},
		);
	return list.map((item, index): Candidate => {
		const source = jsonSource(index);
		if (!isObject(item))
			return {
				source,
				urn: undefined,
				setting: {},
				provisions: [],
				assumed: [],
				errors: [{ path: source.prefix, message: "must be an object" }],
				unreadable: true,
			};
		const { urn, provisions = [], ...setting } = item;
		const errors = Array.isArray(provisions)
			? []
			: [{ path: source.field("provisions"), message: "must be an array" }];
		const list = Array.isArray(provisions) ? provisions : [];
		return {
			source,
			urn,
			setting,
			provisions: list.map((p) => {
				const { code, ...input } = isObject(p) ? p : { code: undefined };
				return { code, input: isObject(p) ? input : p };
			}),
			assumed: isObject(setting) && setting.location === undefined ? ["location"] : [],
			errors,
		};
	});
}

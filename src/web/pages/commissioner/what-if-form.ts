import { WhatIfRequest, type WhatIfRequestT } from "../../../contracts/what-if.js";
import type { Db } from "../../../db/types.js";
import { locatePostcode } from "../../../services/registry-read.js";
import type { FormErrors } from "../../components/error-summary.js";
import { formList, formText } from "../../forms.js";

export type WhatIfForm = Record<string, string | string[] | undefined>;

const int = (v: string | undefined) =>
	v !== undefined && /^-?\d{1,7}$/.test(v) ? Number(v) : Number.NaN;

/** The what-if form's answers as the API's request, or the fields to mark. */
export async function whatIfRequestOf(
	db: Db,
	body: Record<string, unknown>,
): Promise<{ form: WhatIfForm; request?: WhatIfRequestT; errors: FormErrors }> {
	const text = (k: string) => formText(body[k]);
	const kind = text("kind");
	const form: WhatIfForm = {};
	for (const k of [
		"kind",
		"urn",
		"provision",
		"places",
		"borough",
		"postcode",
		"level",
		"ageMin",
		"ageMax",
		"placeFunding",
		"topUp",
		"name",
	])
		form[k] = text(k);
	form.needTypes = formList(body.needTypes);
	const errors: FormErrors = {};
	let change: unknown;
	if (kind === "change-places") {
		change = {
			kind,
			urn: int(text("urn")),
			provision: text("provision") ?? "",
			places: int(text("places")),
		};
	} else if (kind === "new-provision") {
		const postcode = text("postcode") ?? "";
		const at = /^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/i.test(postcode)
			? await locatePostcode(db, postcode)
			: undefined;
		if (!at) errors.postcode = "Enter a London postcode we can place, for example CR0 1NX";
		change = {
			kind,
			borough: text("borough") ?? "",
			location: at ?? { lat: 0, lon: 0 },
			name: text("name") ?? "New provision (what-if)",
			level: text("level") ?? "",
			needTypes: form.needTypes,
			ageRange: { min: int(text("ageMin")), max: int(text("ageMax")) },
			places: int(text("places")),
			annualCost: { placeFunding: int(text("placeFunding")), topUp: int(text("topUp")) },
		};
	} else return { form, errors: { kind: "Choose what to change" } };
	const parsed = WhatIfRequest.safeParse({ changes: [change] });
	if (!parsed.success) {
		for (const issue of parsed.error.issues) {
			const path = issue.path.slice(2).map(String);
			const id =
				path[0] === "ageRange"
					? path[1] === "max"
						? "ageMax"
						: "ageMin"
					: path[0] === "annualCost"
						? (path[1] ?? "placeFunding")
						: path[0] === "location"
							? "postcode"
							: (path[0] ?? "kind");
			const field = kind === "change-places" && id === "places" ? "change-places" : id;
			errors[field] ??= issue.message.charAt(0).toUpperCase() + issue.message.slice(1);
		}
	}
	if (Object.keys(errors).length) return { form, errors };
	return { form, request: parsed.data, errors };
}

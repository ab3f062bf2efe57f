import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { consultations } from "../../schema/index.js";
import { bearer } from "../support/auth.js";
import { type Browser, useWebApp } from "../support/web.js";

const t = useWebApp();

/** A Kingston special academy (ASD/SLCN, 3–18) in the demo, and another school. */
const URN = 142687;
const OTHER_URN = 102892;

let seq = 0;
async function consultedChild(extra: object = {}) {
	const panel = await bearer(t.keys, "panel", { la: "314" });
	const json = { ...panel, "content-type": "application/json" };
	const child = await t.app.request("/children", {
		method: "POST",
		headers: json,
		body: JSON.stringify({
			caseRef: `314-SCHOOL-${++seq}`,
			yearGroup: "Y3",
			primaryNeed: "ASD",
			secondaryNeeds: ["SLCN"],
			planLevel: "special_school",
			home: { lat: 51.41, lon: -0.3 },
			...extra,
		}),
	});
	expect(child.status).toBe(201);
	const { id: childId } = (await child.json()) as { id: string };
	const sent = await t.app.request("/consultations", {
		method: "POST",
		headers: json,
		body: JSON.stringify({ childId, urn: URN, provision: "SS" }),
	});
	expect(sent.status).toBe(201);
	return { childId, id: ((await sent.json()) as { id: string }).id, caseRef: `314-SCHOOL-${seq}` };
}

async function school(urn = URN): Promise<Browser> {
	const b = t.browser();
	await b.signIn("setting", "", { urn: String(urn) });
	return b;
}

async function apiView(id: string) {
	const r = await t.app.request(`/consultations/${id}`, {
		headers: await bearer(t.keys, "setting", { urn: URN }),
	});
	return (await r.json()) as {
		status: string;
		answer: { reasonCode: string | null; evidence: string | null } | null;
	};
}

const DECLINE = {
	canMeetNeed: "yes",
	hasCapacity: "no",
	reasonCode: "no_capacity",
	evidence: "All 12 places in the ASD base are taken until July 2027.",
};

describe("a school's consultation pages", () => {
	it("lists what to answer with due dates, overdue ones marked, the same consultations the API gives", async () => {
		const late = await consultedChild();
		await consultedChild();
		// Sent 20 days ago: past its 15 days.
		await t.database.db
			.update(consultations)
			.set({ dueAt: "2026-08-27" })
			.where(eq(consultations.id, late.id));
		const r = await (await school()).get("/school/consultations");
		expect(r.status).toBe(200);
		const html = await r.text();
		const api = (await (
			await t.app.request("/consultations?status=open&limit=200", {
				headers: await bearer(t.keys, "setting", { urn: URN }),
			})
		).json()) as { total: number; items: { id: string; overdue: boolean }[] };
		expect(html).toContain(`${api.total} to answer`);
		for (const item of api.items) expect(html).toContain(`href="/school/consultations/${item.id}"`);
		expect(api.items.filter((i) => i.overdue).map((i) => i.id)).toEqual([late.id]);
		expect(html).toContain("overdue by 5 days");
		expect(html).toContain("27 August 2026");
		expect(html).toContain("1 consultation is past the due date.");
	});

	it("shows one consultation with the child's needs and case reference only, never the child's id or home", async () => {
		const { id, childId, caseRef } = await consultedChild();
		const html = await (await (await school()).get(`/school/consultations/${id}`)).text();
		expect(html).toContain(caseRef);
		expect(html).toContain("SLCN");
		expect(html).toContain("Y3 (age 7)");
		expect(html).not.toContain(childId);
		expect(html).not.toContain("51.41");
		expect((await (await school(OTHER_URN)).get(`/school/consultations/${id}`)).status).toBe(404);
		expect((await (await school()).get("/school/consultations/nope")).status).toBe(404);
	});

	it("refuses a decline without evidence with the field marked, and changes nothing", async () => {
		const { id } = await consultedChild();
		const b = await school();
		const r = await b.post(`/school/consultations/${id}/answer`, { ...DECLINE, evidence: "" });
		expect(r.status).toBe(422);
		const html = await r.text();
		expect(html).toContain(
			'<a href="#evidence">A decline needs evidence of at least 20 characters</a>',
		);
		expect(html).toMatch(/govuk-form-group--error">\s*<label class="govuk-label" for="evidence"/);
		expect(html).toContain("govuk-textarea--error");
		// What was chosen stays chosen.
		expect(html).toMatch(/value="no_capacity" selected/);
		expect((await apiView(id)).status).toBe("open");
	});

	it("marks missing answers, a NUL byte and over-long evidence, and changes nothing", async () => {
		const { id } = await consultedChild();
		const b = await school();
		const none = await (await b.post(`/school/consultations/${id}/answer`, {})).text();
		expect(none).toContain('href="#canMeetNeed"');
		expect(none).toContain('href="#hasCapacity"');
		const nul = await b.post(`/school/consultations/${id}/answer`, {
			...DECLINE,
			evidence: `${DECLINE.evidence}\u0000`,
		});
		expect(nul.status).toBe(400);
		expect(await nul.text()).toContain("The field “evidence” contains a NUL character");
		const huge = await b.post(`/school/consultations/${id}/answer`, {
			...DECLINE,
			evidence: "x".repeat(4_001),
		});
		expect(huge.status).toBe(400);
		expect(await huge.text()).toContain('href="#evidence"');
		const reason = await b.post(`/school/consultations/${id}/answer`, {
			...DECLINE,
			reasonCode: "bored",
		});
		expect(reason.status).toBe(400);
		expect(await reason.text()).toContain('href="#reasonCode"');
		// The API refuses the NUL byte the same way: a field error, not a failed write.
		const api = await t.app.request(`/consultations/${id}/answer`, {
			method: "POST",
			headers: {
				...(await bearer(t.keys, "setting", { urn: URN })),
				"content-type": "application/json",
			},
			body: JSON.stringify({
				canMeetNeed: true,
				hasCapacity: false,
				reasonCode: "no_capacity",
				evidence: `${DECLINE.evidence}\u0000`,
			}),
		});
		expect(api.status).toBe(400);
		expect(api.headers.get("content-type")).toContain("application/problem+json");
		expect(
			((await api.json()) as { errors: { path: string }[] }).errors.map((e) => e.path),
		).toContain("body.evidence");
		expect(await apiView(id)).toMatchObject({ status: "open", answer: null });
	});

	it("sends a decline with its reason and evidence once, then shows it in the history", async () => {
		const { id, caseRef } = await consultedChild();
		const b = await school();
		const r = await b.post(`/school/consultations/${id}/answer`, DECLINE);
		expect(r.status).toBe(303);
		expect(r.headers.get("location")).toBe(`/school/consultations/${id}`);
		expect(await apiView(id)).toMatchObject({
			status: "declined",
			answer: { reasonCode: "no_capacity", evidence: DECLINE.evidence },
		});
		const page = await (await b.get(`/school/consultations/${id}`)).text();
		expect(page).toContain("No capacity (no place free)");
		expect(page).not.toContain("Send the answer");
		// A second send of the same form: the consultation is answered already.
		expect((await b.post(`/school/consultations/${id}/answer`, DECLINE)).status).toBe(409);
		const inbox = await (await b.get("/school/consultations")).text();
		const history = inbox.slice(inbox.indexOf("Past answers"));
		expect(history).toContain(caseRef);
		expect(history).toContain("declined");
	});

	it("agrees with yes and yes; a reason with an agreement is marked", async () => {
		const { id } = await consultedChild();
		const b = await school();
		const withReason = await b.post(`/school/consultations/${id}/answer`, {
			...DECLINE,
			hasCapacity: "yes",
		});
		expect(withReason.status).toBe(422);
		expect(await withReason.text()).toContain(
			'<a href="#reasonCode">Only a decline has a reason</a>',
		);
		const ok = await b.post(`/school/consultations/${id}/answer`, {
			canMeetNeed: "yes",
			hasCapacity: "yes",
		});
		expect(ok.status).toBe(303);
		expect((await apiView(id)).status).toBe("agreed");
	});

	it("is for schools only, and refuses a form sent from another site", async () => {
		const { id } = await consultedChild();
		const panel = t.browser();
		await panel.signIn("panel", "314");
		expect((await panel.get("/school/consultations")).status).toBe(403);
		const b = await school();
		const cross = await b.post(
			`/school/consultations/${id}/answer`,
			DECLINE,
			"https://evil.example",
		);
		expect(cross.status).toBe(403);
		expect((await apiView(id)).status).toBe("open");
		expect((await t.browser().get("/school/consultations")).status).toBe(303);
	});
});

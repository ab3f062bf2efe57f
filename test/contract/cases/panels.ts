import { UNKNOWN_ID } from "../world.js";
import type { StatusCase } from "./case.js";

const dupRef = "314-STATUS-DUPLICATE";

const child = (caseRef: string, postcode: string) => ({
	caseRef,
	yearGroup: "Y3",
	primaryNeed: "ASD",
	planLevel: "special_school",
	home: { postcode },
});

export const panelCases: StatusCase[] = [
	{
		op: "registerChild",
		status: 201,
		why: "a new case reference",
		send: (w) => w.send("POST", "/children", w.panel(), child(dupRef, "KT2 5AA")),
	},
	{
		op: "registerChild",
		status: 409,
		why: "a case reference the borough has already",
		send: (w) => w.send("POST", "/children", w.panel(), child(dupRef, "KT2 5AA")),
	},
	{
		op: "registerChild",
		status: 422,
		why: "a postcode district nobody knows",
		send: (w) => w.send("POST", "/children", w.panel(), child("314-STATUS-ZZ", "ZZ9 9ZZ")),
	},
	{
		op: "getChild",
		status: 200,
		why: "the panel's own child",
		send: async (w) => w.send("GET", `/children/${await w.child()}`, w.panel()),
	},
	{
		op: "updateChild",
		status: 200,
		why: "a new year group",
		send: async (w) =>
			w.send("PATCH", `/children/${await w.child()}`, w.panel(), { yearGroup: "Y4" }),
	},
	{
		op: "updateChild",
		status: 409,
		why: "another child's case reference",
		send: async (w) =>
			w.send("PATCH", `/children/${await w.child()}`, w.panel(), { caseRef: dupRef }),
	},
	{
		op: "updateChild",
		status: 412,
		why: "a stale If-Match",
		send: async (w) =>
			w.send(
				"PATCH",
				`/children/${await w.child()}`,
				w.panel(),
				{ yearGroup: "Y4" },
				{ "if-match": '"stale"' },
			),
	},
	{
		op: "updateChild",
		status: 422,
		why: "a secondary need repeating the primary one",
		send: async (w) =>
			w.send("PATCH", `/children/${await w.child()}`, w.panel(), { secondaryNeeds: ["ASD"] }),
	},
	{
		op: "updateChild",
		status: 404,
		why: "a child the panel does not have",
		send: (w) => w.send("PATCH", `/children/${UNKNOWN_ID}`, w.panel(), { yearGroup: "Y4" }),
	},
	{
		op: "rankOptions",
		status: 200,
		why: "the panel's own child",
		send: async (w) => w.send("GET", `/children/${await w.child()}/options`, w.panel()),
	},
];

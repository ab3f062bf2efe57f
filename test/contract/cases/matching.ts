import { eq } from "drizzle-orm";
import { boroughs, children } from "../../../schema/index.js";
import { UNKNOWN_ID } from "../world.js";
import type { StatusCase } from "./case.js";

type W = Parameters<StatusCase["send"]>[0];

/** A queued run: the idle app answers 202 for a round over every awaiting child and never runs it. */
async function queuedRun(w: W) {
	const res = await w.sendIdle("POST", "/matching-runs", w.as("admin"), {});
	if (res.status !== 202) throw new Error(`expected 202, got ${res.status}`);
	return ((await res.json()) as { id: string }).id;
}

/** A borough with no child awaiting a place (the demo scenario leaves some). */
async function boroughWithoutChildren(w: W) {
	const waiting = await w.db
		.selectDistinct({ code: children.boroughCode })
		.from(children)
		.where(eq(children.status, "awaiting"));
	const all = await w.db.select({ code: boroughs.code }).from(boroughs).orderBy(boroughs.code);
	const code = all.find((b) => !waiting.some((c) => c.code === b.code))?.code;
	if (!code) throw new Error("every borough has children awaiting a place");
	return code;
}

export const matchingCases: StatusCase[] = [
	{
		op: "startMatchingRun",
		status: 201,
		why: "a round small enough to solve at once",
		send: async (w) =>
			w.send("POST", "/matching-runs", w.panel(), { scope: { childIds: [await w.child()] } }),
	},
	{
		op: "startMatchingRun",
		status: 202,
		why: "a round too large to solve at once",
		send: (w) => w.sendIdle("POST", "/matching-runs", w.as("admin"), {}),
	},
	{
		op: "startMatchingRun",
		status: 404,
		why: "a child the panel does not have",
		send: (w) => w.send("POST", "/matching-runs", w.panel(), { scope: { childIds: [UNKNOWN_ID] } }),
	},
	{
		op: "startMatchingRun",
		status: 422,
		why: "a borough with nobody awaiting a place",
		send: async (w) =>
			w.send("POST", "/matching-runs", w.as("admin"), {
				scope: { boroughs: [await boroughWithoutChildren(w)] },
			}),
	},
	{
		op: "getMatchingRun",
		status: 200,
		why: "the panel's own run",
		send: async (w) => w.send("GET", `/matching-runs/${await w.run()}`, w.panel()),
	},
	{
		op: "getMatchingRunReplay",
		status: 200,
		why: "a finished run, for an admin",
		send: async (w) => w.send("GET", `/matching-runs/${await w.run()}/replay`, w.as("admin")),
	},
	{
		op: "getMatchingRunReplay",
		status: 409,
		why: "a run still queued",
		send: async (w) => w.send("GET", `/matching-runs/${await queuedRun(w)}/replay`, w.as("admin")),
	},
	{
		op: "listProposals",
		status: 200,
		why: "a finished run",
		send: async (w) => w.send("GET", `/matching-runs/${await w.run()}/proposals`, w.panel()),
	},
	{
		op: "listProposals",
		status: 409,
		why: "a run still queued",
		send: async (w) =>
			w.send("GET", `/matching-runs/${await queuedRun(w)}/proposals`, w.as("admin")),
	},
	{
		op: "listShadowPrices",
		status: 200,
		why: "a finished run",
		send: async (w) =>
			w.send("GET", `/sufficiency/shadow-prices?run=${await w.run()}`, w.as("admin")),
	},
	{
		op: "listShadowPrices",
		status: 404,
		why: "a run that does not exist",
		send: (w) => w.send("GET", `/sufficiency/shadow-prices?run=${UNKNOWN_ID}`, w.as("admin")),
	},
	{
		op: "listShadowPrices",
		status: 409,
		why: "a run still queued",
		send: async (w) =>
			w.send("GET", `/sufficiency/shadow-prices?run=${await queuedRun(w)}`, w.as("admin")),
	},
	{
		op: "runWhatIf",
		status: 200,
		why: "one more place at a school",
		send: (w) =>
			w.send("POST", "/sufficiency/what-if", w.as("commissioner"), {
				changes: [{ kind: "change-places", urn: 142_698, provision: "SS", places: 1 }],
			}),
	},
	{
		op: "runWhatIf",
		status: 422,
		why: "a provision that does not exist",
		send: (w) =>
			w.send("POST", "/sufficiency/what-if", w.as("commissioner"), {
				changes: [{ kind: "change-places", urn: 142_698, provision: "NOPE", places: 1 }],
			}),
	},
	{
		op: "planNewPlaces",
		status: 200,
		why: "where two new ASD places save most",
		send: (w) =>
			w.send("POST", "/sufficiency/plan", w.as("commissioner"), { need: "ASD", places: 2 }),
	},
];

import { BEDELSFORD, UNKNOWN_ID } from "../world.js";
import { type StatusCase, twice } from "./case.js";

type W = Parameters<StatusCase["send"]>[0];
const school = (w: W) => w.as("setting", { urn: BEDELSFORD.urn });
const yes = { canMeetNeed: true, hasCapacity: true };

export const consultationCases: StatusCase[] = [
	{
		op: "openConsultation",
		status: 201,
		why: "a suitable provision",
		send: async (w) =>
			w.send("POST", "/consultations", w.panel(), { childId: await w.child(), ...BEDELSFORD }),
	},
	{
		op: "openConsultation",
		status: 404,
		why: "a child the panel does not have",
		send: (w) =>
			w.send("POST", "/consultations", w.panel(), { childId: UNKNOWN_ID, ...BEDELSFORD }),
	},
	{
		op: "openConsultation",
		status: 409,
		why: "one already open for the child there",
		send: async (w) => {
			const body = { childId: await w.child(), ...BEDELSFORD };
			return twice(() => w.send("POST", "/consultations", w.panel(), body), 201);
		},
	},
	{
		op: "openConsultation",
		status: 422,
		why: "a provision for younger children",
		send: async (w) =>
			w.send("POST", "/consultations", w.panel(), {
				childId: await w.child({ yearGroup: "Y9" }),
				urn: 102_892,
				provision: "ASD-RP",
			}),
	},
	{
		op: "getConsultation",
		status: 200,
		why: "the panel's own",
		send: async (w) => w.send("GET", `/consultations/${await w.consultation()}`, w.panel()),
	},
	{
		op: "answerConsultation",
		status: 200,
		why: "the consulted school agrees",
		send: async (w) =>
			w.send("POST", `/consultations/${await w.consultation()}/answer`, school(w), yes),
	},
	{
		op: "answerConsultation",
		status: 404,
		why: "a consultation that does not exist",
		send: (w) => w.send("POST", `/consultations/${UNKNOWN_ID}/answer`, school(w), yes),
	},
	{
		op: "answerConsultation",
		status: 409,
		why: "an answer to one answered already",
		send: async (w) => {
			const id = await w.consultation();
			return twice(() => w.send("POST", `/consultations/${id}/answer`, school(w), yes), 200);
		},
	},
	{
		op: "answerConsultation",
		status: 422,
		why: "a decline without evidence",
		send: async (w) =>
			w.send("POST", `/consultations/${await w.consultation()}/answer`, school(w), {
				canMeetNeed: false,
				hasCapacity: true,
				reasonCode: "cannot_meet_need",
			}),
	},
	{
		op: "withdrawConsultation",
		status: 200,
		why: "an open one",
		send: async (w) =>
			w.send("POST", `/consultations/${await w.consultation()}/withdraw`, w.panel()),
	},
	{
		op: "withdrawConsultation",
		status: 409,
		why: "one withdrawn already",
		send: async (w) => {
			const id = await w.consultation();
			return twice(() => w.send("POST", `/consultations/${id}/withdraw`, w.panel()), 200);
		},
	},
];

import { UNKNOWN_ID } from "../world.js";
import { type StatusCase, twice } from "./case.js";

export const placementCases: StatusCase[] = [
	{
		op: "confirmPlacement",
		status: 201,
		why: "an agreed consultation",
		send: async (w) =>
			w.send("POST", "/placements", w.panel(), {
				consultationId: await w.agreed(),
				startDate: "2026-09-14",
			}),
	},
	{
		op: "confirmPlacement",
		status: 404,
		why: "a consultation that does not exist",
		send: (w) =>
			w.send("POST", "/placements", w.panel(), {
				consultationId: UNKNOWN_ID,
				startDate: "2026-09-14",
			}),
	},
	{
		op: "confirmPlacement",
		status: 409,
		why: "a consultation used already",
		send: async (w) => {
			const body = { consultationId: await w.agreed(), startDate: "2026-09-14" };
			return twice(() => w.send("POST", "/placements", w.panel(), body), 201);
		},
	},
	{
		op: "confirmPlacement",
		status: 422,
		why: "a start date in the past",
		send: async (w) =>
			w.send("POST", "/placements", w.panel(), {
				consultationId: await w.agreed(),
				startDate: "2026-01-05",
			}),
	},
	{
		op: "endPlacement",
		status: 200,
		why: "an active placement",
		send: async (w) =>
			w.send("POST", `/placements/${await w.placement()}/end`, w.panel(), { reason: "moved away" }),
	},
	{
		op: "endPlacement",
		status: 404,
		why: "a placement that does not exist",
		send: (w) =>
			w.send("POST", `/placements/${UNKNOWN_ID}/end`, w.panel(), { reason: "moved away" }),
	},
	{
		op: "endPlacement",
		status: 409,
		why: "one ended already",
		send: async (w) => {
			const id = await w.placement();
			return twice(
				() => w.send("POST", `/placements/${id}/end`, w.panel(), { reason: "moved away" }),
				200,
			);
		},
	},
	{
		op: "endPlacement",
		status: 422,
		why: "an end before the start",
		send: async (w) =>
			w.send("POST", `/placements/${await w.placement()}/end`, w.panel(), {
				reason: "moved away",
				endDate: "2026-08-31",
			}),
	},
	{
		op: "cancelPlacement",
		status: 200,
		why: "an active placement",
		send: async (w) =>
			w.send("POST", `/placements/${await w.placement()}/cancel`, w.panel(), {
				reason: "family moved",
			}),
	},
	{
		op: "cancelPlacement",
		status: 404,
		why: "a placement that does not exist",
		send: (w) =>
			w.send("POST", `/placements/${UNKNOWN_ID}/cancel`, w.panel(), { reason: "family moved" }),
	},
	{
		op: "cancelPlacement",
		status: 409,
		why: "one cancelled already",
		send: async (w) => {
			const id = await w.placement();
			return twice(
				() => w.send("POST", `/placements/${id}/cancel`, w.panel(), { reason: "family moved" }),
				200,
			);
		},
	},
];

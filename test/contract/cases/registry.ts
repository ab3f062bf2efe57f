import type { StatusCase } from "./case.js";

const NEW_URN = 990_301;
const setting = (extra: object = {}) => ({
	name: "Status Test School",
	borough: "314",
	giasType: "Community special school",
	phase: "Not applicable",
	ageRange: { min: 4, max: 19 },
	postcode: "KT2 5AA",
	...extra,
});
const provision = (extra: object = {}) => ({
	name: "ASD resource base",
	level: "special_la_maintained",
	needTypes: ["ASD"],
	ageRange: { min: 4, max: 11 },
	places: 8,
	annualCost: { placeFunding: 10000, topUp: 15000 },
	...extra,
});
const publisher = (w: Parameters<StatusCase["send"]>[0]) => w.as("publisher", { la: "314" });
const CSV = { "content-type": "text/csv" };
const LINKS_HEAD = '"URN","LinkURN","LinkName","LinkType","LinkEstablishedDate"\r\n';
const stale = { "if-match": `"${NEW_URN}-999"` };

export const registryCases: StatusCase[] = [
	{
		op: "getSetting",
		status: 200,
		why: "a setting that exists",
		send: (w) => w.send("GET", "/settings/142687", w.as("admin")),
	},
	{
		op: "putSetting",
		status: 201,
		why: "a new URN",
		send: (w) => w.send("PUT", `/settings/${NEW_URN}`, publisher(w), setting()),
	},
	{
		op: "putSetting",
		status: 200,
		why: "the same URN again",
		send: (w) => w.send("PUT", `/settings/${NEW_URN}`, publisher(w), setting({ pupilCount: 40 })),
	},
	{
		op: "putSetting",
		status: 412,
		why: "a stale If-Match",
		send: (w) => w.send("PUT", `/settings/${NEW_URN}`, publisher(w), setting(), stale),
	},
	{
		op: "putSetting",
		status: 422,
		why: "no location and a postcode district nobody knows",
		send: (w) => w.send("PUT", "/settings/990302", publisher(w), setting({ postcode: "ZZ9 9ZZ" })),
	},
	{
		op: "putProvision",
		status: 201,
		why: "a new provision",
		send: (w) => w.send("PUT", `/settings/${NEW_URN}/provisions/ASD-RP`, publisher(w), provision()),
	},
	{
		op: "putProvision",
		status: 200,
		why: "the same provision again",
		send: (w) =>
			w.send(
				"PUT",
				`/settings/${NEW_URN}/provisions/ASD-RP`,
				publisher(w),
				provision({ places: 9 }),
			),
	},
	{
		op: "putProvision",
		status: 404,
		why: "a setting that does not exist",
		send: (w) => w.send("PUT", "/settings/990399/provisions/ASD-RP", publisher(w), provision()),
	},
	{
		op: "putProvision",
		status: 412,
		why: "a stale If-Match",
		send: (w) =>
			w.send("PUT", `/settings/${NEW_URN}/provisions/ASD-RP`, publisher(w), provision(), stale),
	},
	{
		op: "putProvision",
		status: 422,
		why: "ages outside the setting's",
		send: (w) =>
			w.send(
				"PUT",
				`/settings/${NEW_URN}/provisions/ASD-RP`,
				publisher(w),
				provision({ ageRange: { min: 2, max: 11 } }),
			),
	},
	{
		op: "importSettings",
		status: 200,
		why: "one new setting as JSON",
		send: (w) =>
			w.send("POST", "/settings/import", publisher(w), {
				settings: [{ urn: 990_303, ...setting(), provisions: [{ code: "SS", ...provision() }] }],
			}),
	},
	{
		op: "importSettings",
		status: 422,
		why: "a row whose provision ages lie outside the setting's",
		send: (w) =>
			w.send("POST", "/settings/import", publisher(w), {
				settings: [
					{
						urn: 990_304,
						...setting(),
						provisions: [{ code: "SS", ...provision({ ageRange: { min: 2, max: 11 } }) }],
					},
				],
			}),
	},
	{
		op: "publishVacancies",
		status: 200,
		why: "places within the commissioned ones",
		send: (w) =>
			w.send("POST", "/vacancies", publisher(w), [{ urn: NEW_URN, provision: "ASD-RP", count: 2 }]),
	},
	{
		op: "publishVacancies",
		status: 422,
		why: "more places free than commissioned",
		send: (w) =>
			w.send("POST", "/vacancies", publisher(w), [
				{ urn: NEW_URN, provision: "ASD-RP", count: 99 },
			]),
	},
	{
		op: "importUrnLinks",
		status: 200,
		why: "a links file with one Successor row",
		send: (w) =>
			w.send(
				"POST",
				"/settings/import-links",
				w.as("admin"),
				`${LINKS_HEAD}"100002","990402","Brockley Park","Successor","01-04-2019"\r\n`,
				CSV,
			),
	},
	{
		op: "importUrnLinks",
		status: 400,
		why: "a file without the LinkType column",
		send: (w) =>
			w.send(
				"POST",
				"/settings/import-links",
				w.as("admin"),
				'"URN","LinkURN"\r\n"100002","990402"\r\n',
				CSV,
			),
	},
	{
		op: "importUrnLinks",
		status: 422,
		why: "a URN that is not six digits",
		send: (w) =>
			w.send(
				"POST",
				"/settings/import-links",
				w.as("admin"),
				`${LINKS_HEAD}"12","990402","Brockley Park","Successor",""\r\n`,
				CSV,
			),
	},
];

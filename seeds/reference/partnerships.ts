import type { PartnershipKind } from "../types.js";

/** A partnership as DOMAIN.md names it: members by borough name, resolved to LA codes on derive. */
export interface PartnershipSpec {
	id: string;
	name: string;
	kind: PartnershipKind;
	members: string[];
	note: string | null;
}

const NCL = ["Barnet", "Camden", "Enfield", "Haringey", "Islington"];
const NEL = [
	"Barking and Dagenham",
	"City of London",
	"Hackney",
	"Havering",
	"Newham",
	"Redbridge",
	"Tower Hamlets",
	"Waltham Forest",
];
const NWL = [
	"Brent",
	"Ealing",
	"Hammersmith and Fulham",
	"Harrow",
	"Hillingdon",
	"Hounslow",
	"Kensington and Chelsea",
	"Westminster",
];
const SEL = ["Bexley", "Bromley", "Greenwich", "Lambeth", "Lewisham", "Southwark"];
const SWL = [
	"Croydon",
	"Kingston upon Thames",
	"Merton",
	"Richmond upon Thames",
	"Sutton",
	"Wandsworth",
];

const ICS_NOTE = "NHS integrated care system footprint (health partners in SEND).";
const ALDCS_NOTE =
	"ASSUMPTION: the seeds name the four ALDCS sub-regions but not their membership. Seeded as " +
	"North = NCL, East = NEL, West = NWL, South = SEL + SWL ICS footprints; to be corrected by the boroughs.";

export const PARTNERSHIPS: PartnershipSpec[] = [
	{
		id: "aldcs-north",
		name: "ALDCS North",
		kind: "aldcs-subregion",
		members: NCL,
		note: ALDCS_NOTE,
	},
	{ id: "aldcs-east", name: "ALDCS East", kind: "aldcs-subregion", members: NEL, note: ALDCS_NOTE },
	{ id: "aldcs-west", name: "ALDCS West", kind: "aldcs-subregion", members: NWL, note: ALDCS_NOTE },
	{
		id: "aldcs-south",
		name: "ALDCS South",
		kind: "aldcs-subregion",
		members: [...SEL, ...SWL],
		note: ALDCS_NOTE,
	},
	{
		id: "ics-north-central",
		name: "North Central London ICS",
		kind: "ics",
		members: NCL,
		note: ICS_NOTE,
	},
	{
		id: "ics-north-east",
		name: "North East London ICS",
		kind: "ics",
		members: NEL,
		note: ICS_NOTE,
	},
	{
		id: "ics-north-west",
		name: "North West London ICS",
		kind: "ics",
		members: NWL,
		note: ICS_NOTE,
	},
	{
		id: "ics-south-east",
		name: "South East London ICS",
		kind: "ics",
		members: SEL,
		note: ICS_NOTE,
	},
	{
		id: "ics-south-west",
		name: "South West London ICS",
		kind: "ics",
		members: SWL,
		note: ICS_NOTE,
	},
	{
		id: "west-london-alliance",
		name: "West London Alliance",
		kind: "commissioning-programme",
		members: ["Barnet", "Brent", "Ealing", "Harrow", "Hillingdon", "Hounslow"],
		note:
			"SEN commissioning. Hammersmith and Fulham, Kensington and Chelsea and Westminster join " +
			"some programmes but are not seeded as members.",
	},
	{
		id: "south-london-commissioning-programme",
		name: "South London Commissioning Programme",
		kind: "commissioning-programme",
		members: [
			"Croydon",
			"Bexley",
			"Bromley",
			"Greenwich",
			"Lewisham",
			"Merton",
			"Sutton",
			"Wandsworth",
			"Kingston upon Thames",
			"Richmond upon Thames",
		],
		note: "Independent-sector SEND places, led by Croydon.",
	},
];

import type { NeedType } from "../types.js";

/**
 * SEN2 primary-need codes in DOMAIN.md order. GIAS labels are as GIAS spells SEN provision
 * designations; the ten that occur in the 2015 Edubase extract (`Special Education Needs 1/2`)
 * were checked against it; MSI and OTH do not occur there and follow GIAS's published list.
 */
export const NEED_TYPES: NeedType[] = [
	{
		code: "SPLD",
		label: "Specific learning difficulty",
		giasLabel: "SpLD - Specific Learning Difficulty",
		dfeColumn: "number_spld",
	},
	{
		code: "MLD",
		label: "Moderate learning difficulty",
		giasLabel: "MLD - Moderate Learning Difficulty",
		dfeColumn: "number_mld",
	},
	{
		code: "SLD",
		label: "Severe learning difficulty",
		giasLabel: "SLD - Severe Learning Difficulty",
		dfeColumn: "number_sld",
	},
	{
		code: "PMLD",
		label: "Profound and multiple learning difficulty",
		giasLabel: "PMLD - Profound and Multiple Learning Difficulty",
		dfeColumn: "number_pmld",
	},
	{
		code: "SEMH",
		label: "Social, emotional and mental health",
		giasLabel: "SEMH - Social, Emotional and Mental Health",
		dfeColumn: "number_semh",
	},
	{
		code: "SLCN",
		label: "Speech, language and communication needs",
		giasLabel: "SLCN - Speech, language and Communication",
		dfeColumn: "number_slcn",
	},
	{
		code: "HI",
		label: "Hearing impairment",
		giasLabel: "HI - Hearing Impairment",
		dfeColumn: "number_hi",
	},
	{
		code: "VI",
		label: "Vision impairment",
		giasLabel: "VI - Visual Impairment",
		dfeColumn: "number_vi",
	},
	{
		code: "MSI",
		label: "Multi-sensory impairment",
		giasLabel: "MSI - Multi-Sensory Impairment",
		dfeColumn: "number_msi",
	},
	{
		code: "PD",
		label: "Physical disability",
		giasLabel: "PD - Physical Disability",
		dfeColumn: "number_pd",
	},
	{
		code: "ASD",
		label: "Autistic spectrum disorder",
		giasLabel: "ASD - Autistic Spectrum Disorder",
		dfeColumn: "number_asd",
	},
	{
		code: "OTH",
		label: "Other difficulty or disability",
		giasLabel: "OTH - Other Difficulty/Disability",
		dfeColumn: "number_oth",
	},
];

/** The DfE column for "primary need unknown". */
export const UNKNOWN_NEED_COLUMN = "number_need_unknown";

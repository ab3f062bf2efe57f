// Prints a short summary of the London demo scenario: npx tsx seeds/summary.ts [seed] [children]
import { pathToFileURL } from "node:url";
import { DEFAULT_CHILD_COUNT, generateChildren } from "./children.js";
import { readSeedData } from "./read.js";
import { buildLondonScenario, DEFAULT_SEED } from "./scenario.js";
import type { SeedData } from "./types.js";

const SPECIAL_SCHOOL = [
	"special_la_maintained",
	"special_academy",
	"special_non_maintained",
	"special_independent",
];

export function summarise(data: SeedData, seed: number, childCount: number): string[] {
	const scenario = buildLondonScenario(data, { seed });
	const children = generateChildren(data, { seed, count: childCount, scenario });
	const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
	const lines = [
		`seed ${seed}: ${scenario.settings.length} settings, ${scenario.provisions.length} provisions, ` +
			`${sum(scenario.provisions.map((p) => p.places))} places, ` +
			`${sum(scenario.vacancies.map((v) => v.count))} vacancies, ${children.length} children`,
	];
	for (const level of data.levels.map((l) => l.code)) {
		const ps = scenario.provisions.filter((p) => p.level === level);
		lines.push(
			`  ${level.padEnd(24)} ${String(ps.length).padStart(4)} provisions ${String(sum(ps.map((p) => p.places))).padStart(6)} places`,
		);
	}
	const specialPlaces = sum(
		scenario.provisions.filter((p) => SPECIAL_SCHOOL.includes(p.level)).map((p) => p.places),
	);
	const dfeSpecial = sum(
		data.demand.map((d) =>
			[
				"special_la_maintained",
				"special_academy_free",
				"special_independent",
				"special_non_maintained",
			].reduce((s, k) => s + (d.byPlacement[k] ?? 0), 0),
		),
	);
	lines.push(
		`  special-school places ${specialPlaces} vs DfE 2025 London plans in special schools ${dfeSpecial}`,
	);
	const kingston = scenario.settings.filter(
		(s) => s.laCode === "314" && s.kind.startsWith("special"),
	);
	lines.push(
		`  Kingston (314) special settings: ${kingston.map((s) => `${s.urn} ${s.name}`).join("; ")}`,
	);
	const byBorough = new Map<string, number>();
	for (const c of children) byBorough.set(c.laCode, (byBorough.get(c.laCode) ?? 0) + 1);
	const top = [...byBorough.entries()].sort((a, b) => b[1] - a[1]).slice(0, 5);
	const name = (code: string) => data.boroughs.find((b) => b.code === code)?.name ?? code;
	lines.push(`  most children: ${top.map(([c, n]) => `${name(c)} ${n}`).join(", ")}`);
	const byLevel = new Map<string, number>();
	for (const c of children) byLevel.set(c.planLevel, (byLevel.get(c.planLevel) ?? 0) + 1);
	lines.push(
		`  children by plan level: ${[...byLevel.entries()].map(([l, n]) => `${l} ${n}`).join(", ")}`,
	);
	return lines;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	const seed = Number(process.argv[2] ?? DEFAULT_SEED);
	const count = Number(process.argv[3] ?? DEFAULT_CHILD_COUNT);
	for (const line of summarise(readSeedData(), seed, count)) console.log(line);
}

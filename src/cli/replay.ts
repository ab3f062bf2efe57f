// npm run replay -- file.json: solves a stored run's instance again, offline, and compares.
import { readFile } from "node:fs/promises";
import { replay } from "../services/matching/replay.js";

const USAGE =
	"usage: npm run replay -- file.json  (the body of GET /matching-runs/{id}/replay, or a bare instance)";

async function main(argv: string[]) {
	const path = argv.find((a) => !a.startsWith("-"));
	if (!path) {
		console.error(USAGE);
		return 2;
	}
	const file = JSON.parse(await readFile(path, "utf8"));
	const out = await replay(file);
	console.log(JSON.stringify({ ...out, match: out.mismatches.length === 0 }, null, 2));
	for (const m of out.mismatches) console.error(`mismatch: ${m}`);
	return out.mismatches.length === 0 ? 0 : 1;
}

main(process.argv.slice(2)).then(
	(code) => process.exit(code),
	(error) => {
		console.error(error instanceof Error ? error.message : error);
		process.exit(2);
	},
);

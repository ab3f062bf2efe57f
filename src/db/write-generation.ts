import type { Db } from "./types.js";

/**
 * On PGlite one process owns the data and every statement passes through its one client, one at
 * a time: counting the statements that may write a group of tables says exactly when what a
 * reader saw of them can have changed, with no query. On PostgreSQL other processes write too:
 * there is no such count (undefined) and the caller asks the database.
 */
export type TableGroup = "supply" | "demand";

const TABLES: Record<TableGroup, RegExp> = {
	supply: /\b(setting|provision|provision_need_type|vacancy|cost_default|plan_level_satisfier)\b/i,
	demand:
		/\b(child|placement|matching_run|proposal|caseload_series|plans_by_placement_need|plans_by_age|borough|partnership|partnership_member|need_type)\b/i,
};
const READ_ONLY = /^\s*select\b/i;

export interface WriteCounter {
	/** Before and after a statement runs: counts it against every group whose tables it names. */
	statement(text: string): void;
	/** Before and after a transaction or a script: it may have written anything. */
	anything(): void;
	generation(group: TableGroup): number;
}

export function writeCounter(): WriteCounter {
	const counts: Record<TableGroup, number> = { supply: 0, demand: 0 };
	return {
		statement(text) {
			if (READ_ONLY.test(text)) return;
			for (const group of Object.keys(TABLES) as TableGroup[])
				if (TABLES[group].test(text)) counts[group]++;
		},
		anything() {
			counts.supply++;
			counts.demand++;
		},
		generation: (group) => counts[group],
	};
}

const counters = new WeakMap<object, WriteCounter>();

export function registerWriteCounter(db: Db, counter: WriteCounter): void {
	counters.set(db, counter);
}

/** This process's count of writes to a group of tables, when it sees them all (PGlite). */
export function localWriteGeneration(db: Db, group: TableGroup): number | undefined {
	return counters.get(db)?.generation(group);
}

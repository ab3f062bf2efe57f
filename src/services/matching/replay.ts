import { type AllocationInput, SOLVER_VERSION, solveAllocation } from "../../../solver/index.js";
import type { Db } from "../../db/types.js";
import { ApiError } from "../../http/problem.js";
import { type Actor, audit } from "../audit.js";
import { allocationHashOf, inputHashOf } from "./run-hash.js";
import { getRun } from "./runs.js";

/**
 * The exact instance a finished run solved, for the home borough's panel (a run of its own
 * children only) or an admin: it is child-level data. A run the caller may not see is 404; one
 * it may see but not replay (a commissioner, a borough in a joint round) is 403.
 */
export async function runReplay(db: Db, actor: Actor, id: string) {
	const principal = actor.principal;
	const run = await getRun(db, principal, id);
	const home =
		principal.role === "panel" &&
		run.boroughCode === principal.la &&
		run.scopeBoroughs.every((b) => b === principal.la);
	if (principal.role !== "admin" && !home)
		throw new ApiError(
			"forbidden",
			"a run's instance is child-level data: only its home borough's panel (a round of its own children) or an admin may replay it",
		);
	if (run.status !== "done" || !run.inputs)
		throw new ApiError(
			"conflict",
			`run ${id} is ${run.status}; its instance comes when it is done`,
		);
	await audit(db, actor, {
		action: "matching-run.replay.read",
		entityType: "matching_run",
		entityId: run.id,
		after: { children: (run.inputs as AllocationInput).children.length },
	});
	return {
		runId: run.id,
		kind: run.kind as "round" | "planning",
		solverVersion: run.solverVersion,
		dataVersion: run.dataVersion,
		engine: run.engine,
		inputHash: run.inputHash,
		expected: { objective: run.objective, allocationHash: run.allocationHash },
		instance: run.inputs as AllocationInput,
	};
}

export type RunReplay = Awaited<ReturnType<typeof runReplay>>;

/** What replaying a stored instance gives, and whether it matches what was stored. */
export async function replay(file: Partial<RunReplay> & { instance?: AllocationInput }) {
	const instance = (file.instance ?? file) as AllocationInput;
	const result = solveAllocation(instance);
	const got = {
		objective: result.objective,
		allocationHash: await allocationHashOf(result),
		inputHash: await inputHashOf(instance),
		engine: result.engine,
		solverVersion: SOLVER_VERSION,
	};
	const mismatches: string[] = [];
	const expected = file.expected;
	if (expected?.objective != null && expected.objective !== got.objective)
		mismatches.push(`objective ${got.objective} ≠ stored ${expected.objective}`);
	if (expected?.allocationHash && expected.allocationHash !== got.allocationHash)
		mismatches.push(`allocation ${got.allocationHash} ≠ stored ${expected.allocationHash}`);
	if (file.inputHash && file.inputHash !== got.inputHash)
		mismatches.push(`instance ${got.inputHash} ≠ stored ${file.inputHash}`);
	if (file.solverVersion && file.solverVersion !== SOLVER_VERSION)
		mismatches.push(`solved by ${file.solverVersion}, replayed by ${SOLVER_VERSION}`);
	return { ...got, mismatches };
}

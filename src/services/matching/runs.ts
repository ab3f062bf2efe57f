import { and, eq, lt } from "drizzle-orm";
import {
	children,
	matchingRuns,
	partnershipMembers,
	proposals,
	provisions,
	settings,
} from "../../../schema/index.js";
import { type AllocationInput, SOLVER_VERSION } from "../../../solver/index.js";
import type { Principal } from "../../auth/claims.js";
import type { RunRequestT } from "../../contracts/matching-runs.js";
import type { Db, Executor } from "../../db/types.js";
import { ApiError } from "../../http/problem.js";
import { type Actor, audit } from "../audit.js";
import { enqueueJob, finishJob, type Lease, LeaseLostError } from "../jobs/queue.js";
import { loadPolicy } from "../policy.js";
import { type RoundProgress, type SolveRound, solveInThisThread } from "../solve/solve-round.js";
import { loadChildren, loadProvisions, toSolverChild, toSolverProvision } from "./load-instance.js";
import { isoDay, paramsFor } from "./params.js";
import { checkRunKind, planningScope } from "./planning-scope.js";
import { inputHashOf } from "./run-hash.js";
import { storeRunResult } from "./store-run.js";
import { supplyKey } from "./supply-snapshot.js";

export type RunRow = typeof matchingRuns.$inferSelect;

/**
 * Which boroughs' children a run may cover: a panel its own; a joint panel (token claim
 * `joint`) any members of its partnership it names, its own borough among them; an admin any
 * it names (default all).
 */
async function scopeFor(
	tx: Executor,
	principal: Principal,
	request: RunRequestT,
): Promise<string[] | null> {
	if (principal.role === "commissioner") return planningScope(tx, principal, request);
	if (principal.role !== "panel") return request.scope.boroughs ?? null;
	const own = principal.la as string;
	const named = request.scope.boroughs ?? [own];
	if (named.every((b) => b === own)) return [own];
	if (!principal.joint) {
		throw new ApiError(
			"forbidden",
			"a borough's panel may only match its own children; a pan-borough run needs a joint panel or an admin",
		);
	}
	const members = new Set(
		(
			await tx
				.select({ b: partnershipMembers.boroughCode })
				.from(partnershipMembers)
				.where(eq(partnershipMembers.partnershipId, principal.joint))
		).map((r) => r.b),
	);
	if (!members.has(own)) {
		throw new ApiError(
			"forbidden",
			`borough ${own} is not a member of partnership ${principal.joint}: no joint panel there`,
		);
	}
	const outside = named.filter((b) => !members.has(b));
	if (outside.length > 0) {
		throw new ApiError(
			"forbidden",
			`${outside.join(", ")} not in partnership ${principal.joint}: a joint panel spans its members only`,
		);
	}
	return [...new Set(named)];
}

/** Records a run (queued) with its request and the children it covers; the solve comes after. */
export async function createRun(db: Db, actor: Actor, request: RunRequestT, now: Date) {
	return db.transaction(async (tx) => {
		checkRunKind(actor.principal, request);
		const scope = await scopeFor(tx, actor.principal, request);
		const boroughs =
			scope ??
			(await tx.selectDistinct({ b: children.boroughCode }).from(children)).map((r) => r.b);
		const list = await loadChildren(tx, boroughs, request.scope.childIds);
		if (request.scope.childIds && list.length !== new Set(request.scope.childIds).size) {
			const found = new Set(list.map((c) => c.id));
			const missing = request.scope.childIds.filter((id) => !found.has(id));
			throw new ApiError(
				"not_found",
				`no child ${missing.slice(0, 3).join(", ")}${missing.length > 3 ? ", …" : ""} in scope`,
			);
		}
		if (list.length === 0)
			throw new ApiError("unprocessable", "no children awaiting a place in scope");
		const [run] = await tx
			.insert(matchingRuns)
			.values({
				kind: request.kind,
				name: request.name ?? null,
				boroughCode: actor.principal.role === "panel" ? actor.principal.la : null,
				scopeBoroughs: [...boroughs].sort(),
				requestedBy: actor.principal.subject,
				status: "queued",
				request: { ...request, scope: { ...request.scope, childIds: list.map((c) => c.id) } },
				createdAt: now,
			})
			.returning();
		if (!run) throw new Error("run insert returned nothing");
		await enqueueJob(tx, { kind: RUN_JOB, subjectId: run.id, weight: list.length });
		await audit(tx, actor, {
			action: "matching-run.create",
			entityType: "matching_run",
			entityId: run.id,
			after: { children: list.length, scope: boroughs },
		});
		return { run, childCount: list.length };
	});
}

/** The job kind that solves a matching run (its subject is the run). */
export const RUN_JOB = "matching-run";

/**
 * Solves a run whose job `lease` holds and stores the outcome, done or failed, in one
 * transaction with the job's end: only while the lease is still held, so exactly once however
 * many workers raced for it. A run never changes vacancies.
 */
export async function executeRun(
	db: Db,
	lease: Lease,
	now: () => Date,
	solve: SolveRound = solveInThisThread,
): Promise<void> {
	const runId = lease.subjectId;
	try {
		const [run] = await db
			.update(matchingRuns)
			.set({ status: "running", progress: 10 })
			.where(eq(matchingRuns.id, runId))
			.returning();
		if (!run) throw new Error(`run ${runId} no longer exists`);
		const request = run.request as RunRequestT & { scope: { childIds: string[] } };
		const policy = await loadPolicy(db);
		const list = await loadChildren(db, run.scopeBoroughs, request.scope.childIds);
		const provisionList = await loadProvisions(db, isoDay(now()));
		const input: AllocationInput = {
			children: list.map((c) => toSolverChild(c, policy)),
			provisions: provisionList.map(toSolverProvision),
			params: paramsFor(policy, request.weights),
			sideConstraints: request.sideConstraints,
			options: {
				engine: request.engine,
				duals: true,
				explain: true,
				guarantee: request.guarantee ?? true,
			},
		};
		// What makes the run replayable: the instance, its hash, and what produced it.
		await db
			.update(matchingRuns)
			.set({
				progress: 30,
				inputs: input,
				inputHash: await inputHashOf(input),
				solverVersion: SOLVER_VERSION,
				dataVersion: (await supplyKey(db, isoDay(now()))) ?? null,
			})
			.where(eq(matchingRuns.id, runId));
		// One call of the pure solver, in a worker thread on Node (the event loop stays free),
		// its progress written as it comes.
		const { result, greedy, solveMs } = await solve(input, progressWriter(db, runId));
		const byId = new Map(provisionList.map((p) => [p.id, p]));
		await db.transaction(async (tx) => {
			await finishJob(tx, lease, { status: "done" });
			await storeRunResult(tx, runId, result, greedy, byId, solveMs, now());
		});
	} catch (error) {
		if (error instanceof LeaseLostError) throw error;
		const message = error instanceof Error ? error.message : String(error);
		await db.transaction(async (tx) => {
			await finishJob(tx, lease, { status: "failed", error: message });
			await markRunFailed(tx, runId, message, now());
		});
	}
}

/**
 * Writes a running run's progress, at most every 250 ms and only forward: a write that comes
 * late (after the result, or after the run failed) changes nothing, and one that fails is
 * dropped (progress is a hint to pollers; the result is written apart, in one transaction).
 */
function progressWriter(db: Db, runId: string): RoundProgress {
	let last = 0;
	return (percent) => {
		if (Date.now() - last < 250) return;
		last = Date.now();
		db.update(matchingRuns)
			.set({ progress: percent })
			.where(
				and(
					eq(matchingRuns.id, runId),
					eq(matchingRuns.status, "running"),
					lt(matchingRuns.progress, percent),
				),
			)
			.then(
				() => {},
				() => {},
			);
	};
}

export async function markRunFailed(tx: Executor, runId: string, reason: string, at: Date) {
	await tx
		.update(matchingRuns)
		.set({ status: "failed", error: reason, finishedAt: at })
		.where(eq(matchingRuns.id, runId));
}

/**
 * A run the caller may see: a panel's, every run that covers its borough's children (its own,
 * a joint panel's, an admin's); any (admin, commissioner); else 404. Runs show aggregates only.
 */
export async function getRun(db: Db, principal: Principal, id: string): Promise<RunRow> {
	const [run] = await db.select().from(matchingRuns).where(eq(matchingRuns.id, id));
	const visible =
		run &&
		(principal.role !== "panel" ||
			run.boroughCode === principal.la ||
			run.scopeBoroughs.includes(principal.la as string));
	if (!run || !visible) throw new ApiError("not_found", `no matching run ${id}`);
	return run;
}

/**
 * A small round answered at once whose job another worker took first (usually this instance's own
 * poller, between the insert and our claim): waits for it to end, up to `ms`, so the answer is
 * still the finished run; undefined when it has not ended by then (the caller answers 202).
 */
export async function waitForRunEnd(
	db: Db,
	principal: Principal,
	id: string,
	ms: number,
): Promise<RunRow | undefined> {
	const deadline = Date.now() + ms;
	for (;;) {
		const run = await getRun(db, principal, id);
		if (run.status === "done" || run.status === "failed") return run;
		if (Date.now() >= deadline) return undefined;
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
}

/** A run's proposals, child by child: only the caller's own borough's children (admin: all). */
export async function listProposals(db: Db, actor: Actor, id: string) {
	const principal = actor.principal;
	if (principal.role !== "panel" && principal.role !== "admin") {
		throw new ApiError(
			"forbidden",
			"proposals are child-level data: only the home borough's panel sees them",
		);
	}
	const run = await getRun(db, principal, id);
	if (run.kind === "planning")
		throw new ApiError(
			"conflict",
			`run ${id} is a planning run: aggregates only, no proposals to accept`,
		);
	if (run.status !== "done")
		throw new ApiError("conflict", `run ${id} is ${run.status}; proposals come when it is done`);
	const own =
		principal.role === "panel" ? eq(children.boroughCode, principal.la as string) : undefined;
	const rows = await db
		.select({
			p: proposals,
			caseRef: children.caseRef,
			code: provisions.code,
			urn: settings.urn,
			settingName: settings.name,
			borough: settings.boroughCode,
		})
		.from(proposals)
		.innerJoin(children, eq(children.id, proposals.childId))
		.leftJoin(provisions, eq(provisions.id, proposals.provisionId))
		.leftJoin(settings, eq(settings.urn, provisions.settingUrn))
		.where(and(eq(proposals.runId, run.id), own))
		.orderBy(children.caseRef);
	await audit(db, actor, {
		action: "matching-run.proposals.read",
		entityType: "matching_run",
		entityId: run.id,
		after: { children: rows.length },
	});
	return { run, rows };
}

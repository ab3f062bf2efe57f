import { threadId } from "node:worker_threads";
import { afterAll, describe, expect, it } from "vitest";
import { solveRoundHere } from "../../src/services/solve/solve-round.js";
import { SolverPool } from "../../src/services/solve/thread-pool.js";
import { generateLondonLike } from "../bench/london-like";

const pool = new SolverPool(2);
afterAll(() => pool.close());

describe("the solver pool", () => {
	it("solves in worker threads, off the event loop, exactly what the solver gives here", async () => {
		const rounds = [11, 12, 13].map((seed) =>
			generateLondonLike({ children: 400, provisions: 150, seed }),
		);
		// Three rounds on two threads: the third waits for a free one.
		const solved = await Promise.all(rounds.map((round) => pool.solve(round)));
		for (const [i, round] of rounds.entries()) {
			const here = solveRoundHere(round);
			const there = solved[i];
			expect(there?.threadId).not.toBe(threadId);
			expect(there?.threadId).toBeGreaterThan(0);
			expect(there?.result.objective).toBe(here.result.objective);
			expect(there?.result.placements).toEqual(here.result.placements);
			expect(there?.result.duals).toEqual(here.result.duals);
			expect(there?.greedy.summary).toEqual(here.greedy.summary);
		}
		expect(new Set(solved.map((s) => s.threadId)).size).toBe(2);
	});

	it("a round the solver rejects fails its promise, and the pool keeps serving", async () => {
		const round = generateLondonLike({ children: 50, provisions: 20, seed: 3 });
		await expect(
			pool.solve({ ...round, children: null as unknown as typeof round.children }),
		).rejects.toThrow();
		expect((await pool.solve(round)).result.objective).toBe(solveRoundHere(round).result.objective);
	});

	it("reports a round's progress from its thread, in order, before the answer", async () => {
		const round = generateLondonLike({ children: 300, provisions: 100, seed: 5 });
		const seen: number[] = [];
		let answered = false;
		const solved = await pool.solve(round, (percent) => {
			expect(answered).toBe(false);
			seen.push(percent);
		});
		answered = true;
		expect(seen).toEqual([35, 45, 65, 75, 85, 90]);
		expect(solved.result.objective).toBe(solveRoundHere(round).result.objective);
	});
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { solveAllocation } from "../../solver/index";
import { generateLondonLike } from "../bench/london-like";
import { instanceArb, sideArb } from "./support/arbitraries";

describe("determinism", () => {
	it("the same round solved twice gives byte-identical JSON, whatever the input order", () => {
		const withSide = instanceArb(12, 6).chain((instance) =>
			fc.record({
				instance: fc.constant(instance),
				side: fc.option(sideArb(instance), { nil: undefined }),
			}),
		);
		fc.assert(
			fc.property(withSide, ({ instance, side }) => {
				const input = { ...instance, sideConstraints: side };
				const first = JSON.stringify(solveAllocation(input));
				expect(JSON.stringify(solveAllocation(structuredClone(input)))).toBe(first);
				const reversed = {
					...input,
					children: [...input.children].reverse(),
					provisions: [...input.provisions].reverse(),
				};
				expect(JSON.stringify(solveAllocation(reversed))).toBe(first);
			}),
			{ numRuns: 60 },
		);
	});

	it("holds on a London-like round of 400 children", () => {
		const round = generateLondonLike({ children: 400, provisions: 150, seed: 11 });
		const first = JSON.stringify(solveAllocation(round));
		expect(JSON.stringify(solveAllocation(structuredClone(round)))).toBe(first);
	});
});

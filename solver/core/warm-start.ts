import { PENDING, type Residual, UNPLACED } from "./residual";

/** The best and second-best option of a source under the current sink potentials. */
interface Choice {
	/** CSR position of the best edge, −1 when leaving the source unplaced is best. */
	at: number;
	best: number;
	second: number;
}

/**
 * Warm start in two passes, both keeping every residual reduced cost ≥ 0 (see Residual), so
 * the successive shortest paths that finish the job start from an optimal partial flow.
 *
 * 1. Everyone takes a cheapest place that still has room: with all sinks priced at 0 and
 *    π(i) = −(cheapest cost of i) every arc's reduced cost is ≥ 0.
 * 2. Row reduction in the manner of Jonker and Volgenant, for capacitated sinks: a pending
 *    source takes its best sink by value w − π(sink); if that sink is full, its potential
 *    drops by δ = min(second − best, the second-smallest slack of the sources there), the
 *    source with the least slack is evicted (and goes next), and the newcomer takes its
 *    place. Slack of a source = its second-best value − its value where it is, so every
 *    source that stays keeps all its reduced costs ≥ 0. A source whose δ would be 0 (a tie),
 *    or whose best sink has no places at all, is left for the shortest-path searches, and the
 *    pass stops after `stepsPerSource` steps per pending source: it cannot cycle.
 *
 * Returns the sources still pending, each with π(i) = −min(U, best value): tight and valid.
 */
export function warmStart(res: Residual, stepsPerSource = 4): number[] {
	const { start, cost, sink } = res.csr;
	const pending: number[] = [];
	for (let i = 0; i < res.n; i++) {
		const first = start[i] as number;
		const end = start[i + 1] as number;
		if (first === end) {
			res.assign[i] = UNPLACED;
			res.potential[i] = -res.csr.unplacedCost;
			continue;
		}
		const cheapest = cost[first] as number;
		res.potential[i] = -cheapest;
		for (let at = first; at < end && cost[at] === cheapest; at++) {
			const j = sink[at] as number;
			if (res.hasRoom(j)) {
				res.place(i, j, at);
				break;
			}
		}
		if (res.assign[i] === PENDING) pending.push(i);
	}
	return reduceRows(res, pending, stepsPerSource * pending.length);
}

function reduceRows(res: Residual, pending: number[], maxSteps: number): number[] {
	const { n, potential, slots, slotStart } = res;
	const { cost, sink } = res.csr;
	const choice: Choice = { at: -1, best: 0, second: 0 };
	const left: number[] = [];
	let steps = 0;
	for (const first of pending) {
		let i = first;
		while (i >= 0) {
			if (steps++ >= maxSteps) {
				left.push(i);
				break;
			}
			chooseFor(res, i, choice);
			if (choice.at < 0) {
				res.assign[i] = UNPLACED;
				potential[i] = -res.csr.unplacedCost;
				break;
			}
			const at = choice.at;
			const j = sink[at] as number;
			if (res.hasRoom(j)) {
				res.place(i, j, at);
				potential[i] = -choice.best;
				break;
			}
			// j is full: find the least and second-least slack among its sources.
			const from = slotStart[j] as number;
			const to = from + (res.load[j] as number);
			if (from === to) {
				left.push(i);
				break;
			}
			let evict = -1;
			let least = Number.POSITIVE_INFINITY;
			let secondLeast = Number.POSITIVE_INFINITY;
			for (let k = from; k < to; k++) {
				const l = slots[k] as number;
				const slack = slackOf(res, l, j);
				if (slack < least) {
					secondLeast = least;
					least = slack;
					evict = l;
				} else if (slack < secondLeast) secondLeast = slack;
			}
			const delta = Math.min(choice.second - choice.best, secondLeast);
			if (delta <= 0) {
				left.push(i);
				break;
			}
			potential[n + j] = (potential[n + j] as number) - delta;
			for (let k = from; k < to; k++) {
				const l = slots[k] as number;
				potential[l] = (potential[l] as number) - delta;
			}
			res.release(evict);
			res.assign[evict] = PENDING;
			res.place(i, j, at);
			potential[i] = (potential[n + j] as number) - (cost[at] as number);
			i = evict;
		}
	}
	for (const i of left) {
		chooseFor(res, i, choice);
		potential[i] = -choice.best;
	}
	return left;
}

/** Second-best value of placed source l minus its value at its own sink j. */
function slackOf(res: Residual, l: number, j: number): number {
	const n = res.n;
	const { start, cost, sink } = res.csr;
	const potential = res.potential;
	const here = (cost[res.assignAt[l] as number] as number) - (potential[n + j] as number);
	let other = res.csr.unplacedCost;
	const end = start[l + 1] as number;
	// Sink potentials are ≤ 0, so value ≥ cost: the edges come cheapest first.
	for (let at = start[l] as number; at < end && (cost[at] as number) < other; at++) {
		const k = sink[at] as number;
		if (k === j) continue;
		const value = (cost[at] as number) - (potential[n + k] as number);
		if (value < other) other = value;
	}
	return other - here;
}

/**
 * Best and second-best value of source i over its edges and the unplaced option (value U).
 * Among equal best values a sink with room is preferred.
 */
function chooseFor(res: Residual, i: number, out: Choice): void {
	const n = res.n;
	const { start, cost, sink } = res.csr;
	const potential = res.potential;
	let best = res.csr.unplacedCost;
	let second = Number.POSITIVE_INFINITY;
	let bestAt = -1;
	let bestRoom = true;
	const end = start[i + 1] as number;
	for (let at = start[i] as number; at < end && (cost[at] as number) <= second; at++) {
		const k = sink[at] as number;
		const value = (cost[at] as number) - (potential[n + k] as number);
		if (value < best || (value === best && !bestRoom && res.hasRoom(k))) {
			second = Math.min(second, best);
			best = value;
			bestAt = at;
			bestRoom = res.hasRoom(k);
		} else if (value < second) second = value;
	}
	out.at = bestAt;
	out.best = best;
	out.second = second;
}

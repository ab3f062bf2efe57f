import { marginalValues } from "../../solver/core/duals";
import type { Csr } from "../../solver/core/problem";
import { WarmTransport } from "../../solver/core/simplex/warm-transport";

/**
 * The bench's warm re-solve job: one cold simplex solve, then for `count` provisions spread over
 * the list, one more place (re-solved warm from the optimal basis, the saving checked against
 * the marginal value computed before) and back again (re-solved warm); then for `count` children
 * spread over the list, the child taken out of the round and brought back (each re-solved warm).
 * Times per re-solve.
 */
export function measureWarm(csr: Csr, count = 21) {
	const t0 = performance.now();
	const warm = new WarmTransport(csr);
	let current = warm.resolve();
	const coldMs = performance.now() - t0;
	const gains = marginalValues(warm.csr, current.flow, current.flow.potential).gain;
	const plus: number[] = [];
	const back: number[] = [];
	// CPU time of each one-more-place re-solve: steadier than wall time on a shared machine.
	const plusCpu: number[] = [];
	const cpuMs = () => {
		const u = process.cpuUsage();
		return (u.user + u.system) / 1000;
	};
	let checked = 0;
	let agreed = 0;
	const step = Math.max(1, Math.floor(csr.sinkCount / count));
	for (let j = 0; j < csr.sinkCount && plus.length < count; j += step) {
		const capacity = warm.csr.capacity[j] as number;
		const before = current.objective;
		let t = performance.now();
		const c = cpuMs();
		warm.setCapacity(j, capacity + 1);
		current = warm.resolve();
		plus.push(performance.now() - t);
		plusCpu.push(cpuMs() - c);
		checked++;
		if (before - current.objective === gains[j]) agreed++;
		t = performance.now();
		warm.setCapacity(j, capacity);
		current = warm.resolve();
		back.push(performance.now() - t);
		if (current.objective !== before)
			throw new Error("the place taken back did not restore the optimum");
	}
	// A child taken out of the round and brought back, each re-solved warm.
	const childOut: number[] = [];
	const childBack: number[] = [];
	const childStep = Math.max(1, Math.floor(csr.sourceCount / count));
	for (let i = 0; i < csr.sourceCount && childOut.length < count; i += childStep) {
		const before = current.objective;
		let t = performance.now();
		warm.removeChild(i);
		current = warm.resolve();
		childOut.push(performance.now() - t);
		t = performance.now();
		warm.addChild(i);
		current = warm.resolve();
		childBack.push(performance.now() - t);
		if (current.objective !== before) throw new Error("the child brought back changed the optimum");
	}
	const stats = (xs: number[]) => {
		const sorted = [...xs].sort((a, b) => a - b);
		const r = (x: number) => Math.round(x * 100) / 100;
		return {
			medianMs: r(sorted[(sorted.length - 1) >> 1] ?? 0),
			minMs: r(sorted[0] ?? 0),
			maxMs: r(sorted.at(-1) ?? 0),
		};
	};
	return {
		coldMs: Math.round(coldMs * 10) / 10,
		coldPivots: warm.coldPivots,
		resolves: warm.resolves,
		warmPivots: warm.warmPivots,
		onePlaceMore: { ...stats(plus), cpuMedianMs: stats(plusCpu).medianMs },
		placeTakenBack: stats(back),
		childRemoved: stats(childOut),
		childAddedBack: stats(childBack),
		shadowPricesChecked: checked,
		shadowPricesExact: agreed,
	};
}

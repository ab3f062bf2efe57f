import type { Csr } from "../../solver/core/problem";
import { transportNetwork } from "../../solver/core/simplex/transport-simplex";

/**
 * The transportation core as a DIMACS min-cost flow file ("p min", "n" supplies, "a" arcs with
 * lower bound, capacity and cost; nodes numbered from 1): the very network the simplex engine
 * solves, so a native solver reading it must reach the same objective. An arc without a
 * capacity gets the total supply, which no flow can exceed.
 */
export function transportDimacs(csr: Csr): string {
	const net = transportNetwork(csr);
	// The arrays have room for the simplex's artificial arcs after the real ones.
	const arcs = net.arcCount ?? net.source.length;
	let total = 0;
	for (let v = 0; v < net.nodeCount; v++) total += Math.max(0, net.supply[v] as number);
	const lines = ["c London SEND brokerage transportation core", `p min ${net.nodeCount} ${arcs}`];
	for (let v = 0; v < net.nodeCount; v++) {
		const b = net.supply[v] as number;
		if (b !== 0) lines.push(`n ${v + 1} ${b}`);
	}
	for (let e = 0; e < arcs; e++) {
		const cap = net.capacity[e] as number;
		const bounded = Number.isFinite(cap) ? cap : total;
		lines.push(
			`a ${(net.source[e] as number) + 1} ${(net.target[e] as number) + 1} 0 ${bounded} ${net.cost[e]}`,
		);
	}
	return `${lines.join("\n")}\n`;
}

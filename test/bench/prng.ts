/** mulberry32: a small seeded PRNG, so every generated instance is reproducible. */
export function createPrng(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export interface Picker {
	next: () => number;
	int: (min: number, max: number) => number;
	normal: () => number;
	weighted: <T>(items: readonly (readonly [T, number])[]) => T;
}

export function createPicker(seed: number): Picker {
	const next = createPrng(seed);
	return {
		next,
		int: (min, max) => min + Math.floor(next() * (max - min + 1)),
		normal: () => {
			const u = Math.max(next(), 1e-12);
			return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
		},
		weighted: (items) => {
			const total = items.reduce((sum, [, w]) => sum + w, 0);
			let r = next() * total;
			for (const [item, w] of items) {
				r -= w;
				if (r < 0) return item;
			}
			return (items[items.length - 1] as readonly [never, number])[0];
		},
	};
}

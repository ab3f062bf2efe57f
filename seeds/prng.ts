// A small seeded PRNG (sfc32, seeded through a 32-bit string hash). Never Math.random: the demo
// scenario must be the same on every machine for the same seed.

/** 32-bit FNV-1a-style mix of a string, for deriving independent streams from one seed. */
function hash32(text: string, salt: number): number {
	let h = (0x811c9dc5 ^ salt) >>> 0;
	for (let i = 0; i < text.length; i++) {
		h ^= text.charCodeAt(i);
		h = Math.imul(h, 0x01000193) >>> 0;
	}
	h ^= h >>> 16;
	h = Math.imul(h, 0x85ebca6b) >>> 0;
	h ^= h >>> 13;
	return h >>> 0;
}

export class Rng {
	private a: number;
	private b: number;
	private c: number;
	private d: number;

	/** A stream for (seed, label): streams with different labels are independent. */
	constructor(seed: number, label = "") {
		this.a = hash32(`a:${label}`, seed);
		this.b = hash32(`b:${label}`, seed);
		this.c = hash32(`c:${label}`, seed);
		this.d = 1;
		for (let i = 0; i < 15; i++) this.next();
	}

	/** Uniform in [0, 1). */
	next(): number {
		const t = (((this.a + this.b) | 0) + this.d) | 0;
		this.d = (this.d + 1) | 0;
		this.a = this.b ^ (this.b >>> 9);
		this.b = (this.c + (this.c << 3)) | 0;
		this.c = (this.c << 21) | (this.c >>> 11);
		this.c = (this.c + t) | 0;
		return (t >>> 0) / 4294967296;
	}

	/** Integer in [min, max], both inclusive. */
	int(min: number, max: number): number {
		return min + Math.floor(this.next() * (max - min + 1));
	}

	chance(p: number): boolean {
		return this.next() < p;
	}

	pick<T>(items: readonly T[]): T {
		if (items.length === 0) throw new Error("pick from an empty list");
		return items[Math.floor(this.next() * items.length)] as T;
	}

	/** Index drawn with probability proportional to its weight (weights ≥ 0, not all 0). */
	weightedIndex(weights: readonly number[]): number {
		const total = weights.reduce((s, w) => s + Math.max(0, w), 0);
		if (!(total > 0)) throw new Error("weighted draw with no positive weight");
		let r = this.next() * total;
		for (let i = 0; i < weights.length; i++) {
			r -= Math.max(0, weights[i] ?? 0);
			if (r < 0) return i;
		}
		return weights.length - 1;
	}

	weighted<T>(items: readonly T[], weights: readonly number[]): T {
		return items[this.weightedIndex(weights)] as T;
	}

	/** Fisher–Yates on a copy. */
	shuffle<T>(items: readonly T[]): T[] {
		const out = [...items];
		for (let i = out.length - 1; i > 0; i--) {
			const j = Math.floor(this.next() * (i + 1));
			[out[i], out[j]] = [out[j] as T, out[i] as T];
		}
		return out;
	}

	/** Triangular distribution on [low, high] with the given mode. */
	triangular(low: number, mode: number, high: number): number {
		const u = this.next();
		const f = (mode - low) / (high - low);
		return u < f
			? low + Math.sqrt(u * (high - low) * (mode - low))
			: high - Math.sqrt((1 - u) * (high - low) * (high - mode));
	}
}

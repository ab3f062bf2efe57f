import { z } from "zod";

/**
 * The service's configuration, read once at start from the environment and validated here; the
 * only place that knows environment variable names. Everything else receives a `Config`.
 */
const configSchema = z.object({
	PORT: z.coerce.number().int().min(1).max(65_535).default(8787),
	HOST: z.string().min(1).default("0.0.0.0"),
	DATA_DIR: z.string().min(1).default("./.data"),
	DATABASE_URL: z
		.string()
		.regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
		.optional(),
	DEMO_SEED: z.coerce.number().int().min(0).default(2025),
	LOAD_DEMO: z.enum(["true", "false"]).default("true"),
	DEMO_CHILDREN: z.coerce.number().int().min(0).max(50_000).default(2000),
	LOG_REQUESTS: z.enum(["true", "false"]).default("false"),
	MAX_BODY_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
	AUTH_ISSUER: z.string().min(1).default("urn:send-brokerage:local"),
	AUTH_AUDIENCE: z.string().min(1).default("send-brokerage-api"),
	AUTH_ALGORITHMS: z
		.string()
		.regex(
			/^(ES256|ES384|RS256|PS256|EdDSA)(,(ES256|ES384|RS256|PS256|EdDSA))*$/,
			"must be a comma list of ES256, ES384, RS256, PS256, EdDSA",
		)
		.default("ES256"),
	AUTH_JWKS_URL: z.url({ protocol: /^https?$/ }).optional(),
	AUTH_PUBLIC_KEY: z
		.string()
		.includes("BEGIN PUBLIC KEY", { message: "must be a PEM SPKI public key" })
		.optional(),
});

export type Config = {
	port: number;
	host: string;
	dataDir: string;
	databaseUrl: string | undefined;
	demoSeed: number;
	loadDemo: boolean;
	demoChildren: number;
	logRequests: boolean;
	maxBodyBytes: number;
	auth: {
		issuer: string;
		audience: string;
		algorithms: string[];
		jwksUrl: string | undefined;
		publicKeyPem: string | undefined;
	};
};

export class ConfigError extends Error {}

/** Validates an environment-like record; throws a ConfigError whose message names the bad value. */
export function loadConfig(env: Record<string, string | undefined>): Config {
	const present = Object.fromEntries(
		Object.entries(env).filter(([, v]) => v !== undefined && v !== ""),
	);
	const parsed = configSchema.safeParse(present);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		const name = issue?.path.join(".") ?? "configuration";
		const value = present[name];
		throw new ConfigError(
			`invalid ${name}${value === undefined ? "" : `=${JSON.stringify(value)}`}: ${issue?.message}`,
		);
	}
	const c = parsed.data;
	return {
		port: c.PORT,
		host: c.HOST,
		dataDir: c.DATA_DIR,
		databaseUrl: c.DATABASE_URL,
		demoSeed: c.DEMO_SEED,
		loadDemo: c.LOAD_DEMO === "true",
		demoChildren: c.DEMO_CHILDREN,
		logRequests: c.LOG_REQUESTS === "true",
		maxBodyBytes: c.MAX_BODY_BYTES,
		auth: {
			issuer: c.AUTH_ISSUER,
			audience: c.AUTH_AUDIENCE,
			algorithms: c.AUTH_ALGORITHMS.split(","),
			jwksUrl: c.AUTH_JWKS_URL,
			publicKeyPem: c.AUTH_PUBLIC_KEY,
		},
	};
}

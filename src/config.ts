import { z } from "zod";

/**
 * The service's configuration, read once at start from the environment and validated here; the
 * only place that knows environment variable names. Everything else receives a `Config`.
 */
const configSchema = z
	.object({
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
		STOP_GRACE_SECONDS: z.coerce.number().min(0).max(300).default(10),
		IMPORT_MAX_BYTES: z.coerce.number().int().min(1024).default(104_857_600),
		JOB_LEASE_SECONDS: z.coerce.number().min(2).max(600).default(20),
		SOLVER_THREADS: z.coerce.number().int().min(1).max(64).optional(),
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
		SESSION_SECRET: z
			.string()
			.regex(/^[A-Za-z0-9_-]{43}$/, "must be 32 random bytes, base64url (43 characters)")
			.optional(),
		SESSION_HOURS: z.coerce.number().min(0.25).max(24).default(8),
		PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
		OIDC_ISSUER: z.url({ protocol: /^https?$/ }).optional(),
		OIDC_CLIENT_ID: z.string().min(1).optional(),
		OIDC_CLIENT_SECRET: z.string().min(1).optional(),
		OIDC_SCOPES: z.string().min(1).default("openid profile"),
		OIDC_CLAIM_ROLE: z.string().min(1).default("role"),
		OIDC_CLAIM_LA: z.string().min(1).default("la"),
		OIDC_CLAIM_URN: z.string().min(1).default("urn"),
		OIDC_CLAIM_JOINT: z.string().min(1).default("joint"),
	})
	.superRefine((c, ctx) => {
		// An OpenID client needs its id and the public address its callback is registered under.
		for (const name of ["OIDC_CLIENT_ID", "PUBLIC_URL"] as const) {
			if (c.OIDC_ISSUER && !c[name])
				ctx.addIssue({ code: "custom", path: [name], message: "is required with OIDC_ISSUER" });
		}
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
	/** On SIGTERM/SIGINT, how long requests in flight and background work may take to finish. */
	stopGraceSeconds: number;
	importMaxBytes: number;
	/** How long a claimed job (a matching run) stays this instance's without renewal. */
	jobLeaseSeconds: number;
	/** Worker threads that solve rounds; default one per core less one. */
	solverThreads: number | undefined;
	auth: {
		issuer: string;
		audience: string;
		algorithms: string[];
		jwksUrl: string | undefined;
		publicKeyPem: string | undefined;
	};
	web: {
		/** base64url of the 32-byte key that seals session cookies; else one kept in DATA_DIR. */
		sessionSecret: string | undefined;
		sessionHours: number;
		/** The address people use (behind a proxy); the OpenID callback is built from it. */
		publicUrl: string | undefined;
		oidc:
			| {
					issuer: string;
					clientId: string;
					clientSecret: string | undefined;
					scope: string;
					claims: { role: string; la: string; urn: string; joint: string };
			  }
			| undefined;
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
		stopGraceSeconds: c.STOP_GRACE_SECONDS,
		importMaxBytes: c.IMPORT_MAX_BYTES,
		jobLeaseSeconds: c.JOB_LEASE_SECONDS,
		solverThreads: c.SOLVER_THREADS,
		auth: {
			issuer: c.AUTH_ISSUER,
			audience: c.AUTH_AUDIENCE,
			algorithms: c.AUTH_ALGORITHMS.split(","),
			jwksUrl: c.AUTH_JWKS_URL,
			publicKeyPem: c.AUTH_PUBLIC_KEY,
		},
		web: {
			sessionSecret: c.SESSION_SECRET,
			sessionHours: c.SESSION_HOURS,
			publicUrl: c.PUBLIC_URL,
			oidc: c.OIDC_ISSUER
				? {
						issuer: c.OIDC_ISSUER,
						clientId: c.OIDC_CLIENT_ID ?? "",
						clientSecret: c.OIDC_CLIENT_SECRET,
						scope: c.OIDC_SCOPES,
						claims: {
							role: c.OIDC_CLAIM_ROLE,
							la: c.OIDC_CLAIM_LA,
							urn: c.OIDC_CLAIM_URN,
							joint: c.OIDC_CLAIM_JOINT,
						},
					}
				: undefined,
		},
	};
}

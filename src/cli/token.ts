import { parseArgs } from "node:util";
import { ROLES, type Role } from "../auth/claims.js";
import { ensureDevKey } from "../auth/dev-key.js";
import { signToken } from "../auth/sign.js";
import { ConfigError, loadConfig } from "../config.js";

/**
 * Prints a bearer token the local server accepts, signed with the development key in DATA_DIR:
 *   npm run -s token -- --la 314 --role publisher [--urn 142698] [--joint <partnership>] [--ttl 8h] [--sub name]
 */
const usage =
	"usage: npm run -s token -- --role <publisher|panel|commissioner|setting|admin> [--la 314] [--urn 142698] [--joint south-london-commissioning-programme] [--ttl 8h] [--sub id]";

function fail(message: string): never {
	console.error(`token: ${message}\n${usage}`);
	process.exit(2);
}

function seconds(ttl: string): number {
	const m = /^(\d+)([smhd]?)$/.exec(ttl);
	if (!m) fail(`--ttl ${ttl} is not a duration like 900, 30m, 8h or 2d`);
	const unit = { "": 1, s: 1, m: 60, h: 3600, d: 86_400 }[m[2] as "" | "s" | "m" | "h" | "d"];
	return Number(m[1]) * unit;
}

async function main(): Promise<void> {
	const { values } = parseArgs({
		options: {
			role: { type: "string" },
			la: { type: "string" },
			urn: { type: "string" },
			joint: { type: "string" },
			ttl: { type: "string", default: "8h" },
			sub: { type: "string" },
		},
		strict: true,
	});
	const role = values.role as Role | undefined;
	if (!role || !ROLES.includes(role))
		fail(`--role is required and must be one of ${ROLES.join(", ")}`);
	if ((role === "publisher" || role === "panel") && !values.la)
		fail(`--la is required for role ${role}`);
	if (values.la && !/^(20[1-9]|21[0-3]|30[1-9]|31[0-9]|320)$/.test(values.la))
		fail(`--la ${values.la} is not a London LA code`);
	if (role === "setting" && !values.urn) fail("--urn is required for role setting");
	const urn = values.urn ? Number(values.urn) : undefined;
	if (urn !== undefined && !(Number.isInteger(urn) && urn > 0))
		fail(`--urn ${values.urn} is not a URN`);

	if (values.joint && role !== "panel") fail("--joint is for role panel only");
	if (values.joint && !/^[a-z0-9][a-z0-9-]{0,63}$/.test(values.joint))
		fail(`--joint ${values.joint} is not a partnership id (see GET /partnerships)`);

	const config = loadConfig(process.env);
	if (config.auth.jwksUrl || config.auth.publicKeyPem)
		fail(
			"the server verifies tokens from an identity provider (AUTH_JWKS_URL or AUTH_PUBLIC_KEY); get a token there",
		);
	const { key, created } = await ensureDevKey(config.dataDir);
	if (created) console.error(`token: created the development signing key in ${config.dataDir}`);
	const token = await signToken(key.privateJwk, {
		role,
		la: values.la,
		urn,
		joint: values.joint,
		subject: values.sub,
		ttlSeconds: seconds(values.ttl ?? "8h"),
		issuer: config.auth.issuer,
		audience: config.auth.audience,
	});
	console.log(token);
}

main().catch((error: unknown) => {
	fail(
		error instanceof ConfigError
			? error.message
			: error instanceof Error
				? error.message
				: String(error),
	);
});

import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.js";

describe("loadConfig", () => {
	it("has sensible defaults for npm start", () => {
		const config = loadConfig({});
		expect(config).toMatchObject({
			port: 8787,
			dataDir: "./.data",
			databaseUrl: undefined,
			loadDemo: true,
			stopGraceSeconds: 10,
		});
		expect(loadConfig({ STOP_GRACE_SECONDS: "2.5" }).stopGraceSeconds).toBe(2.5);
	});

	it("reads DATABASE_URL, PORT and DATA_DIR", () => {
		const config = loadConfig({
			DATABASE_URL: "postgres://u@h:5432/db",
			PORT: "9000",
			DATA_DIR: "/tmp/x",
		});
		expect(config).toMatchObject({
			databaseUrl: "postgres://u@h:5432/db",
			port: 9000,
			dataDir: "/tmp/x",
		});
	});

	it.each([
		[{ PORT: "eighty" }, /^invalid PORT="eighty"/],
		[{ PORT: "70000" }, /^invalid PORT="70000"/],
		[{ DATABASE_URL: "mysql://x" }, /^invalid DATABASE_URL="mysql:\/\/x": must be a postgres/],
		[{ LOAD_DEMO: "yes" }, /^invalid LOAD_DEMO="yes"/],
		[{ STOP_GRACE_SECONDS: "-1" }, /^invalid STOP_GRACE_SECONDS="-1"/],
		[{ STOP_GRACE_SECONDS: "soon" }, /^invalid STOP_GRACE_SECONDS="soon"/],
	])("stops on a bad value with a one-line message naming it (%o)", (env, message) => {
		expect(() => loadConfig(env)).toThrow(ConfigError);
		expect(() => loadConfig(env)).toThrow(message);
		try {
			loadConfig(env);
		} catch (error) {
			expect((error as Error).message).not.toContain("\n");
		}
	});
});

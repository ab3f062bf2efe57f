import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { describe, expect, it } from "vitest";
import { DatabaseUnavailableError, ensurePostgresDatabase } from "../../src/db/postgres.js";
import { databaseUrlFor } from "../support/shared.js";

const url = process.env.TEST_DATABASE_URL;

describe.skipIf(!url)("DATABASE_URL naming a database that does not exist", () => {
	const server = url as string;

	it("is created when the user may create databases", async () => {
		const name = `send_new_${randomBytes(4).toString("hex")}`;
		const admin = postgres(server, { max: 1 });
		try {
			expect(await ensurePostgresDatabase(databaseUrlFor(server, name))).toBe("created");
			expect(await ensurePostgresDatabase(databaseUrlFor(server, name))).toBe("exists");
		} finally {
			await admin.unsafe(`drop database if exists ${name} with (force)`);
			await admin.end();
		}
	});

	it("otherwise stops with one line naming the database and the command to create it", async () => {
		const role = `send_nocreate_${randomBytes(4).toString("hex")}`;
		const name = `send_missing_${randomBytes(4).toString("hex")}`;
		const admin = postgres(server, { max: 1 });
		await admin.unsafe(`create role ${role} login nocreatedb`);
		try {
			const u = new URL(databaseUrlFor(server, name));
			u.username = role;
			const error = await ensurePostgresDatabase(u.toString()).catch((e: unknown) => e);
			expect(error).toBeInstanceOf(DatabaseUnavailableError);
			const message = (error as Error).message;
			expect(message.split("\n")).toHaveLength(1);
			expect(message).toContain(`database "${name}" does not exist`);
			expect(message).toContain(
				`createdb -h ${u.hostname} -p ${u.port || 5432} -U ${role} ${name}`,
			);
		} finally {
			await admin.unsafe(`drop role if exists ${role}`);
			await admin.end();
		}
	});
});

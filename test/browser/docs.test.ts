import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestApp } from "../support/app.js";
import { hasChromium, launchChromium, listen, offlineContext } from "../support/browser.js";

const t = useTestApp();

describe.skipIf(!hasChromium)("the API reference in Chromium, with the network off", () => {
	let chromium: Awaited<ReturnType<typeof launchChromium>>;
	let server: Awaited<ReturnType<typeof listen>>;
	beforeAll(async () => {
		chromium = await launchChromium();
		server = await listen(t.app.fetch);
	});
	afterAll(async () => {
		await server?.close();
		await chromium?.close();
	});

	it("renders the operations from the app's own assets, asking nothing of the internet", async () => {
		const { context, blocked } = await offlineContext(chromium.browser);
		const page = await context.newPage();
		const errors: string[] = [];
		page.on("pageerror", (error) => errors.push(error.message));
		page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
		await page.goto(`${server.origin}/docs`);
		await page.getByText("Service and database health").first().waitFor();
		await page.getByRole("button", { name: "Vacancies" }).first().click();
		await page.getByText("Publish a batch of vacancies, all or nothing").first().waitFor();
		expect(blocked).toEqual([]);
		expect(errors.filter((e) => /Content Security Policy|Refused/.test(e))).toEqual([]);
		await context.close();
	});
});

import { createRoute, z } from "@hono/zod-openapi";
import { SettingDetail, SettingListQuery, SettingPage, Urn } from "../contracts/settings.js";
import { publicAccess } from "../http/auth-docs.js";
import { jsonContent, problemResponses } from "../http/openapi.js";
import { ApiError } from "../http/problem.js";
import { createRouter } from "../http/router.js";
import { getSetting, listSettings } from "../queries/settings.js";
import { settingEtag } from "../services/access.js";
import { isoDay } from "../services/matching/params.js";
import { describeResolved, resolveSuccessors } from "../services/urn-successors.js";
import { toProvision, toSetting } from "./settings.view.js";

const tags = ["Registry"];

const listRoute = createRoute({
	method: "get",
	path: "/settings",
	operationId: "listSettings",
	tags,
	summary: "Specialist settings, filtered by borough, need type, phase and level",
	security: publicAccess,
	request: { query: SettingListQuery },
	responses: {
		200: jsonContent(SettingPage, "A page of settings"),
		...problemResponses(400),
	},
});

const getRoute = createRoute({
	method: "get",
	path: "/settings/{urn}",
	operationId: "getSetting",
	tags,
	summary: "One setting with its provisions and current vacancies",
	security: publicAccess,
	request: { params: z.object({ urn: Urn }) },
	responses: {
		200: {
			...jsonContent(SettingDetail, "The setting; its ETag goes in If-Match when writing to it"),
			headers: z.object({ ETag: z.string() }),
		},
		...problemResponses(400, 404),
	},
});

export const settingsRoutes = createRouter()
	.openapi(listRoute, async (c) => {
		const query = c.req.valid("query");
		const { db, now } = c.get("deps");
		const { total, items } = await listSettings(db, { ...query, today: isoDay(now()) });
		return c.json(
			{
				items: items.map(({ setting, summary }) => ({
					...toSetting(setting),
					provisions: summary?.provisions ?? 0,
					places: summary?.places ?? 0,
					vacantNow: summary?.vacant ?? 0,
					levels: summary?.levels ?? [],
					needTypes: summary?.needTypes ?? [],
				})),
				total,
				limit: query.limit,
				offset: query.offset,
			},
			200,
		);
	})
	.openapi(getRoute, async (c) => {
		const { urn } = c.req.valid("param");
		const { db } = c.get("deps");
		let found = await getSetting(db, urn);
		let resolvedFrom: { urn: number; via: number[]; linkType: string; message: string } | undefined;
		if (!found || found.setting.closedOn) {
			const successor = (await resolveSuccessors(db, [urn])).get(urn);
			const current = successor && (await getSetting(db, successor.urn));
			if (successor && current) {
				found = current;
				resolvedFrom = {
					urn,
					via: successor.via,
					linkType: successor.linkType,
					message: describeResolved(successor),
				};
			}
		}
		if (!found) throw new ApiError("not_found", `no setting with URN ${urn}`);
		c.header("ETag", settingEtag(found.setting.urn, found.setting.version));
		return c.json(
			{
				...toSetting(found.setting),
				provisions: found.provisions.map(toProvision),
				...(resolvedFrom ? { resolvedFrom } : {}),
			},
			200,
		);
	});

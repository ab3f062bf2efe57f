import { asc, sql } from "drizzle-orm";
import {
	boroughs,
	needTypes,
	partnershipMembers,
	partnerships,
	planLevelSatisfiers,
	planLevels,
	provisionLevels,
} from "../../schema/index.js";
import type { Executor } from "../db/types.js";

export async function listBoroughs(db: Executor) {
	const rows = await db
		.select({
			code: boroughs.code,
			gssCode: boroughs.gssCode,
			name: boroughs.name,
			inner: boroughs.inner,
			centroidLat: boroughs.centroidLat,
			centroidLon: boroughs.centroidLon,
			partnerships: sql<
				string[]
			>`coalesce(array_agg(${partnershipMembers.partnershipId} order by ${partnershipMembers.partnershipId}) filter (where ${partnershipMembers.partnershipId} is not null), '{}')`,
		})
		.from(boroughs)
		.leftJoin(partnershipMembers, sql`${partnershipMembers.boroughCode} = ${boroughs.code}`)
		.groupBy(boroughs.code)
		.orderBy(asc(boroughs.code));
	return rows;
}

export async function listPartnerships(db: Executor) {
	return db
		.select({
			id: partnerships.id,
			name: partnerships.name,
			kind: partnerships.kind,
			note: partnerships.note,
			members: sql<
				string[]
			>`coalesce(array_agg(${partnershipMembers.boroughCode} order by ${partnershipMembers.boroughCode}) filter (where ${partnershipMembers.boroughCode} is not null), '{}')`,
		})
		.from(partnerships)
		.leftJoin(partnershipMembers, sql`${partnershipMembers.partnershipId} = ${partnerships.id}`)
		.groupBy(partnerships.id)
		.orderBy(asc(partnerships.kind), asc(partnerships.id));
}

export async function listNeedTypes(db: Executor) {
	return db
		.select({ code: needTypes.code, label: needTypes.label, giasLabel: needTypes.giasLabel })
		.from(needTypes)
		.orderBy(asc(needTypes.sortOrder));
}

export async function listLevels(db: Executor) {
	const [plans, levels, satisfiers] = await Promise.all([
		db.select().from(planLevels).orderBy(asc(planLevels.code)),
		db.select().from(provisionLevels).orderBy(asc(provisionLevels.code)),
		db.select().from(planLevelSatisfiers),
	]);
	return plans.map((p) => ({
		code: p.code,
		label: p.label,
		provisionLevels: levels
			.filter((l) => satisfiers.some((s) => s.planLevel === p.code && s.provisionLevel === l.code))
			.map((l) => ({
				code: l.code,
				label: l.label,
				mainstream: l.mainstream,
				sen2Codes: l.sen2Codes,
				defaultPlaceFunding: l.defaultPlaceFunding,
			})),
	}));
}

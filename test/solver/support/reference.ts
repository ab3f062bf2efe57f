/**
 * An independent, deliberately naive restatement of the placement rules and the cost model,
 * written from DOMAIN.md and the issue rather than from the solver's code, so that tests can
 * check the solver against it.
 */
import type {
	Child,
	Params,
	Provision,
	SideConstraints,
	TravelMatrix,
} from "../../../solver/index";

export interface ReferenceEdge {
	childId: string;
	provisionId: string;
	miles: number;
	minutes: number;
	total: number;
	/** What the boroughs pay (no time value, no credit). */
	money: number;
	homePays: number;
	hostPays: number;
}

function haversineMiles(aLat: number, aLon: number, bLat: number, bLon: number): number {
	const toRad = (d: number) => (d * Math.PI) / 180;
	const h =
		Math.sin(toRad(bLat - aLat) / 2) ** 2 +
		Math.cos(toRad(aLat)) * Math.cos(toRad(bLat)) * Math.sin(toRad(bLon - aLon) / 2) ** 2;
	return 2 * 3958.7613 * Math.asin(Math.sqrt(h));
}

export function referenceEdge(
	child: Child,
	provision: Provision,
	params: Params,
	matrix?: TravelMatrix,
): ReferenceEdge | null {
	if (!provision.needTypes.includes(child.primaryNeed)) return null;
	if (child.age < provision.ageMin || child.age > provision.ageMax) return null;
	if (!child.levels.includes(provision.level)) return null;
	if (provision.capacity <= 0) return null;
	let journey = matrix?.[child.id]?.[provision.id];
	if (!journey) {
		const road =
			haversineMiles(child.lat, child.lon, provision.lat, provision.lon) *
			params.travel.detourFactor;
		journey = {
			miles: Math.round(road * 100) / 100,
			minutes:
				Math.round(((road / params.travel.speedMph) * 60 + params.travel.overheadMinutes) * 100) /
				100,
		};
	}
	const limit =
		child.maxJourneyMinutes ??
		(child.age <= params.journeyLimits.primaryMaxAge
			? params.journeyLimits.primaryMinutes
			: params.journeyLimits.secondaryMinutes);
	if (journey.minutes > limit) return null;
	const c = params.cost;
	const transport = Math.round(
		Math.max(c.transportMinimumAnnual, c.transportPerMileAnnual * journey.miles),
	);
	const time = Math.round(c.valueOfTimePerMinuteAnnual * journey.minutes);
	const rank = (child.preferences ?? []).indexOf(provision.settingUrn);
	const credit = rank >= 0 ? Math.round(c.preferenceCredit[rank] ?? 0) : 0;
	const { placeFunding, topUp, fee } = provision.cost;
	const money = placeFunding + topUp + fee + transport;
	return {
		childId: child.id,
		provisionId: provision.id,
		miles: journey.miles,
		minutes: journey.minutes,
		total: money + time - credit,
		money,
		homePays: topUp + fee + transport,
		hostPays: placeFunding,
	};
}

/** Every feasible edge, keyed "childId→provisionId". */
export function referenceEdges(
	children: Child[],
	provisions: Provision[],
	params: Params,
	matrix?: TravelMatrix,
): Map<string, ReferenceEdge> {
	const map = new Map<string, ReferenceEdge>();
	for (const child of children) {
		for (const provision of provisions) {
			const edge = referenceEdge(child, provision, params, matrix);
			if (edge) map.set(`${child.id}→${provision.id}`, edge);
		}
	}
	return map;
}

/** Does a proposal (childId → provisionId) meet every side constraint? */
export function meetsSideConstraints(
	proposal: Map<string, string>,
	children: Child[],
	provisions: Provision[],
	edges: Map<string, ReferenceEdge>,
	side: SideConstraints,
): boolean {
	const childById = new Map(children.map((c) => [c.id, c]));
	const provisionById = new Map(provisions.map((p) => [p.id, p]));
	const spend = new Map<string, number>();
	const out = new Map<string, number>();
	for (const [childId, provisionId] of proposal) {
		const child = childById.get(childId) as Child;
		const provision = provisionById.get(provisionId) as Provision;
		const edge = edges.get(`${childId}→${provisionId}`) as ReferenceEdge;
		spend.set(child.borough, (spend.get(child.borough) ?? 0) + edge.homePays);
		spend.set(provision.borough, (spend.get(provision.borough) ?? 0) + edge.hostPays);
		if (child.borough !== provision.borough)
			out.set(child.borough, (out.get(child.borough) ?? 0) + 1);
	}
	for (const [borough, cap] of Object.entries(side.budgetCaps ?? {})) {
		if ((spend.get(borough) ?? 0) > cap) return false;
	}
	for (const [borough, ceiling] of Object.entries(side.outOfBoroughCeilings ?? {})) {
		if ((out.get(borough) ?? 0) > ceiling) return false;
	}
	for (const group of side.sameSettingGroups ?? []) {
		const settings = new Set(
			group.flatMap((id) => {
				const provisionId = proposal.get(id);
				return provisionId ? [provisionById.get(provisionId)?.settingUrn] : [];
			}),
		);
		if (settings.size > 1) return false;
	}
	return true;
}

/**
 * What leaving a child out of published supply costs: its independent-sector fallback (fee by
 * need and phase, transport and time for the configured journey), or the unplaced penalty when
 * no fee is configured for it ("no placement found").
 */
export function referenceUnplacedCost(child: Child, params: Params): number {
	const fallback = params.fallback;
	const phase =
		child.age >= 4 && child.age <= 10
			? "primary"
			: child.age >= 11 && child.age <= 15
				? "secondary"
				: child.age >= 16 && child.age <= 25
					? "post16"
					: child.age >= 2 && child.age <= 3
						? "early_years"
						: null;
	const fee = phase && fallback ? fallback.fees[child.primaryNeed]?.[phase] : undefined;
	if (!fallback || fee === undefined) return params.cost.unplacedPenalty;
	const c = params.cost;
	const transport = Math.round(
		Math.max(c.transportMinimumAnnual, c.transportPerMileAnnual * fallback.journey.miles),
	);
	return (
		Math.round(fee) +
		transport +
		Math.round(c.valueOfTimePerMinuteAnnual * fallback.journey.minutes)
	);
}

-- Data only (no schema change): bring records written before 0003 in line with its rules.
-- An active placement confirmed before `vacancy_year_group` existed gives its place back where the
-- code of the time would have: the child's year-group row when the provision publishes per year group.
UPDATE "placement" AS p SET "vacancy_year_group" = c."year_group"
FROM "child" AS c
WHERE c."id" = p."child_id"
	AND p."status" = 'active'
	AND p."vacancy_year_group" IS NULL
	AND EXISTS (
		SELECT 1 FROM "vacancy" AS v
		WHERE v."provision_id" = p."provision_id" AND v."year_group" IS NOT NULL
	);
--> statement-breakpoint
-- An agreed consultation spent by a placement that has since ended or been cancelled is closed, so
-- it no longer blocks consulting the child at that provision again (consultation_one_open).
UPDATE "consultation" AS c SET "status" = 'closed'
WHERE c."status" = 'agreed'
	AND EXISTS (
		SELECT 1 FROM "placement" AS p
		WHERE p."consultation_id" = c."id" AND p."status" IN ('ended', 'cancelled')
	);

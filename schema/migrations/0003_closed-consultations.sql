ALTER TABLE "consultation" DROP CONSTRAINT "consultation_status_valid";--> statement-breakpoint
ALTER TABLE "placement" ADD COLUMN "vacancy_year_group" text;--> statement-breakpoint
ALTER TABLE "consultation" ADD CONSTRAINT "consultation_status_valid" CHECK (status IN ('open','agreed','declined','withdrawn','closed'));--> statement-breakpoint
ALTER TABLE "placement" ADD CONSTRAINT "placement_vacancy_year_group_valid" CHECK (vacancy_year_group IS NULL OR vacancy_year_group IN ('N1','N2','R','Y1','Y2','Y3','Y4','Y5','Y6','Y7','Y8','Y9','Y10','Y11','Y12','Y13','Y14'));
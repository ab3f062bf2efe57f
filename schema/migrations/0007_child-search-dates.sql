ALTER TABLE "child" ADD COLUMN "plan_finalised_on" date;--> statement-breakpoint
ALTER TABLE "child" ADD COLUMN "search_started_on" date;--> statement-breakpoint
ALTER TABLE "child" ADD COLUMN "out_of_education_since" date;--> statement-breakpoint
-- Data: a child already waiting has been searched for since its referral.
UPDATE "child" SET "search_started_on" = ("referred_at" AT TIME ZONE 'Europe/London')::date WHERE "search_started_on" IS NULL;

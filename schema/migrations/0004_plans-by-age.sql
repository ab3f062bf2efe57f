CREATE TABLE "plans_by_age" (
	"borough_code" char(3) NOT NULL,
	"placement" text NOT NULL,
	"age" integer NOT NULL,
	"plans" integer NOT NULL,
	CONSTRAINT "plans_by_age_borough_code_placement_age_pk" PRIMARY KEY("borough_code","placement","age"),
	CONSTRAINT "plans_by_age_age" CHECK ("plans_by_age"."age" BETWEEN 0 AND 25),
	CONSTRAINT "plans_by_age_plans" CHECK ("plans_by_age"."plans" >= 0)
);
--> statement-breakpoint
ALTER TABLE "plans_by_age" ADD CONSTRAINT "plans_by_age_borough_code_borough_code_fk" FOREIGN KEY ("borough_code") REFERENCES "public"."borough"("code") ON DELETE no action ON UPDATE no action;
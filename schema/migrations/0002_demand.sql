CREATE TABLE "caseload_series" (
	"borough_code" char(3) NOT NULL,
	"academic_year" text NOT NULL,
	"plans" integer NOT NULL,
	CONSTRAINT "caseload_series_borough_code_academic_year_pk" PRIMARY KEY("borough_code","academic_year")
);
--> statement-breakpoint
CREATE TABLE "plans_by_placement_need" (
	"borough_code" char(3) NOT NULL,
	"placement" text NOT NULL,
	"need_code" text NOT NULL,
	"plans" integer NOT NULL,
	CONSTRAINT "plans_by_placement_need_borough_code_placement_need_code_pk" PRIMARY KEY("borough_code","placement","need_code")
);
--> statement-breakpoint
ALTER TABLE "caseload_series" ADD CONSTRAINT "caseload_series_borough_code_borough_code_fk" FOREIGN KEY ("borough_code") REFERENCES "public"."borough"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans_by_placement_need" ADD CONSTRAINT "plans_by_placement_need_borough_code_borough_code_fk" FOREIGN KEY ("borough_code") REFERENCES "public"."borough"("code") ON DELETE no action ON UPDATE no action;
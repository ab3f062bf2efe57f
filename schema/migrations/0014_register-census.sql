CREATE TABLE "setting_census" (
	"urn" integer PRIMARY KEY NOT NULL,
	"period" text,
	"total_pupils" integer,
	"sen_support" integer,
	"ehc_plans" integer,
	"ehc_by_need" jsonb NOT NULL,
	"sen_unit" boolean,
	"resourced_provision" boolean,
	"designations" text[] DEFAULT '{}'::text[] NOT NULL,
	"findings" jsonb NOT NULL,
	"provenance" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "setting_census_counts_nonneg" CHECK (coalesce("setting_census"."total_pupils", 0) >= 0 AND coalesce("setting_census"."sen_support", 0) >= 0 AND coalesce("setting_census"."ehc_plans", 0) >= 0)
);
--> statement-breakpoint
CREATE TABLE "setting_funded_places" (
	"urn" integer PRIMARY KEY NOT NULL,
	"academic_year" text,
	"special_places" integer,
	"unit_places_6k" integer,
	"unit_places_10k" integer,
	"findings" jsonb NOT NULL,
	"provenance" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "setting_funded_places_nonneg" CHECK (coalesce("setting_funded_places"."special_places", 0) >= 0 AND coalesce("setting_funded_places"."unit_places_6k", 0) >= 0 AND coalesce("setting_funded_places"."unit_places_10k", 0) >= 0)
);
--> statement-breakpoint
ALTER TABLE "setting_census" ADD CONSTRAINT "setting_census_urn_setting_urn_fk" FOREIGN KEY ("urn") REFERENCES "public"."setting"("urn") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "setting_funded_places" ADD CONSTRAINT "setting_funded_places_urn_setting_urn_fk" FOREIGN KEY ("urn") REFERENCES "public"."setting"("urn") ON DELETE cascade ON UPDATE no action;
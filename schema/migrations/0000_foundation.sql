CREATE TABLE "borough" (
	"code" char(3) PRIMARY KEY NOT NULL,
	"gss_code" char(9) NOT NULL,
	"name" text NOT NULL,
	"inner" boolean NOT NULL,
	"centroid_lat" double precision NOT NULL,
	"centroid_lon" double precision NOT NULL,
	CONSTRAINT "borough_gss_code_unique" UNIQUE("gss_code"),
	CONSTRAINT "borough_name_unique" UNIQUE("name"),
	CONSTRAINT "borough_code_valid" CHECK (code ~ '^(20[1-9]|21[0-3]|30[1-9]|31[0-9]|320)$'),
	CONSTRAINT "borough_gss_valid" CHECK (gss_code ~ '^E09000(0[0-2][0-9]|03[0-3])$')
);
--> statement-breakpoint
CREATE TABLE "cost_default" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"source" text
);
--> statement-breakpoint
CREATE TABLE "need_type" (
	"code" text PRIMARY KEY NOT NULL,
	"label" text NOT NULL,
	"gias_label" text NOT NULL,
	"sort_order" integer NOT NULL,
	CONSTRAINT "need_type_gias_label_unique" UNIQUE("gias_label")
);
--> statement-breakpoint
CREATE TABLE "partnership_member" (
	"partnership_id" text NOT NULL,
	"borough_code" char(3) NOT NULL,
	CONSTRAINT "partnership_member_partnership_id_borough_code_pk" PRIMARY KEY("partnership_id","borough_code")
);
--> statement-breakpoint
CREATE TABLE "partnership" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "plan_level" (
	"code" text PRIMARY KEY NOT NULL,
	"label" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "postcode_district" (
	"district" text PRIMARY KEY NOT NULL,
	"lat" double precision NOT NULL,
	"lon" double precision NOT NULL,
	"borough_code" char(3) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "provision_level" (
	"code" text PRIMARY KEY NOT NULL,
	"label" text NOT NULL,
	"plan_level" text NOT NULL,
	"mainstream" boolean NOT NULL,
	"sen2_codes" jsonb NOT NULL,
	"default_place_funding" integer NOT NULL,
	CONSTRAINT "provision_level_funding_nonneg" CHECK ("provision_level"."default_place_funding" >= 0)
);
--> statement-breakpoint
CREATE TABLE "provision_need_type" (
	"provision_id" integer NOT NULL,
	"need_code" text NOT NULL,
	CONSTRAINT "provision_need_type_provision_id_need_code_pk" PRIMARY KEY("provision_id","need_code")
);
--> statement-breakpoint
CREATE TABLE "provision" (
	"id" serial PRIMARY KEY NOT NULL,
	"setting_urn" integer NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"level" text NOT NULL,
	"age_min" integer NOT NULL,
	"age_max" integer NOT NULL,
	"places" integer NOT NULL,
	"place_funding" integer NOT NULL,
	"top_up" integer NOT NULL,
	"fee" integer DEFAULT 0 NOT NULL,
	"synthetic" text[] DEFAULT '{}'::text[] NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "provision_setting_code" UNIQUE("setting_urn","code"),
	CONSTRAINT "provision_code_format" CHECK ("provision"."code" ~ '^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$'),
	CONSTRAINT "provision_places_nonneg" CHECK ("provision"."places" >= 0),
	CONSTRAINT "provision_costs_nonneg" CHECK ("provision"."place_funding" >= 0 AND "provision"."top_up" >= 0 AND "provision"."fee" >= 0),
	CONSTRAINT "provision_ages" CHECK ("provision"."age_min" >= 0 AND "provision"."age_max" <= 25 AND "provision"."age_min" <= "provision"."age_max")
);
--> statement-breakpoint
CREATE TABLE "setting" (
	"urn" integer PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"borough_code" char(3) NOT NULL,
	"gias_type" text NOT NULL,
	"phase" text NOT NULL,
	"age_min" integer NOT NULL,
	"age_max" integer NOT NULL,
	"postcode" text,
	"lat" double precision NOT NULL,
	"lon" double precision NOT NULL,
	"location_source" text NOT NULL,
	"pupil_count" integer,
	"status" text,
	"synthetic" text[] DEFAULT '{}'::text[] NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "setting_urn_positive" CHECK ("setting"."urn" > 0),
	CONSTRAINT "setting_ages" CHECK ("setting"."age_min" >= 0 AND "setting"."age_max" <= 25 AND "setting"."age_min" <= "setting"."age_max"),
	CONSTRAINT "setting_pupils_nonneg" CHECK ("setting"."pupil_count" IS NULL OR "setting"."pupil_count" >= 0),
	CONSTRAINT "setting_lat" CHECK ("setting"."lat" BETWEEN 49 AND 61),
	CONSTRAINT "setting_lon" CHECK ("setting"."lon" BETWEEN -9 AND 3)
);
--> statement-breakpoint
CREATE TABLE "vacancy" (
	"id" serial PRIMARY KEY NOT NULL,
	"provision_id" integer NOT NULL,
	"year_group" text,
	"count" integer NOT NULL,
	"available_from" date,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "vacancy_provision_year" UNIQUE NULLS NOT DISTINCT("provision_id","year_group"),
	CONSTRAINT "vacancy_count_nonneg" CHECK ("vacancy"."count" >= 0),
	CONSTRAINT "vacancy_year_group_valid" CHECK (year_group IS NULL OR year_group IN ('N1','N2','R','Y1','Y2','Y3','Y4','Y5','Y6','Y7','Y8','Y9','Y10','Y11','Y12','Y13','Y14'))
);
--> statement-breakpoint
CREATE TABLE "vacancy_event" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"provision_id" integer NOT NULL,
	"year_group" text,
	"count" integer NOT NULL,
	"previous_count" integer,
	"available_from" date,
	"source" text NOT NULL,
	"actor" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "vacancy_event_count_nonneg" CHECK ("vacancy_event"."count" >= 0)
);
--> statement-breakpoint
CREATE TABLE "audit_event" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor" text NOT NULL,
	"role" text NOT NULL,
	"borough_code" char(3),
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"request_id" text
);
--> statement-breakpoint
CREATE TABLE "idempotency_key" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"scope" text NOT NULL,
	"key" text NOT NULL,
	"request_hash" text NOT NULL,
	"status" integer NOT NULL,
	"body" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_scope_key" UNIQUE("scope","key"),
	CONSTRAINT "idempotency_key_length" CHECK (length("idempotency_key"."key") between 1 and 255)
);
--> statement-breakpoint
ALTER TABLE "partnership_member" ADD CONSTRAINT "partnership_member_partnership_id_partnership_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnership"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnership_member" ADD CONSTRAINT "partnership_member_borough_code_borough_code_fk" FOREIGN KEY ("borough_code") REFERENCES "public"."borough"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "postcode_district" ADD CONSTRAINT "postcode_district_borough_code_borough_code_fk" FOREIGN KEY ("borough_code") REFERENCES "public"."borough"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provision_level" ADD CONSTRAINT "provision_level_plan_level_plan_level_code_fk" FOREIGN KEY ("plan_level") REFERENCES "public"."plan_level"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provision_need_type" ADD CONSTRAINT "provision_need_type_provision_id_provision_id_fk" FOREIGN KEY ("provision_id") REFERENCES "public"."provision"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provision_need_type" ADD CONSTRAINT "provision_need_type_need_code_need_type_code_fk" FOREIGN KEY ("need_code") REFERENCES "public"."need_type"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provision" ADD CONSTRAINT "provision_setting_urn_setting_urn_fk" FOREIGN KEY ("setting_urn") REFERENCES "public"."setting"("urn") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provision" ADD CONSTRAINT "provision_level_provision_level_code_fk" FOREIGN KEY ("level") REFERENCES "public"."provision_level"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "setting" ADD CONSTRAINT "setting_borough_code_borough_code_fk" FOREIGN KEY ("borough_code") REFERENCES "public"."borough"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vacancy" ADD CONSTRAINT "vacancy_provision_id_provision_id_fk" FOREIGN KEY ("provision_id") REFERENCES "public"."provision"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vacancy_event" ADD CONSTRAINT "vacancy_event_provision_id_provision_id_fk" FOREIGN KEY ("provision_id") REFERENCES "public"."provision"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "provision_need_code_idx" ON "provision_need_type" USING btree ("need_code");--> statement-breakpoint
CREATE INDEX "provision_level_idx" ON "provision" USING btree ("level");--> statement-breakpoint
CREATE INDEX "setting_borough_idx" ON "setting" USING btree ("borough_code");--> statement-breakpoint
CREATE INDEX "vacancy_event_provision_idx" ON "vacancy_event" USING btree ("provision_id");--> statement-breakpoint
CREATE INDEX "audit_entity_idx" ON "audit_event" USING btree ("entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "audit_actor_idx" ON "audit_event" USING btree ("actor","at");
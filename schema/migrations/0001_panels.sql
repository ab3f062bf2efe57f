CREATE TABLE "plan_level_satisfier" (
	"plan_level" text NOT NULL,
	"provision_level" text NOT NULL,
	CONSTRAINT "plan_level_satisfier_plan_level_provision_level_pk" PRIMARY KEY("plan_level","provision_level")
);
--> statement-breakpoint
CREATE TABLE "child" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"borough_code" char(3) NOT NULL,
	"case_ref" text NOT NULL,
	"year_group" text NOT NULL,
	"age" integer NOT NULL,
	"primary_need" text NOT NULL,
	"secondary_needs" text[] DEFAULT '{}'::text[] NOT NULL,
	"plan_level" text NOT NULL,
	"home_lat" double precision NOT NULL,
	"home_lon" double precision NOT NULL,
	"home_district" text,
	"max_journey_minutes" integer NOT NULL,
	"preferences" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"status" text DEFAULT 'awaiting' NOT NULL,
	"referred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"synthetic" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "child_case_ref_format" CHECK ("child"."case_ref" ~ '^[A-Za-z0-9][A-Za-z0-9/_.-]{0,39}$'),
	CONSTRAINT "child_year_group_valid" CHECK (year_group IN ('N1','N2','R','Y1','Y2','Y3','Y4','Y5','Y6','Y7','Y8','Y9','Y10','Y11','Y12','Y13','Y14')),
	CONSTRAINT "child_age" CHECK ("child"."age" BETWEEN 0 AND 25),
	CONSTRAINT "child_status_valid" CHECK (status IN ('awaiting','consulting','placed')),
	CONSTRAINT "child_journey_limit" CHECK ("child"."max_journey_minutes" BETWEEN 5 AND 240),
	CONSTRAINT "child_home_rounded" CHECK ("child"."home_lat" = round("child"."home_lat"::numeric, 3) AND "child"."home_lon" = round("child"."home_lon"::numeric, 3))
);
--> statement-breakpoint
CREATE TABLE "consultation" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"child_id" uuid NOT NULL,
	"provision_id" integer NOT NULL,
	"setting_urn" integer NOT NULL,
	"home_borough" char(3) NOT NULL,
	"maintaining_borough" char(3) NOT NULL,
	"proposal_id" uuid,
	"status" text DEFAULT 'open' NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	"due_at" date NOT NULL,
	"can_meet_need" boolean,
	"has_capacity" boolean,
	"reason_code" text,
	"evidence" text,
	"answered_at" timestamp with time zone,
	"answered_by" text,
	CONSTRAINT "consultation_status_valid" CHECK (status IN ('open','agreed','declined','withdrawn')),
	CONSTRAINT "consultation_reason_valid" CHECK (reason_code IS NULL OR reason_code IN ('cannot_meet_need','no_capacity','age_range','incompatible_with_efficient_education','health_and_safety','other')),
	CONSTRAINT "consultation_decline_evidenced" CHECK ("consultation"."status" <> 'declined' OR ("consultation"."reason_code" IS NOT NULL AND length(coalesce("consultation"."evidence", '')) >= 20))
);
--> statement-breakpoint
CREATE TABLE "matching_run" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"borough_code" char(3),
	"scope_boroughs" text[] NOT NULL,
	"requested_by" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"progress" integer DEFAULT 0 NOT NULL,
	"request" jsonb NOT NULL,
	"inputs" jsonb,
	"engine" text,
	"method" text,
	"objective" double precision,
	"lower_bound" double precision,
	"gap" double precision,
	"figures" jsonb,
	"greedy" jsonb,
	"shadow_prices" jsonb,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "run_status_valid" CHECK (status IN ('queued','running','done','failed')),
	CONSTRAINT "run_progress" CHECK ("matching_run"."progress" BETWEEN 0 AND 100)
);
--> statement-breakpoint
CREATE TABLE "placement" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"child_id" uuid NOT NULL,
	"provision_id" integer NOT NULL,
	"consultation_id" uuid NOT NULL,
	"home_borough" char(3) NOT NULL,
	"host_borough" char(3) NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"start_date" date NOT NULL,
	"annual_cost" jsonb NOT NULL,
	"confirmed_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"end_reason" text,
	CONSTRAINT "placement_consultation_id_unique" UNIQUE("consultation_id"),
	CONSTRAINT "placement_status_valid" CHECK (status IN ('active','ended','cancelled'))
);
--> statement-breakpoint
CREATE TABLE "proposal" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"run_id" uuid NOT NULL,
	"child_id" uuid NOT NULL,
	"provision_id" integer,
	"annual_cost" integer,
	"journey_minutes" double precision,
	"explanation" jsonb NOT NULL,
	"accepted" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
ALTER TABLE "plan_level_satisfier" ADD CONSTRAINT "plan_level_satisfier_plan_level_plan_level_code_fk" FOREIGN KEY ("plan_level") REFERENCES "public"."plan_level"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_level_satisfier" ADD CONSTRAINT "plan_level_satisfier_provision_level_provision_level_code_fk" FOREIGN KEY ("provision_level") REFERENCES "public"."provision_level"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child" ADD CONSTRAINT "child_borough_code_borough_code_fk" FOREIGN KEY ("borough_code") REFERENCES "public"."borough"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child" ADD CONSTRAINT "child_primary_need_need_type_code_fk" FOREIGN KEY ("primary_need") REFERENCES "public"."need_type"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child" ADD CONSTRAINT "child_plan_level_plan_level_code_fk" FOREIGN KEY ("plan_level") REFERENCES "public"."plan_level"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation" ADD CONSTRAINT "consultation_child_id_child_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."child"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation" ADD CONSTRAINT "consultation_provision_id_provision_id_fk" FOREIGN KEY ("provision_id") REFERENCES "public"."provision"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation" ADD CONSTRAINT "consultation_setting_urn_setting_urn_fk" FOREIGN KEY ("setting_urn") REFERENCES "public"."setting"("urn") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation" ADD CONSTRAINT "consultation_home_borough_borough_code_fk" FOREIGN KEY ("home_borough") REFERENCES "public"."borough"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation" ADD CONSTRAINT "consultation_maintaining_borough_borough_code_fk" FOREIGN KEY ("maintaining_borough") REFERENCES "public"."borough"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation" ADD CONSTRAINT "consultation_proposal_id_proposal_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposal"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matching_run" ADD CONSTRAINT "matching_run_borough_code_borough_code_fk" FOREIGN KEY ("borough_code") REFERENCES "public"."borough"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement" ADD CONSTRAINT "placement_child_id_child_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."child"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement" ADD CONSTRAINT "placement_provision_id_provision_id_fk" FOREIGN KEY ("provision_id") REFERENCES "public"."provision"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement" ADD CONSTRAINT "placement_consultation_id_consultation_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal" ADD CONSTRAINT "proposal_run_id_matching_run_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."matching_run"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal" ADD CONSTRAINT "proposal_child_id_child_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."child"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal" ADD CONSTRAINT "proposal_provision_id_provision_id_fk" FOREIGN KEY ("provision_id") REFERENCES "public"."provision"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "child_borough_case_ref" ON "child" USING btree ("borough_code","case_ref");--> statement-breakpoint
CREATE INDEX "child_borough_status_idx" ON "child" USING btree ("borough_code","status");--> statement-breakpoint
CREATE UNIQUE INDEX "consultation_one_open" ON "consultation" USING btree ("child_id","provision_id") WHERE status IN ('open', 'agreed');--> statement-breakpoint
CREATE INDEX "consultation_setting_idx" ON "consultation" USING btree ("setting_urn","status");--> statement-breakpoint
CREATE UNIQUE INDEX "placement_one_active_per_child" ON "placement" USING btree ("child_id") WHERE status = 'active';--> statement-breakpoint
CREATE INDEX "placement_provision_idx" ON "placement" USING btree ("provision_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "proposal_run_child" ON "proposal" USING btree ("run_id","child_id");
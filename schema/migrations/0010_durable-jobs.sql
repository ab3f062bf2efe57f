CREATE TABLE "job" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"weight" integer DEFAULT 0 NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"max_attempts" integer DEFAULT 3 NOT NULL,
	"lease_token" uuid,
	"leased_by" text,
	"lease_expires_at" timestamp with time zone,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	CONSTRAINT "job_status_valid" CHECK (status IN ('queued','running','done','failed')),
	CONSTRAINT "job_attempts" CHECK ("job"."attempts" >= 0 AND "job"."max_attempts" >= 1)
);
--> statement-breakpoint
CREATE UNIQUE INDEX "job_kind_subject" ON "job" USING btree ("kind","subject_id");--> statement-breakpoint
CREATE INDEX "job_claimable" ON "job" USING btree ("status","created_at");--> statement-breakpoint
-- Runs a crash left queued or running before jobs existed are taken up again like any job.
INSERT INTO "job" ("kind", "subject_id", "weight", "status")
SELECT 'matching-run', "id", coalesce(jsonb_array_length("request"->'scope'->'childIds'), 0), 'queued'
FROM "matching_run" WHERE "status" IN ('queued', 'running');

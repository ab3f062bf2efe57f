ALTER TABLE "matching_run" ADD COLUMN "kind" text DEFAULT 'round' NOT NULL;--> statement-breakpoint
ALTER TABLE "matching_run" ADD COLUMN "name" text;--> statement-breakpoint
ALTER TABLE "matching_run" ADD COLUMN "input_hash" text;--> statement-breakpoint
ALTER TABLE "matching_run" ADD COLUMN "allocation_hash" text;--> statement-breakpoint
ALTER TABLE "matching_run" ADD COLUMN "solver_version" text;--> statement-breakpoint
ALTER TABLE "matching_run" ADD COLUMN "data_version" text;--> statement-breakpoint
CREATE INDEX "matching_run_created" ON "matching_run" USING btree ("created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
ALTER TABLE "matching_run" ADD CONSTRAINT "run_kind_valid" CHECK (kind IN ('round','planning'));
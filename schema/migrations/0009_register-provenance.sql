ALTER TABLE "provision" ADD COLUMN "on_roll" integer;--> statement-breakpoint
ALTER TABLE "provision" ADD COLUMN "provenance" jsonb;--> statement-breakpoint
ALTER TABLE "setting" ADD COLUMN "provenance" jsonb;--> statement-breakpoint
ALTER TABLE "setting" ADD COLUMN "closed_on" date;--> statement-breakpoint
ALTER TABLE "provision" ADD CONSTRAINT "provision_on_roll_nonneg" CHECK ("provision"."on_roll" IS NULL OR "provision"."on_roll" >= 0);
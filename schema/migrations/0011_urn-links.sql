CREATE TABLE "urn_link" (
	"predecessor_urn" integer NOT NULL,
	"successor_urn" integer NOT NULL,
	"link_type" text NOT NULL,
	"established_on" date,
	"as_of" date NOT NULL,
	CONSTRAINT "urn_link_predecessor_urn_successor_urn_pk" PRIMARY KEY("predecessor_urn","successor_urn"),
	CONSTRAINT "urn_link_not_self" CHECK ("urn_link"."predecessor_urn" <> "urn_link"."successor_urn")
);
--> statement-breakpoint
CREATE INDEX "urn_link_successor_idx" ON "urn_link" USING btree ("successor_urn");
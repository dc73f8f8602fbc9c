CREATE TYPE "public"."transfer_basis" AS ENUM('eea', 'adequacy', 'scc', 'bcr', 'other');--> statement-breakpoint
CREATE TABLE "sub_processors" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_id" uuid NOT NULL,
	"name" text NOT NULL,
	"purpose" text NOT NULL,
	"location" text NOT NULL,
	"transfer_basis" "transfer_basis" DEFAULT 'eea' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sub_processors" ADD CONSTRAINT "sub_processors_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sub_processors_provider_idx" ON "sub_processors" USING btree ("provider_id");
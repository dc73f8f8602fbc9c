CREATE TYPE "public"."quote_status" AS ENUM('draft', 'sent', 'accepted', 'withdrawn');--> statement-breakpoint
CREATE TABLE "quotes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"status" "quote_status" DEFAULT 'draft' NOT NULL,
	"design" jsonb NOT NULL,
	"priced" jsonb NOT NULL,
	"total_ex_vat_ore" bigint NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"accepted_at" timestamp with time zone,
	CONSTRAINT "quotes_programme_version" UNIQUE("programme_id","version")
);
--> statement-breakpoint
ALTER TABLE "quotes" ADD CONSTRAINT "quotes_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quotes" ADD CONSTRAINT "quotes_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "quotes_one_accepted_per_programme" ON "quotes" USING btree ("programme_id") WHERE "quotes"."status" = 'accepted';
CREATE TYPE "public"."roster_import_status" AS ENUM('preview', 'committed', 'discarded');--> statement-breakpoint
CREATE TYPE "public"."calendar_period_kind" AS ENUM('blackout', 'school_holiday');--> statement-breakpoint
CREATE TYPE "public"."coaching_mode" AS ENUM('phone', 'video');--> statement-breakpoint
CREATE TYPE "public"."coaching_status" AS ENUM('open', 'booked', 'held', 'cancelled', 'cancelled_late', 'no_show');--> statement-breakpoint
CREATE TYPE "public"."meeting_status" AS ENUM('planned', 'held', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."plan_proposal_status" AS ENUM('proposed', 'accepted', 'discarded');--> statement-breakpoint
CREATE TABLE "grouping_settings" (
	"programme_id" uuid PRIMARY KEY NOT NULL,
	"group_count" integer DEFAULT 4 NOT NULL,
	"min_size" integer DEFAULT 5 NOT NULL,
	"max_size" integer DEFAULT 6 NOT NULL,
	"weights" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "grouping_settings_sizes" CHECK ("grouping_settings"."group_count" > 0 AND "grouping_settings"."min_size" > 0 AND "grouping_settings"."min_size" <= "grouping_settings"."max_size")
);
--> statement-breakpoint
CREATE TABLE "keep_apart_pairs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"participant_a" uuid NOT NULL,
	"participant_b" uuid NOT NULL,
	"reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "keep_apart_pairs_unique" UNIQUE("programme_id","participant_a","participant_b"),
	CONSTRAINT "keep_apart_pairs_ordered" CHECK ("keep_apart_pairs"."participant_a" < "keep_apart_pairs"."participant_b")
);
--> statement-breakpoint
CREATE TABLE "network_group_members" (
	"group_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"locked" boolean DEFAULT false NOT NULL,
	CONSTRAINT "network_group_members_group_id_participant_id_pk" PRIMARY KEY("group_id","participant_id"),
	CONSTRAINT "network_group_members_one_group" UNIQUE("participant_id")
);
--> statement-breakpoint
CREATE TABLE "network_groups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "network_groups_programme_number" UNIQUE("programme_id","number")
);
--> statement-breakpoint
CREATE TABLE "roster_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"status" "roster_import_status" DEFAULT 'preview' NOT NULL,
	"preview" jsonb NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"committed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "advisor_unavailability" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "advisor_unavailability_order" CHECK ("advisor_unavailability"."from_date" <= "advisor_unavailability"."to_date")
);
--> statement-breakpoint
CREATE TABLE "calendar_feeds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "calendar_feeds_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "calendar_periods" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"kind" "calendar_period_kind" NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date NOT NULL,
	"reason" text NOT NULL,
	"hard" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calendar_periods_order" CHECK ("calendar_periods"."from_date" <= "calendar_periods"."to_date")
);
--> statement-breakpoint
CREATE TABLE "coaching_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"advisor_user_id" uuid,
	"participant_id" uuid,
	"number" integer,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"status" "coaching_status" DEFAULT 'open' NOT NULL,
	"mode" "coaching_mode" DEFAULT 'phone' NOT NULL,
	"meeting_link" text,
	"fixed" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "coaching_sessions_order" CHECK ("coaching_sessions"."starts_at" < "coaching_sessions"."ends_at"),
	CONSTRAINT "coaching_sessions_booking" CHECK (("coaching_sessions"."status" = 'open' AND "coaching_sessions"."participant_id" IS NULL) OR ("coaching_sessions"."status" <> 'open' AND "coaching_sessions"."participant_id" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "network_meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"advisor_user_id" uuid,
	"facilitated" boolean DEFAULT true NOT NULL,
	"location" text,
	"status" "meeting_status" DEFAULT 'planned' NOT NULL,
	"fixed" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "network_meetings_group_number" UNIQUE("group_id","number"),
	CONSTRAINT "network_meetings_order" CHECK ("network_meetings"."starts_at" < "network_meetings"."ends_at")
);
--> statement-breakpoint
CREATE TABLE "plan_proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"status" "plan_proposal_status" DEFAULT 'proposed' NOT NULL,
	"input" jsonb NOT NULL,
	"result" jsonb NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"accepted_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "participants" ADD COLUMN "pinned_group" integer;--> statement-breakpoint
ALTER TABLE "grouping_settings" ADD CONSTRAINT "grouping_settings_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "keep_apart_pairs" ADD CONSTRAINT "keep_apart_pairs_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "keep_apart_pairs" ADD CONSTRAINT "keep_apart_pairs_participant_a_participants_id_fk" FOREIGN KEY ("participant_a") REFERENCES "public"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "keep_apart_pairs" ADD CONSTRAINT "keep_apart_pairs_participant_b_participants_id_fk" FOREIGN KEY ("participant_b") REFERENCES "public"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_group_members" ADD CONSTRAINT "network_group_members_group_id_network_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."network_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_group_members" ADD CONSTRAINT "network_group_members_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_groups" ADD CONSTRAINT "network_groups_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_imports" ADD CONSTRAINT "roster_imports_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_imports" ADD CONSTRAINT "roster_imports_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advisor_unavailability" ADD CONSTRAINT "advisor_unavailability_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advisor_unavailability" ADD CONSTRAINT "advisor_unavailability_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_periods" ADD CONSTRAINT "calendar_periods_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_sessions" ADD CONSTRAINT "coaching_sessions_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_sessions" ADD CONSTRAINT "coaching_sessions_advisor_user_id_users_id_fk" FOREIGN KEY ("advisor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_sessions" ADD CONSTRAINT "coaching_sessions_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_meetings" ADD CONSTRAINT "network_meetings_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_meetings" ADD CONSTRAINT "network_meetings_group_id_network_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."network_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_meetings" ADD CONSTRAINT "network_meetings_advisor_user_id_users_id_fk" FOREIGN KEY ("advisor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_proposals" ADD CONSTRAINT "plan_proposals_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_proposals" ADD CONSTRAINT "plan_proposals_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "roster_imports_programme_idx" ON "roster_imports" USING btree ("programme_id","created_at");--> statement-breakpoint
CREATE INDEX "advisor_unavailability_user_idx" ON "advisor_unavailability" USING btree ("user_id","from_date");--> statement-breakpoint
CREATE INDEX "calendar_feeds_user_idx" ON "calendar_feeds" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "calendar_periods_programme_idx" ON "calendar_periods" USING btree ("programme_id","from_date");--> statement-breakpoint
CREATE INDEX "coaching_sessions_programme_idx" ON "coaching_sessions" USING btree ("programme_id","starts_at");--> statement-breakpoint
CREATE INDEX "coaching_sessions_advisor_idx" ON "coaching_sessions" USING btree ("advisor_user_id","starts_at");--> statement-breakpoint
CREATE INDEX "coaching_sessions_participant_idx" ON "coaching_sessions" USING btree ("participant_id");--> statement-breakpoint
CREATE INDEX "network_meetings_programme_idx" ON "network_meetings" USING btree ("programme_id","starts_at");--> statement-breakpoint
CREATE INDEX "network_meetings_advisor_idx" ON "network_meetings" USING btree ("advisor_user_id","starts_at");--> statement-breakpoint
CREATE INDEX "plan_proposals_programme_idx" ON "plan_proposals" USING btree ("programme_id","created_at");
CREATE TYPE "public"."self_assessment_phase" AS ENUM('start', 'end');--> statement-breakpoint
CREATE TYPE "public"."self_assessment_status" AS ENUM('open', 'closed');--> statement-breakpoint
CREATE TABLE "self_assessment_instruments" (
	"provider_id" uuid PRIMARY KEY NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"items" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by_user_id" uuid
);
--> statement-breakpoint
CREATE TABLE "self_assessment_phases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"phase" "self_assessment_phase" NOT NULL,
	"status" "self_assessment_status" DEFAULT 'open' NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	CONSTRAINT "self_assessment_phases_programme_phase" UNIQUE("programme_id","phase")
);
--> statement-breakpoint
CREATE TABLE "self_assessment_rating_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"locale" text NOT NULL,
	"used" boolean DEFAULT false NOT NULL,
	CONSTRAINT "self_assessment_rating_tokens_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "self_assessment_ratings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"answers" jsonb NOT NULL,
	CONSTRAINT "self_assessment_ratings_object" CHECK (jsonb_typeof("self_assessment_ratings"."answers") = 'object')
);
--> statement-breakpoint
CREATE TABLE "self_assessment_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"phase_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"answers" jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "self_assessment_responses_phase_participant" UNIQUE("phase_id","participant_id")
);
--> statement-breakpoint
CREATE TABLE "self_assessment_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"phase_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"status" "self_assessment_status" DEFAULT 'open' NOT NULL,
	"invited" integer DEFAULT 0 NOT NULL,
	"closed_at" timestamp with time zone,
	CONSTRAINT "self_assessment_rounds_phase_participant" UNIQUE("phase_id","participant_id")
);
--> statement-breakpoint
CREATE TABLE "self_assessments" (
	"programme_id" uuid PRIMARY KEY NOT NULL,
	"instrument_version" integer NOT NULL,
	"items" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "self_assessment_instruments" ADD CONSTRAINT "self_assessment_instruments_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_assessment_instruments" ADD CONSTRAINT "self_assessment_instruments_updated_by_user_id_users_id_fk" FOREIGN KEY ("updated_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_assessment_phases" ADD CONSTRAINT "self_assessment_phases_programme_id_self_assessments_programme_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."self_assessments"("programme_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_assessment_rating_tokens" ADD CONSTRAINT "self_assessment_rating_tokens_round_id_self_assessment_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."self_assessment_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_assessment_ratings" ADD CONSTRAINT "self_assessment_ratings_round_id_self_assessment_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."self_assessment_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_assessment_responses" ADD CONSTRAINT "self_assessment_responses_phase_id_self_assessment_phases_id_fk" FOREIGN KEY ("phase_id") REFERENCES "public"."self_assessment_phases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_assessment_responses" ADD CONSTRAINT "self_assessment_responses_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_assessment_rounds" ADD CONSTRAINT "self_assessment_rounds_phase_id_self_assessment_phases_id_fk" FOREIGN KEY ("phase_id") REFERENCES "public"."self_assessment_phases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_assessment_rounds" ADD CONSTRAINT "self_assessment_rounds_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_assessments" ADD CONSTRAINT "self_assessments_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "self_assessment_rating_tokens_round_idx" ON "self_assessment_rating_tokens" USING btree ("round_id");--> statement-breakpoint
CREATE INDEX "self_assessment_ratings_round_idx" ON "self_assessment_ratings" USING btree ("round_id");
CREATE TYPE "public"."continue_programme" AS ENUM('yes', 'no', 'unsure');--> statement-breakpoint
CREATE TYPE "public"."expectation_met" AS ENUM('met', 'partly', 'not_met');--> statement-breakpoint
CREATE TABLE "expectation_answers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"needs" text,
	"expectations" text,
	"own_topics" text[] DEFAULT '{}'::text[] NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "expectation_answers_round_participant" UNIQUE("round_id","participant_id"),
	CONSTRAINT "expectation_answers_text_length" CHECK (coalesce(char_length("expectation_answers"."needs"), 0) <= 2000 AND coalesce(char_length("expectation_answers"."expectations"), 0) <= 2000)
);
--> statement-breakpoint
CREATE TABLE "expectation_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"status" "evaluation_status" DEFAULT 'draft' NOT NULL,
	"opened_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "expectation_rounds_programme_unique" UNIQUE("programme_id")
);
--> statement-breakpoint
CREATE TABLE "expectation_theme_ranks" (
	"answer_id" uuid NOT NULL,
	"theme_id" uuid NOT NULL,
	"rank" smallint NOT NULL,
	CONSTRAINT "expectation_theme_ranks_pk" PRIMARY KEY("answer_id","theme_id"),
	CONSTRAINT "expectation_theme_ranks_answer_rank" UNIQUE("answer_id","rank"),
	CONSTRAINT "expectation_theme_ranks_rank_positive" CHECK ("expectation_theme_ranks"."rank" >= 1)
);
--> statement-breakpoint
CREATE TABLE "overall_evaluation_answers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"overall_evaluation_id" uuid NOT NULL,
	"overall" smallint NOT NULL,
	"gatherings" smallint,
	"network_groups" smallint,
	"coaching" smallint,
	"development_project" smallint,
	"leadership_platform" smallint,
	"expectations_met" "expectation_met" NOT NULL,
	"continue_programme" "continue_programme" NOT NULL,
	"valuable" text,
	"improve" text,
	"submitted_on" date NOT NULL,
	CONSTRAINT "overall_evaluation_answers_ratings" CHECK ("overall_evaluation_answers"."overall" BETWEEN 1 AND 5 AND coalesce("overall_evaluation_answers"."gatherings", 1) BETWEEN 1 AND 5 AND coalesce("overall_evaluation_answers"."network_groups", 1) BETWEEN 1 AND 5 AND coalesce("overall_evaluation_answers"."coaching", 1) BETWEEN 1 AND 5 AND coalesce("overall_evaluation_answers"."development_project", 1) BETWEEN 1 AND 5 AND coalesce("overall_evaluation_answers"."leadership_platform", 1) BETWEEN 1 AND 5),
	CONSTRAINT "overall_evaluation_answers_text_length" CHECK (coalesce(char_length("overall_evaluation_answers"."valuable"), 0) <= 2000 AND coalesce(char_length("overall_evaluation_answers"."improve"), 0) <= 2000)
);
--> statement-breakpoint
CREATE TABLE "overall_evaluation_participations" (
	"overall_evaluation_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	CONSTRAINT "overall_evaluation_participations_pk" PRIMARY KEY("overall_evaluation_id","participant_id")
);
--> statement-breakpoint
CREATE TABLE "overall_evaluation_theme_judgements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"overall_evaluation_id" uuid NOT NULL,
	"theme_id" uuid NOT NULL,
	"met" "expectation_met" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "overall_evaluations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"status" "evaluation_status" DEFAULT 'draft' NOT NULL,
	"anonymity_threshold" integer,
	"opened_at" timestamp with time zone,
	"closes_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "overall_evaluations_programme_unique" UNIQUE("programme_id"),
	CONSTRAINT "overall_evaluations_threshold_min" CHECK ("overall_evaluations"."anonymity_threshold" IS NULL OR "overall_evaluations"."anonymity_threshold" >= 3)
);
--> statement-breakpoint
CREATE TABLE "programme_themes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programme_themes_title_length" CHECK (char_length("programme_themes"."title") BETWEEN 1 AND 200)
);
--> statement-breakpoint
ALTER TABLE "expectation_answers" ADD CONSTRAINT "expectation_answers_round_id_expectation_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."expectation_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expectation_answers" ADD CONSTRAINT "expectation_answers_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expectation_rounds" ADD CONSTRAINT "expectation_rounds_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expectation_theme_ranks" ADD CONSTRAINT "expectation_theme_ranks_answer_id_expectation_answers_id_fk" FOREIGN KEY ("answer_id") REFERENCES "public"."expectation_answers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expectation_theme_ranks" ADD CONSTRAINT "expectation_theme_ranks_theme_id_programme_themes_id_fk" FOREIGN KEY ("theme_id") REFERENCES "public"."programme_themes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "overall_evaluation_answers" ADD CONSTRAINT "overall_evaluation_answers_overall_evaluation_id_overall_evaluations_id_fk" FOREIGN KEY ("overall_evaluation_id") REFERENCES "public"."overall_evaluations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "overall_evaluation_participations" ADD CONSTRAINT "overall_evaluation_participations_overall_evaluation_id_overall_evaluations_id_fk" FOREIGN KEY ("overall_evaluation_id") REFERENCES "public"."overall_evaluations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "overall_evaluation_participations" ADD CONSTRAINT "overall_evaluation_participations_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "overall_evaluation_theme_judgements" ADD CONSTRAINT "overall_evaluation_theme_judgements_overall_evaluation_id_overall_evaluations_id_fk" FOREIGN KEY ("overall_evaluation_id") REFERENCES "public"."overall_evaluations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "overall_evaluation_theme_judgements" ADD CONSTRAINT "overall_evaluation_theme_judgements_theme_id_programme_themes_id_fk" FOREIGN KEY ("theme_id") REFERENCES "public"."programme_themes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "overall_evaluations" ADD CONSTRAINT "overall_evaluations_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_themes" ADD CONSTRAINT "programme_themes_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "overall_evaluation_answers_eval_idx" ON "overall_evaluation_answers" USING btree ("overall_evaluation_id");--> statement-breakpoint
CREATE INDEX "overall_evaluation_theme_judgements_eval_idx" ON "overall_evaluation_theme_judgements" USING btree ("overall_evaluation_id");--> statement-breakpoint
CREATE INDEX "programme_themes_programme_idx" ON "programme_themes" USING btree ("programme_id");
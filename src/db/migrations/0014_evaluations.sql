CREATE TYPE "public"."evaluation_status" AS ENUM('draft', 'open', 'closed');--> statement-breakpoint
CREATE TABLE "evaluation_answers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"evaluation_id" uuid NOT NULL,
	"overall" smallint NOT NULL,
	"relevance" smallint NOT NULL,
	"tools" smallint NOT NULL,
	"facilitation" smallint NOT NULL,
	"good" text,
	"better" text,
	"submitted_on" date NOT NULL,
	CONSTRAINT "evaluation_answers_ratings" CHECK ("evaluation_answers"."overall" BETWEEN 1 AND 5 AND "evaluation_answers"."relevance" BETWEEN 1 AND 5 AND "evaluation_answers"."tools" BETWEEN 1 AND 5 AND "evaluation_answers"."facilitation" BETWEEN 1 AND 5),
	CONSTRAINT "evaluation_answers_text_length" CHECK (coalesce(char_length("evaluation_answers"."good"), 0) <= 2000 AND coalesce(char_length("evaluation_answers"."better"), 0) <= 2000)
);
--> statement-breakpoint
CREATE TABLE "evaluation_participations" (
	"evaluation_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	CONSTRAINT "evaluation_participations_pk" PRIMARY KEY("evaluation_id","participant_id")
);
--> statement-breakpoint
CREATE TABLE "evaluations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"gathering_id" uuid NOT NULL,
	"status" "evaluation_status" DEFAULT 'draft' NOT NULL,
	"anonymity_threshold" integer,
	"opened_at" timestamp with time zone,
	"closes_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"last_reminded_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evaluations_gathering_unique" UNIQUE("gathering_id"),
	CONSTRAINT "evaluations_threshold_min" CHECK ("evaluations"."anonymity_threshold" IS NULL OR "evaluations"."anonymity_threshold" >= 3)
);
--> statement-breakpoint
ALTER TABLE "evaluation_answers" ADD CONSTRAINT "evaluation_answers_evaluation_id_evaluations_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."evaluations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_participations" ADD CONSTRAINT "evaluation_participations_evaluation_id_evaluations_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."evaluations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_participations" ADD CONSTRAINT "evaluation_participations_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_gathering_id_gatherings_id_fk" FOREIGN KEY ("gathering_id") REFERENCES "public"."gatherings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "evaluation_answers_evaluation_idx" ON "evaluation_answers" USING btree ("evaluation_id");--> statement-breakpoint
CREATE INDEX "evaluations_programme_idx" ON "evaluations" USING btree ("programme_id");
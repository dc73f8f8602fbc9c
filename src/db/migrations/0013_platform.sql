CREATE TYPE "public"."principle_status" AS ENUM('proposed', 'in_progress', 'adopted', 'rejected');--> statement-breakpoint
CREATE TYPE "public"."voting_mode" AS ENUM('points', 'agree');--> statement-breakpoint
CREATE TYPE "public"."voting_round_status" AS ENUM('open', 'closed');--> statement-breakpoint
CREATE TABLE "platform_publications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"published_by_user_id" uuid,
	"document" jsonb NOT NULL,
	CONSTRAINT "platform_publications_programme" UNIQUE("programme_id")
);
--> statement-breakpoint
CREATE TABLE "principle_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"principle_id" uuid NOT NULL,
	"author_user_id" uuid,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "principle_versions" (
	"principle_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"statement" text NOT NULL,
	"explanation" text NOT NULL,
	"status" "principle_status" NOT NULL,
	"change" text NOT NULL,
	"note" text,
	"author_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "principle_versions_principle_id_version_pk" PRIMARY KEY("principle_id","version")
);
--> statement-breakpoint
CREATE TABLE "principles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"statement" text NOT NULL,
	"explanation" text DEFAULT '' NOT NULL,
	"status" "principle_status" DEFAULT 'proposed' NOT NULL,
	"gathering_id" uuid,
	"merged_into_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"proposed_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "principles_version_positive" CHECK ("principles"."version" >= 1),
	CONSTRAINT "principles_not_merged_into_self" CHECK ("principles"."merged_into_id" IS NULL OR "principles"."merged_into_id" <> "principles"."id")
);
--> statement-breakpoint
CREATE TABLE "votes" (
	"round_id" uuid NOT NULL,
	"principle_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"points" integer,
	"agree" boolean,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "votes_round_principle_participant" UNIQUE("round_id","principle_id","participant_id"),
	CONSTRAINT "votes_one_kind" CHECK (("votes"."points" IS NOT NULL AND "votes"."points" >= 1 AND "votes"."agree" IS NULL) OR ("votes"."points" IS NULL AND "votes"."agree" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "voting_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"gathering_id" uuid,
	"title" text NOT NULL,
	"mode" "voting_mode" NOT NULL,
	"points_per_leader" integer,
	"status" "voting_round_status" DEFAULT 'open' NOT NULL,
	"principle_ids" jsonb NOT NULL,
	"revision" integer DEFAULT 0 NOT NULL,
	"opened_by_user_id" uuid,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	CONSTRAINT "voting_rounds_points_shape" CHECK (("voting_rounds"."mode" = 'points' AND "voting_rounds"."points_per_leader" BETWEEN 1 AND 100) OR ("voting_rounds"."mode" = 'agree' AND "voting_rounds"."points_per_leader" IS NULL)),
	CONSTRAINT "voting_rounds_closed_shape" CHECK (("voting_rounds"."status" = 'open') = ("voting_rounds"."closed_at" IS NULL))
);
--> statement-breakpoint
ALTER TABLE "platform_publications" ADD CONSTRAINT "platform_publications_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_publications" ADD CONSTRAINT "platform_publications_published_by_user_id_users_id_fk" FOREIGN KEY ("published_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "principle_comments" ADD CONSTRAINT "principle_comments_principle_id_principles_id_fk" FOREIGN KEY ("principle_id") REFERENCES "public"."principles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "principle_comments" ADD CONSTRAINT "principle_comments_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "principle_versions" ADD CONSTRAINT "principle_versions_principle_id_principles_id_fk" FOREIGN KEY ("principle_id") REFERENCES "public"."principles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "principle_versions" ADD CONSTRAINT "principle_versions_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "principles" ADD CONSTRAINT "principles_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "principles" ADD CONSTRAINT "principles_gathering_id_gatherings_id_fk" FOREIGN KEY ("gathering_id") REFERENCES "public"."gatherings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "principles" ADD CONSTRAINT "principles_merged_into_id_principles_id_fk" FOREIGN KEY ("merged_into_id") REFERENCES "public"."principles"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "principles" ADD CONSTRAINT "principles_proposed_by_user_id_users_id_fk" FOREIGN KEY ("proposed_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "votes" ADD CONSTRAINT "votes_round_id_voting_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."voting_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "votes" ADD CONSTRAINT "votes_principle_id_principles_id_fk" FOREIGN KEY ("principle_id") REFERENCES "public"."principles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "votes" ADD CONSTRAINT "votes_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voting_rounds" ADD CONSTRAINT "voting_rounds_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voting_rounds" ADD CONSTRAINT "voting_rounds_gathering_id_gatherings_id_fk" FOREIGN KEY ("gathering_id") REFERENCES "public"."gatherings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voting_rounds" ADD CONSTRAINT "voting_rounds_opened_by_user_id_users_id_fk" FOREIGN KEY ("opened_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "principle_comments_principle_idx" ON "principle_comments" USING btree ("principle_id","created_at");--> statement-breakpoint
CREATE INDEX "principles_programme_idx" ON "principles" USING btree ("programme_id");--> statement-breakpoint
CREATE INDEX "votes_round_participant_idx" ON "votes" USING btree ("round_id","participant_id");--> statement-breakpoint
CREATE INDEX "voting_rounds_programme_idx" ON "voting_rounds" USING btree ("programme_id");
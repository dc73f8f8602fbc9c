CREATE TYPE "public"."attendance_status" AS ENUM('present', 'absent');--> statement-breakpoint
CREATE TABLE "gathering_attendance" (
	"gathering_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"status" "attendance_status" NOT NULL,
	"note" text,
	"recorded_by_user_id" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "gathering_attendance_gathering_id_participant_id_pk" PRIMARY KEY("gathering_id","participant_id")
);
--> statement-breakpoint
CREATE TABLE "interim_work" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"gathering_id" uuid NOT NULL,
	"group_focus" text NOT NULL,
	"individual_focus" text NOT NULL,
	"recorded_by_user_id" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "interim_work_gathering" UNIQUE("gathering_id")
);
--> statement-breakpoint
CREATE TABLE "practice_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"gathering_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"shared_with_peers" boolean DEFAULT false NOT NULL,
	"used_at" timestamp with time zone,
	"used_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "practice_cases_used_by" CHECK ("practice_cases"."used_at" IS NOT NULL OR "practice_cases"."used_by_user_id" IS NULL)
);
--> statement-breakpoint
ALTER TABLE "gathering_agenda_items" ADD COLUMN "start_time" time;--> statement-breakpoint
ALTER TABLE "gathering_agenda_items" ADD COLUMN "duration_minutes" integer;--> statement-breakpoint
ALTER TABLE "gathering_attendance" ADD CONSTRAINT "gathering_attendance_gathering_id_gatherings_id_fk" FOREIGN KEY ("gathering_id") REFERENCES "public"."gatherings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gathering_attendance" ADD CONSTRAINT "gathering_attendance_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gathering_attendance" ADD CONSTRAINT "gathering_attendance_recorded_by_user_id_users_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interim_work" ADD CONSTRAINT "interim_work_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interim_work" ADD CONSTRAINT "interim_work_gathering_id_gatherings_id_fk" FOREIGN KEY ("gathering_id") REFERENCES "public"."gatherings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interim_work" ADD CONSTRAINT "interim_work_recorded_by_user_id_users_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_cases" ADD CONSTRAINT "practice_cases_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_cases" ADD CONSTRAINT "practice_cases_gathering_id_gatherings_id_fk" FOREIGN KEY ("gathering_id") REFERENCES "public"."gatherings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_cases" ADD CONSTRAINT "practice_cases_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_cases" ADD CONSTRAINT "practice_cases_used_by_user_id_users_id_fk" FOREIGN KEY ("used_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "gathering_attendance_participant_idx" ON "gathering_attendance" USING btree ("participant_id");--> statement-breakpoint
CREATE INDEX "interim_work_programme_idx" ON "interim_work" USING btree ("programme_id");--> statement-breakpoint
CREATE INDEX "practice_cases_gathering_idx" ON "practice_cases" USING btree ("gathering_id");--> statement-breakpoint
CREATE INDEX "practice_cases_participant_idx" ON "practice_cases" USING btree ("participant_id");--> statement-breakpoint
ALTER TABLE "gathering_agenda_items" ADD CONSTRAINT "agenda_items_duration_positive" CHECK ("gathering_agenda_items"."duration_minutes" IS NULL OR ("gathering_agenda_items"."duration_minutes" > 0 AND "gathering_agenda_items"."duration_minutes" <= 1440));
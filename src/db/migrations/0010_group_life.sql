CREATE TYPE "public"."group_poll_answer" AS ENUM('yes', 'maybe', 'no');--> statement-breakpoint
CREATE TYPE "public"."group_poll_status" AS ENUM('open', 'fixed', 'closed');--> statement-breakpoint
CREATE TABLE "group_poll_slots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"poll_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	CONSTRAINT "group_poll_slots_unique" UNIQUE("poll_id","starts_at"),
	CONSTRAINT "group_poll_slots_order" CHECK ("group_poll_slots"."starts_at" < "group_poll_slots"."ends_at")
);
--> statement-breakpoint
CREATE TABLE "group_poll_votes" (
	"slot_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"answer" "group_poll_answer" NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "group_poll_votes_slot_id_participant_id_pk" PRIMARY KEY("slot_id","participant_id")
);
--> statement-breakpoint
CREATE TABLE "group_polls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"location" text,
	"status" "group_poll_status" DEFAULT 'open' NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"fixed_slot_id" uuid,
	"fixed_meeting_id" uuid,
	"fixed_by_user_id" uuid,
	"fixed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "network_meeting_attendance" (
	"meeting_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"present" boolean NOT NULL,
	"recorded_by_user_id" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "network_meeting_attendance_meeting_id_participant_id_pk" PRIMARY KEY("meeting_id","participant_id")
);
--> statement-breakpoint
CREATE TABLE "network_meeting_focus" (
	"meeting_id" uuid PRIMARY KEY NOT NULL,
	"text" text NOT NULL,
	"updated_by_user_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "network_meeting_note_versions" (
	"meeting_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"text" text NOT NULL,
	"author_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "network_meeting_note_versions_meeting_id_version_pk" PRIMARY KEY("meeting_id","version")
);
--> statement-breakpoint
CREATE TABLE "network_meeting_notes" (
	"meeting_id" uuid PRIMARY KEY NOT NULL,
	"text" text NOT NULL,
	"version" integer NOT NULL,
	"updated_by_user_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "network_meeting_notes_version" CHECK ("network_meeting_notes"."version" > 0)
);
--> statement-breakpoint
ALTER TABLE "group_poll_slots" ADD CONSTRAINT "group_poll_slots_poll_id_group_polls_id_fk" FOREIGN KEY ("poll_id") REFERENCES "public"."group_polls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_poll_votes" ADD CONSTRAINT "group_poll_votes_slot_id_group_poll_slots_id_fk" FOREIGN KEY ("slot_id") REFERENCES "public"."group_poll_slots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_poll_votes" ADD CONSTRAINT "group_poll_votes_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_polls" ADD CONSTRAINT "group_polls_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_polls" ADD CONSTRAINT "group_polls_group_id_network_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."network_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_polls" ADD CONSTRAINT "group_polls_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_polls" ADD CONSTRAINT "group_polls_fixed_meeting_id_network_meetings_id_fk" FOREIGN KEY ("fixed_meeting_id") REFERENCES "public"."network_meetings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_polls" ADD CONSTRAINT "group_polls_fixed_by_user_id_users_id_fk" FOREIGN KEY ("fixed_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_meeting_attendance" ADD CONSTRAINT "network_meeting_attendance_meeting_id_network_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."network_meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_meeting_attendance" ADD CONSTRAINT "network_meeting_attendance_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_meeting_attendance" ADD CONSTRAINT "network_meeting_attendance_recorded_by_user_id_users_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_meeting_focus" ADD CONSTRAINT "network_meeting_focus_meeting_id_network_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."network_meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_meeting_focus" ADD CONSTRAINT "network_meeting_focus_updated_by_user_id_users_id_fk" FOREIGN KEY ("updated_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_meeting_note_versions" ADD CONSTRAINT "network_meeting_note_versions_meeting_id_network_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."network_meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_meeting_note_versions" ADD CONSTRAINT "network_meeting_note_versions_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_meeting_notes" ADD CONSTRAINT "network_meeting_notes_meeting_id_network_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."network_meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_meeting_notes" ADD CONSTRAINT "network_meeting_notes_updated_by_user_id_users_id_fk" FOREIGN KEY ("updated_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "group_poll_slots_poll_idx" ON "group_poll_slots" USING btree ("poll_id");--> statement-breakpoint
CREATE INDEX "group_polls_group_idx" ON "group_polls" USING btree ("group_id","created_at");--> statement-breakpoint
CREATE INDEX "network_meeting_attendance_participant_idx" ON "network_meeting_attendance" USING btree ("participant_id");
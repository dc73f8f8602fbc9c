CREATE TABLE "dev_project_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"entry_date" date NOT NULL,
	"tried" text NOT NULL,
	"happened" text DEFAULT '' NOT NULL,
	"learned" text DEFAULT '' NOT NULL,
	"next_step" text DEFAULT '' NOT NULL,
	"gathering_id" uuid,
	"coaching_session_id" uuid,
	"shared" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dev_project_entries_one_link" CHECK ("dev_project_entries"."gathering_id" IS NULL OR "dev_project_entries"."coaching_session_id" IS NULL)
);
--> statement-breakpoint
CREATE TABLE "dev_project_shares" (
	"project_id" uuid NOT NULL,
	"advisor_user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dev_project_shares_project_id_advisor_user_id_pk" PRIMARY KEY("project_id","advisor_user_id")
);
--> statement-breakpoint
CREATE TABLE "dev_projects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"title" text NOT NULL,
	"goal" text NOT NULL,
	"dimensions" text[] NOT NULL,
	"success_criteria" text NOT NULL,
	"share_all_entries" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dev_projects_participant" UNIQUE("participant_id"),
	CONSTRAINT "dev_projects_dimensions" CHECK (cardinality("dev_projects"."dimensions") >= 1 AND "dev_projects"."dimensions" <@ ARRAY['task','change','relations']::text[])
);
--> statement-breakpoint
ALTER TABLE "dev_project_entries" ADD CONSTRAINT "dev_project_entries_project_id_dev_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."dev_projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dev_project_entries" ADD CONSTRAINT "dev_project_entries_gathering_id_gatherings_id_fk" FOREIGN KEY ("gathering_id") REFERENCES "public"."gatherings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dev_project_entries" ADD CONSTRAINT "dev_project_entries_coaching_session_id_coaching_sessions_id_fk" FOREIGN KEY ("coaching_session_id") REFERENCES "public"."coaching_sessions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dev_project_shares" ADD CONSTRAINT "dev_project_shares_project_id_dev_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."dev_projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dev_project_shares" ADD CONSTRAINT "dev_project_shares_advisor_user_id_users_id_fk" FOREIGN KEY ("advisor_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dev_projects" ADD CONSTRAINT "dev_projects_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dev_projects" ADD CONSTRAINT "dev_projects_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dev_project_entries_project_idx" ON "dev_project_entries" USING btree ("project_id","entry_date");--> statement-breakpoint
CREATE INDEX "dev_project_shares_advisor_idx" ON "dev_project_shares" USING btree ("advisor_user_id");--> statement-breakpoint
CREATE INDEX "dev_projects_programme_idx" ON "dev_projects" USING btree ("programme_id");
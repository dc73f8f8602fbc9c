CREATE TYPE "public"."ten_factor_action_status" AS ENUM('planned', 'in_progress', 'done');--> statement-breakpoint
CREATE TABLE "ten_factor_action_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"action_id" uuid NOT NULL,
	"noted_on" date NOT NULL,
	"text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ten_factor_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"factor" text NOT NULL,
	"description" text NOT NULL,
	"owner" text NOT NULL,
	"deadline" date NOT NULL,
	"status" "ten_factor_action_status" DEFAULT 'planned' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ten_factor_choices" (
	"participant_id" uuid PRIMARY KEY NOT NULL,
	"programme_id" uuid NOT NULL,
	"keep_factor" text NOT NULL,
	"improve_factor" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ten_factor_choices_differ" CHECK ("ten_factor_choices"."keep_factor" <> "ten_factor_choices"."improve_factor")
);
--> statement-breakpoint
CREATE TABLE "ten_factor_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"preview" jsonb NOT NULL,
	"status" text DEFAULT 'preview' NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"committed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "ten_factor_links" (
	"participant_id" uuid PRIMARY KEY NOT NULL,
	"unit_name" text NOT NULL,
	"set_by_user_id" uuid,
	"set_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ten_factor_settings" (
	"programme_id" uuid PRIMARY KEY NOT NULL,
	"enabled" boolean DEFAULT false NOT NULL,
	"updated_by_user_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ten_factor_surveys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"label" text NOT NULL,
	"year" integer NOT NULL,
	"total_respondents" integer,
	"total_means" jsonb,
	"import_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ten_factor_surveys_programme_label" UNIQUE("programme_id","label"),
	CONSTRAINT "ten_factor_surveys_year" CHECK ("ten_factor_surveys"."year" BETWEEN 2000 AND 2100)
);
--> statement-breakpoint
CREATE TABLE "ten_factor_units" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"survey_id" uuid NOT NULL,
	"name" text NOT NULL,
	"name_key" text NOT NULL,
	"respondents" integer NOT NULL,
	"means" jsonb,
	"row_number" integer NOT NULL,
	CONSTRAINT "ten_factor_units_survey_key" UNIQUE("survey_id","name_key"),
	CONSTRAINT "ten_factor_units_respondents" CHECK ("ten_factor_units"."respondents" >= 0)
);
--> statement-breakpoint
ALTER TABLE "ten_factor_action_notes" ADD CONSTRAINT "ten_factor_action_notes_action_id_ten_factor_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."ten_factor_actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ten_factor_actions" ADD CONSTRAINT "ten_factor_actions_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ten_factor_actions" ADD CONSTRAINT "ten_factor_actions_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ten_factor_choices" ADD CONSTRAINT "ten_factor_choices_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ten_factor_choices" ADD CONSTRAINT "ten_factor_choices_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ten_factor_imports" ADD CONSTRAINT "ten_factor_imports_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ten_factor_imports" ADD CONSTRAINT "ten_factor_imports_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ten_factor_links" ADD CONSTRAINT "ten_factor_links_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ten_factor_links" ADD CONSTRAINT "ten_factor_links_set_by_user_id_users_id_fk" FOREIGN KEY ("set_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ten_factor_settings" ADD CONSTRAINT "ten_factor_settings_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ten_factor_settings" ADD CONSTRAINT "ten_factor_settings_updated_by_user_id_users_id_fk" FOREIGN KEY ("updated_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ten_factor_surveys" ADD CONSTRAINT "ten_factor_surveys_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ten_factor_surveys" ADD CONSTRAINT "ten_factor_surveys_import_id_ten_factor_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."ten_factor_imports"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ten_factor_units" ADD CONSTRAINT "ten_factor_units_survey_id_ten_factor_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."ten_factor_surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ten_factor_action_notes_action_idx" ON "ten_factor_action_notes" USING btree ("action_id");--> statement-breakpoint
CREATE INDEX "ten_factor_actions_participant_idx" ON "ten_factor_actions" USING btree ("participant_id");--> statement-breakpoint
CREATE INDEX "ten_factor_actions_programme_idx" ON "ten_factor_actions" USING btree ("programme_id");--> statement-breakpoint
CREATE INDEX "ten_factor_choices_programme_idx" ON "ten_factor_choices" USING btree ("programme_id");--> statement-breakpoint
CREATE INDEX "ten_factor_imports_programme_idx" ON "ten_factor_imports" USING btree ("programme_id");
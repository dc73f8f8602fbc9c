CREATE TABLE "programme_retention" (
	"programme_id" uuid NOT NULL,
	"category" text NOT NULL,
	"months" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programme_retention_pk" PRIMARY KEY("programme_id","category"),
	CONSTRAINT "programme_retention_months" CHECK ("programme_retention"."months" IS NULL OR "programme_retention"."months" >= 0)
);
--> statement-breakpoint
CREATE TABLE "retention_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"category" text NOT NULL,
	"due_on" date NOT NULL,
	"applied_at" timestamp with time zone NOT NULL,
	"counts" jsonb NOT NULL,
	"total" integer NOT NULL,
	"source" text NOT NULL,
	CONSTRAINT "retention_runs_source" CHECK ("retention_runs"."source" IN ('job', 'policy'))
);
--> statement-breakpoint
ALTER TABLE "email_outbox" ADD COLUMN "programme_id" uuid;--> statement-breakpoint
ALTER TABLE "programme_retention" ADD CONSTRAINT "programme_retention_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_runs" ADD CONSTRAINT "retention_runs_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "retention_runs_programme_idx" ON "retention_runs" USING btree ("programme_id","applied_at");--> statement-breakpoint
ALTER TABLE "email_outbox" ADD CONSTRAINT "email_outbox_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "email_outbox_programme_idx" ON "email_outbox" USING btree ("programme_id");
CREATE TYPE "public"."delivery_kind" AS ENUM('gathering_day', 'network_meeting', 'coaching', 'evaluation', 'travel');--> statement-breakpoint
CREATE TABLE "deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"kind" "delivery_kind" NOT NULL,
	"delivered_on" date NOT NULL,
	"quantity" integer NOT NULL,
	"unit_price_ore" bigint NOT NULL,
	"amount_ex_vat_ore" bigint NOT NULL,
	"vat_basis_points" integer NOT NULL,
	"quote_id" uuid,
	"advisor_user_id" uuid,
	"note" text,
	"source" text,
	"registered_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "deliveries_programme_source" UNIQUE("programme_id","source"),
	CONSTRAINT "deliveries_quantity_positive" CHECK ("deliveries"."quantity" > 0),
	CONSTRAINT "deliveries_amounts_not_negative" CHECK ("deliveries"."unit_price_ore" >= 0 AND "deliveries"."amount_ex_vat_ore" >= 0),
	CONSTRAINT "deliveries_vat_range" CHECK ("deliveries"."vat_basis_points" BETWEEN 0 AND 10000)
);
--> statement-breakpoint
ALTER TABLE "quotes" ADD COLUMN "rates" jsonb;--> statement-breakpoint
ALTER TABLE "quotes" ADD COLUMN "priced_on" date;--> statement-breakpoint
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_quote_id_quotes_id_fk" FOREIGN KEY ("quote_id") REFERENCES "public"."quotes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_advisor_user_id_users_id_fk" FOREIGN KEY ("advisor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_registered_by_user_id_users_id_fk" FOREIGN KEY ("registered_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "deliveries_programme_on_idx" ON "deliveries" USING btree ("programme_id","delivered_on");
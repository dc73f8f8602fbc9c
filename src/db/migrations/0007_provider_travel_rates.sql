CREATE TABLE "provider_travel_rates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_id" uuid NOT NULL,
	"valid_from" date NOT NULL,
	"car_per_km_ore" bigint NOT NULL,
	"per_diem_6_to_12_hours_ore" bigint,
	"per_diem_over_12_hours_ore" bigint,
	"per_diem_overnight_ore" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "provider_travel_rates_provider_valid_from" UNIQUE("provider_id","valid_from"),
	CONSTRAINT "provider_travel_rates_positive" CHECK ("provider_travel_rates"."car_per_km_ore" > 0 AND coalesce("provider_travel_rates"."per_diem_6_to_12_hours_ore", 1) > 0 AND coalesce("provider_travel_rates"."per_diem_over_12_hours_ore", 1) > 0 AND coalesce("provider_travel_rates"."per_diem_overnight_ore", 1) > 0)
);
--> statement-breakpoint
ALTER TABLE "provider_travel_rates" ADD CONSTRAINT "provider_travel_rates_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE cascade ON UPDATE no action;
ALTER TABLE "expectation_rounds" ADD COLUMN "last_reminded_on" date;--> statement-breakpoint
ALTER TABLE "overall_evaluations" ADD COLUMN "last_reminded_on" date;
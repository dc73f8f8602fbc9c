ALTER TABLE "coaching_sessions" DROP CONSTRAINT "coaching_sessions_participant_id_participants_id_fk";
--> statement-breakpoint
ALTER TABLE "coaching_sessions" ADD CONSTRAINT "coaching_sessions_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE cascade ON UPDATE no action;
ALTER TABLE "workshops" ADD COLUMN "countdown_seconds" integer;--> statement-breakpoint
ALTER TABLE "workshops" ADD COLUMN "voting_ends_at" timestamp with time zone;
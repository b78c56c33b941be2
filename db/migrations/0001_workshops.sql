CREATE TYPE "public"."round_status" AS ENUM('open', 'closed');--> statement-breakpoint
CREATE TYPE "public"."workshop_mode" AS ENUM('async', 'live');--> statement-breakpoint
CREATE TABLE "workshop_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"status" "round_status" DEFAULT 'open' NOT NULL,
	"node_keys" jsonb,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	"result_error" text,
	CONSTRAINT "workshop_rounds_sessionId_number_unique" UNIQUE("session_id","number")
);
--> statement-breakpoint
CREATE TABLE "workshops" (
	"session_id" uuid PRIMARY KEY NOT NULL,
	"mode" "workshop_mode" DEFAULT 'async' NOT NULL,
	"room_code" text,
	"current_item" jsonb,
	"is_revealed" boolean DEFAULT false NOT NULL,
	"event_seq" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "workshops_roomCode_unique" UNIQUE("room_code")
);
--> statement-breakpoint
ALTER TABLE "judgments" DROP CONSTRAINT "judgments_participantId_nodeKey_pairKey_unique";--> statement-breakpoint
ALTER TABLE "ratings" DROP CONSTRAINT "ratings_participantId_criterionKey_alternativeKey_unique";--> statement-breakpoint
ALTER TABLE "judgments" ADD COLUMN "round" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "ratings" ADD COLUMN "round" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "participants" ADD COLUMN "is_included" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "results" ADD COLUMN "round" integer;--> statement-breakpoint
ALTER TABLE "workshop_rounds" ADD CONSTRAINT "workshop_rounds_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshops" ADD CONSTRAINT "workshops_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "judgments" ADD CONSTRAINT "judgments_participantId_round_nodeKey_pairKey_unique" UNIQUE("participant_id","round","node_key","pair_key");--> statement-breakpoint
ALTER TABLE "ratings" ADD CONSTRAINT "ratings_participantId_round_criterionKey_alternativeKey_unique" UNIQUE("participant_id","round","criterion_key","alternative_key");
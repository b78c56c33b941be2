CREATE TABLE "judgment_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"node_key" text NOT NULL,
	"a_key" text NOT NULL,
	"b_key" text NOT NULL,
	"pair_key" text NOT NULL,
	"text" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "judgment_comments_participantId_nodeKey_pairKey_unique" UNIQUE("participant_id","node_key","pair_key")
);
--> statement-breakpoint
ALTER TABLE "judgment_comments" ADD CONSTRAINT "judgment_comments_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "judgment_comments" ADD CONSTRAINT "judgment_comments_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "judgment_comments_session_id_index" ON "judgment_comments" USING btree ("session_id");
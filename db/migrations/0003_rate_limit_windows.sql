-- UNLOGGED by hand (drizzle-kit cannot say it): rate-limit counters need no crash safety, and skip the WAL.
CREATE UNLOGGED TABLE "rate_limit_windows" (
	"key" text PRIMARY KEY NOT NULL,
	"hits" integer NOT NULL,
	"window_ends_at" timestamp with time zone NOT NULL
);

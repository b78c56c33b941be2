import 'server-only';
import { tracked } from '@trpc/server';
import { AppError, toTRPCError } from '~/server/errors';
import type { WorkshopEvent } from '~/server/services/workshop/live-feed';

/**
 * Gives each workshop event its sequence number as the SSE event id, which the client sends back as
 * `lastEventId` when it reconnects. An AppError raised after the stream started (the session was deleted) goes
 * through the same mapper as any procedure's, since middlewares only see the stream being opened.
 */
export async function* trackedEvents(events: AsyncIterable<WorkshopEvent>) {
  try {
    for await (const event of events) yield tracked(String(event.seq), event);
  } catch (error) {
    throw error instanceof AppError ? toTRPCError(error) : error;
  }
}

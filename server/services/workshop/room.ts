import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '~/db/client';
import { workshops } from '~/db/schema';
import { AppError } from '~/server/errors';

/** The session a room code opens, or NOT_FOUND: codes of closed sessions are released, so they open nothing. */
export async function findSessionByRoomCode(db: Db, roomCode: string): Promise<string> {
  const [row] = await db.select({ sessionId: workshops.sessionId }).from(workshops).where(eq(workshops.roomCode, roomCode)).limit(1);
  if (!row) throw new AppError('NOT_FOUND', 'No open session has this room code; check it with the facilitator.', { field: 'roomCode' });
  return row.sessionId;
}

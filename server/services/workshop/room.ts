import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '~/db/client';
import { workshops } from '~/db/schema';
import { AppError } from '~/server/errors';

/**
 * The session a room code opens, or NOT_FOUND. A closed session keeps its code (31^6 codes leave no shortage), so
 * the phones and the projector of a closed room say it is closed, and a reopened session keeps the code on the wall;
 * joining a closed session is refused by the join itself.
 */
export async function findSessionByRoomCode(db: Db, roomCode: string): Promise<string> {
  const [row] = await db.select({ sessionId: workshops.sessionId }).from(workshops).where(eq(workshops.roomCode, roomCode)).limit(1);
  if (!row) throw new AppError('NOT_FOUND', 'No session has this room code; check it with the facilitator.', { field: 'roomCode' });
  return row.sessionId;
}

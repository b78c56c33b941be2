import 'server-only';
import type { Coverage, SessionResult } from '~/core/model';
import { readMethodSettings } from '~/core/contracts/method';
import type { ComputationSettings } from '~/core/contracts/session-export';
import type { Db } from '~/db/client';
import { type SessionRow, results } from '~/db/schema';

export function computationSettings(session: SessionRow): ComputationSettings {
  return {
    methodSettings: readMethodSettings(session.methodSettings),
    alternativeScoring: session.alternativeScoring,
    stakeholderWeights: session.stakeholderWeights,
    maxCr: session.maxCr,
  };
}

/** Stores a computed result with the settings and model version that produced it, and who it covers. */
export async function storeResult(
  db: Db,
  row: {
    sessionId: string;
    scope: 'group' | 'individual';
    participantKey: string | null;
    settings: ComputationSettings;
    sessionVersion: number;
    result: SessionResult;
    coverage: Coverage;
    /** The workshop round this result closed, if any. */
    round?: number | null;
  },
) {
  const [stored] = await db.insert(results).values(row).returning();
  if (!stored) throw new Error('inserting a result returned no row');
  return stored;
}

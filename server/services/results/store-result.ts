import 'server-only';
import { ProblemValidationError, evaluate } from '~/core';
import type { ComputationSettings, ResultCoverage } from '~/core/contracts/session-export';
import type { Db } from '~/db/client';
import { results } from '~/db/schema';
import { AppError } from '~/server/errors';

/**
 * Runs the engine and stores its result with the settings and model version that produced it. A problem the
 * engine refuses comes back as NOT_COMPUTABLE with the engine's own paths and reasons.
 */
export async function evaluateAndStore(
  db: Db,
  row: {
    sessionId: string;
    scope: 'group' | 'individual';
    participantKey: string | null;
    settings: ComputationSettings;
    sessionVersion: number;
    coverage: ResultCoverage;
    /** The workshop round this result closed, if any. */
    round?: number | null;
  },
  problem: object,
) {
  let result: Record<string, unknown>;
  try {
    result = evaluate(problem) as unknown as Record<string, unknown>;
  } catch (error) {
    if (error instanceof ProblemValidationError) {
      const reasons = error.issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
      throw new AppError('NOT_COMPUTABLE', `The answers cannot be computed yet: ${reasons}`, { cause: error });
    }
    throw error;
  }
  const [stored] = await db
    .insert(results)
    .values({ ...row, result })
    .returning();
  if (!stored) throw new Error('inserting a result returned no row');
  return stored;
}

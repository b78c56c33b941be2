import 'server-only';
import type { AuditAction } from '~/core/contracts/audit';
import type { Db } from '~/db/client';
import type { SessionRow } from '~/db/schema';
import { AppError } from '~/server/errors';
import type { FacilitatorContext } from '../context';
import { type SessionModel, loadModel } from './session-model';
import { pruneStaleAnswers } from './prune-answers';
import { assertNotClosed, assertVersion, lockSession, recordChange } from './session-state';

type ModelEditResult = {
  version: number;
  /** Answers deleted because the element or pair they were about is gone. */
  droppedAnswers: { judgments: number; ratings: number };
};

type EditState = { session: SessionRow; model: SessionModel };

/**
 * The frame of every model edit: one transaction that locks the session, refuses a stale `expectedVersion`
 * and a session that is no longer a draft, applies the edit, deletes the answers it made meaningless,
 * increments the version and writes the audit entry. Any error rolls all of it back.
 */
export async function editModel<T extends Record<string, unknown> = Record<string, never>>(
  ctx: FacilitatorContext,
  expectedVersion: number,
  action: AuditAction,
  apply: (tx: Db, state: EditState) => Promise<{ detail: Record<string, unknown>; value?: T }>,
): Promise<ModelEditResult & T> {
  return ctx.db.transaction(async (tx) => {
    const session = await lockSession(tx, ctx.access.sessionId);
    assertVersion(session, expectedVersion);
    assertNotClosed(session);
    if (session.status !== 'draft') {
      throw new AppError('NOT_DRAFT', 'The model can be edited only while the session is a draft.');
    }
    const model = await loadModel(tx, session.id);
    const { detail, value } = await apply(tx, { session, model });
    const droppedAnswers = await pruneStaleAnswers(tx, session.id, await loadModel(tx, session.id));
    const dropped = droppedAnswers.judgments + droppedAnswers.ratings > 0 ? { droppedAnswers } : {};
    const version = await recordChange(tx, session, action, { ...detail, ...dropped });
    return { ...(value ?? ({} as T)), version, droppedAnswers };
  });
}

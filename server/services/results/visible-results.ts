import 'server-only';
import { AppError } from '~/server/errors';
import type { SessionAccess } from '../context';
import type { Db } from '~/db/client';
import { READ_SNAPSHOT, type SessionSnapshot, readSessionSnapshot } from '../shared/session-snapshot';
import { type ResultView, onlyOwnEntry, toResultView } from './views';

type VisibleResults = { group: ResultView | null; own: ResultView | null };

/**
 * The latest stored results the link may see. Facilitator: the group result. Participant: their own result, and the
 * group result when the facilitator shares it, with only their own entry. Refused when nothing is shared.
 */
export function visibleResults(snapshot: SessionSnapshot, access: SessionAccess): VisibleResults {
  const { session } = snapshot;
  const staleAfter = (computedAt: Date, version: number, answeredAt: Date | null) =>
    version !== session.version || (answeredAt !== null && answeredAt > computedAt);
  const view = (row: NonNullable<SessionSnapshot['groupResult']>, answeredAt: Date | null) =>
    toResultView(row, { isStale: staleAfter(row.computedAt, row.sessionVersion, answeredAt) });
  if (access.role === 'facilitator') {
    return { group: snapshot.groupResult ? view(snapshot.groupResult, snapshot.lastAnswerAt.session) : null, own: null };
  }
  if (access.role !== 'participant') {
    throw new AppError('FORBIDDEN', 'Join the session first: results are shown to participants and the facilitator.');
  }
  if (session.participantResults === 'none') {
    throw new AppError('FORBIDDEN', 'The facilitator has not shared results with participants in this session.');
  }
  const me = snapshot.participants[0]!;
  const group =
    session.participantResults === 'own-and-group' && snapshot.groupResult
      ? onlyOwnEntry(view(snapshot.groupResult, snapshot.lastAnswerAt.session), me.key)
      : null;
  return { group, own: snapshot.ownResult ? view(snapshot.ownResult, snapshot.lastAnswerAt.own) : null };
}

/** The result of one scope the link may see: `own` is for participants; the group's for a participant only when shared. */
export function visibleResult(snapshot: SessionSnapshot, access: SessionAccess, scope: 'group' | 'own'): ResultView | null {
  if (access.role === 'facilitator' && scope === 'own') {
    throw new AppError('INVALID_INPUT', 'The facilitator reads the group result; "own" is for participants.', { field: 'scope' });
  }
  if (access.role === 'participant' && scope === 'group' && snapshot.session.participantResults !== 'own-and-group') {
    throw new AppError('FORBIDDEN', 'The facilitator has not shared the group result with participants in this session.', { field: 'scope' });
  }
  const visible = visibleResults(snapshot, access);
  return scope === 'group' ? visible.group : visible.own;
}

/** visibleResults in a snapshot of its own, for callers that only check what a link may see. */
export async function readVisibleResults(db: Db, access: SessionAccess): Promise<VisibleResults> {
  return db.transaction(async (tx) => visibleResults(await readSessionSnapshot(tx, access), access), READ_SNAPSHOT);
}

import { type AgendaItem, isSameItem, itemNodeId } from './agenda';

/** The part of a workshop's state that decides which answers it takes. */
export type AnswerGateState = {
  readonly mode: 'async' | 'live';
  readonly currentItem: AgendaItem | null;
  readonly isRevealed: boolean;
  /** When voting on the current item ends (a countdown), as epoch milliseconds; null: no countdown. */
  readonly votingEndsAt: number | null;
  readonly round: { readonly number: number; readonly status: 'open' | 'closed'; readonly nodeKeys: readonly string[] | null };
};

/** Why an answer is not taken now: the server refuses it with `code`; a participant page does not offer it. */
export type AnswerRefusal =
  | { code: 'ROUND_CLOSED'; reason: 'round-closed'; round: number }
  | { code: 'VOTING_CLOSED'; reason: 'not-asked'; round: number; nodeKey: string }
  | { code: 'VOTING_CLOSED'; reason: 'other-item' | 'revealed' | 'time-up'; round: number };

/** Whether `round` asks about comparison node `nodeKey` (for a rating, the criterion). */
export function roundAsks(round: AnswerGateState['round'], nodeKey: string): boolean {
  return round.nodeKeys === null || round.nodeKeys.includes(nodeKey);
}

/**
 * The one rule of which answers a session takes (besides being open): an open round that asks the item's node
 * and, in live mode, the room voting on that very item, not yet shown its distribution and not past its countdown.
 * The server refuses by it; the questionnaire and the phones offer only what it lets through.
 */
export function answerRefusal(state: AnswerGateState, item: AgendaItem, now: number): AnswerRefusal | null {
  const round = state.round.number;
  if (state.round.status === 'closed') return { code: 'ROUND_CLOSED', reason: 'round-closed', round };
  const nodeKey = itemNodeId(item);
  if (!roundAsks(state.round, nodeKey)) return { code: 'VOTING_CLOSED', reason: 'not-asked', round, nodeKey };
  if (state.mode !== 'live') return null;
  if (!state.currentItem || !isSameItem(state.currentItem, item)) return { code: 'VOTING_CLOSED', reason: 'other-item', round };
  if (state.isRevealed) return { code: 'VOTING_CLOSED', reason: 'revealed', round };
  if (state.votingEndsAt !== null && now >= state.votingEndsAt) return { code: 'VOTING_CLOSED', reason: 'time-up', round };
  return null;
}

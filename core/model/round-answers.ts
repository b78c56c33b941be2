import { type AgendaItem, itemKey } from './agenda';
import { positionAs } from './pairs';
import type { ParticipantAnswers } from './progress';

/** One answer as the agenda asks it: a pair's position oriented as the item puts the pair, or a rating's intensity. */
export type RoundAnswer = { readonly key: string; readonly position: number } | { readonly key: string; readonly intensity: string };

/**
 * A participant's own answers in one round, as the server held them when the session's event sequence was at
 * `seq`. A phone keeps this and adds what the server acknowledged afterwards (`withAcknowledged`); it never adds an
 * answer the server has not confirmed, so what it shows is always something the server holds.
 */
export type RoundAnswers = { readonly seq: number; readonly round: number; readonly answers: readonly RoundAnswer[] };

/** An answer the server confirmed holding, with the event sequence number its write raised. */
export type AcknowledgedAnswer = RoundAnswer & { readonly seq: number };

/** The participant's answers to the round's agenda, each oriented as its item is asked; answers off the agenda are left out. */
export function roundAnswersOf(agenda: readonly AgendaItem[], answers: ParticipantAnswers): RoundAnswer[] {
  const judged = new Map(answers.judgments.map((j) => [itemKey({ kind: 'pair', nodeKey: j.nodeKey, a: j.aKey, b: j.bKey }), j]));
  const rated = new Map(
    answers.ratings.map((r) => [itemKey({ kind: 'rating', criterionKey: r.criterionKey, alternativeKey: r.alternativeKey }), r]),
  );
  const result: RoundAnswer[] = [];
  for (const item of agenda) {
    const key = itemKey(item);
    if (item.kind === 'pair') {
      const own = judged.get(key);
      const position = own ? positionAs(own, item.a, item.b) : null;
      if (position !== null) result.push({ key, position });
    } else {
      const own = rated.get(key);
      if (own) result.push({ key, intensity: own.intensity });
    }
  }
  return result;
}

/**
 * The answers the server holds now, as far as this phone knows: the last read, plus every acknowledged save that
 * happened after it (a later sequence number); a save at or before the read's sequence is already in the read, or
 * was cleared after it (a re-vote), so it does not count again.
 */
export function withAcknowledged(read: RoundAnswers, acknowledged: readonly AcknowledgedAnswer[]): Map<string, RoundAnswer> {
  const held = new Map(read.answers.map((answer) => [answer.key, answer]));
  const newer = acknowledged.filter((answer) => answer.seq > read.seq).sort((x, y) => x.seq - y.seq);
  for (const { seq: _seq, ...answer } of newer) held.set(answer.key, answer);
  return held;
}

/** How many of the round's questions have an answer among `held`: the phone's "N of M" and the server's, by one rule. */
export function roundProgress(agenda: readonly AgendaItem[], held: ReadonlyMap<string, RoundAnswer>): { answered: number; required: number } {
  return { answered: agenda.filter((item) => held.has(itemKey(item))).length, required: agenda.length };
}

import { describe, expect, it } from 'vitest';
import type { AgendaItem } from './agenda';
import { roundAnswersOf, roundProgress, withAcknowledged } from './round-answers';

const ab: AgendaItem = { kind: 'pair', nodeKey: 'goal', a: 'a', b: 'b' };
const ac: AgendaItem = { kind: 'pair', nodeKey: 'goal', a: 'a', b: 'c' };
const rating: AgendaItem = { kind: 'rating', criterionKey: 'x', alternativeKey: 's' };
const agenda = [ab, ac, rating];

describe('round answers', () => {
  it('orients a stored pair as the agenda asks it and leaves out answers off the agenda', () => {
    const answers = roundAnswersOf(agenda, {
      judgments: [
        { nodeKey: 'goal', aKey: 'c', bKey: 'a', position: 3 },
        { nodeKey: 'other', aKey: 'a', bKey: 'b', position: 1 },
      ],
      ratings: [{ criterionKey: 'x', alternativeKey: 's', intensity: 'high' }],
    });
    expect(answers).toEqual([
      { key: 'pair|goal|a|c', position: -3 },
      { key: 'rating|x|s', intensity: 'high' },
    ]);
  });

  it('adds only saves acknowledged after the read, the latest winning, and counts each question once', () => {
    const read = { seq: 10, round: 1, answers: [{ key: 'pair|goal|a|b', position: 2 }] };
    const held = withAcknowledged(read, [
      // Saved before the read: the read already says what the server holds (here: cleared by a re-vote).
      { key: 'pair|goal|a|c', position: 5, seq: 9 },
      { key: 'pair|goal|a|b', position: -1, seq: 12 },
      { key: 'pair|goal|a|b', position: 4, seq: 11 },
    ]);
    expect([...held.entries()]).toEqual([['pair|goal|a|b', { key: 'pair|goal|a|b', position: -1 }]]);
    expect(roundProgress(agenda, held)).toEqual({ answered: 1, required: 3 });
  });

  it('counts a question once whichever way round its pair was answered', () => {
    const answers = roundAnswersOf(agenda, {
      judgments: [
        { nodeKey: 'goal', aKey: 'b', bKey: 'a', position: 0 },
        { nodeKey: 'goal', aKey: 'a', bKey: 'c', position: 0 },
      ],
      ratings: [],
    });
    expect(roundProgress(agenda, new Map(answers.map((answer) => [answer.key, answer])))).toEqual({ answered: 2, required: 3 });
  });
});

import { describe, expect, it } from 'vitest';
import type { AgendaItem } from './agenda';
import { type AnswerGateState, answerRefusal } from './answer-gate';

const ab: AgendaItem = { kind: 'pair', nodeKey: 'goal', a: 'a', b: 'b' };
const ba: AgendaItem = { kind: 'pair', nodeKey: 'goal', a: 'b', b: 'a' };
const other: AgendaItem = { kind: 'pair', nodeKey: 'x', a: 's', b: 't' };
const open = { number: 1, status: 'open', nodeKeys: null } as const;
const asyncState: AnswerGateState = { mode: 'async', currentItem: null, isRevealed: false, votingEndsAt: null, round: open };
const live: AnswerGateState = { ...asyncState, mode: 'live', currentItem: ab };

describe('answer gate', () => {
  it('takes any question of an open round at the participants’ own pace', () => {
    expect(answerRefusal(asyncState, other, 0)).toBeNull();
  });

  it('refuses everything in a closed round, and nodes a later round does not ask again', () => {
    expect(answerRefusal({ ...asyncState, round: { ...open, status: 'closed' } }, ab, 0)).toMatchObject({ code: 'ROUND_CLOSED', round: 1 });
    const second = { number: 2, status: 'open', nodeKeys: ['goal'] } as const;
    expect(answerRefusal({ ...asyncState, round: second }, other, 0)).toMatchObject({ reason: 'not-asked', nodeKey: 'x', round: 2 });
    expect(answerRefusal({ ...asyncState, round: second }, ab, 0)).toBeNull();
  });

  it('in live mode takes only the question on screen, either way round, until it is revealed or its time is up', () => {
    expect(answerRefusal(live, ba, 0)).toBeNull();
    expect(answerRefusal(live, other, 0)).toMatchObject({ reason: 'other-item' });
    expect(answerRefusal({ ...live, currentItem: null }, ab, 0)).toMatchObject({ reason: 'other-item' });
    expect(answerRefusal({ ...live, isRevealed: true }, ab, 0)).toMatchObject({ reason: 'revealed' });
    expect(answerRefusal({ ...live, votingEndsAt: 1000 }, ab, 999)).toBeNull();
    expect(answerRefusal({ ...live, votingEndsAt: 1000 }, ab, 1000)).toMatchObject({ reason: 'time-up' });
  });
});

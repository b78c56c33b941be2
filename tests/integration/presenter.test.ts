import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { workshops } from '~/db/schema';
import { createRoom } from './fixtures/workshop';
import { callerFor, describeOnEveryEngine } from './harness';

const refusedWith = (code: string, appCode: string) => ({ code, cause: expect.objectContaining({ code: appCode }) });

/** Shannon entropy of a priority vector, written out here from the definition, apart from core/group/consensus.ts. */
const entropy = (vector: number[]) => vector.reduce((sum, w) => (w > 0 ? sum - w * Math.log(w) : sum), 0);

/**
 * Goepel's S* for equal-weight two-element vectors (AHP-OS form): exp(-H_beta) rescaled between the case of one
 * element judged 9 times the other by everyone on opposite sides (0) and identical priorities (1).
 */
function expectedConsensus(ratios: number[]): number {
  const vectors = ratios.map((r) => [r / (1 + r), 1 / (1 + r)]);
  const alpha = vectors.reduce((sum, v) => sum + entropy(v), 0) / vectors.length;
  const mean = [0, 1].map((j) => vectors.reduce((sum, v) => sum + v[j]!, 0) / vectors.length);
  const beta = entropy(mean) - alpha;
  const reference = Math.exp(entropy([0.9, 0.1]) - Math.log(2));
  return (Math.exp(-beta) - reference) / (1 - reference);
}

describeOnEveryEngine('presenter mode', (database) => {
  const db = () => database().handle.db;

  it('closes voting on a question when the countdown runs out, and each question put to the room gets it afresh', async () => {
    const { sessionId, facilitator, participants } = await createRoom(db(), { count: 2 });
    await expect(participants[0]!.caller.workshop.setCountdown({ sessionId, seconds: 30 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(facilitator.workshop.setCountdown({ sessionId, seconds: 5 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });

    let state = await facilitator.workshop.setMode({ sessionId, mode: 'live' });
    expect(state).toMatchObject({ countdownSeconds: null, votingEndsAt: null });
    const before = Date.now();
    state = await facilitator.workshop.setCountdown({ sessionId, seconds: 30 });
    expect(state.countdownSeconds).toBe(30);
    const endsAt = Date.parse(state.votingEndsAt!);
    expect(endsAt).toBeGreaterThanOrEqual(before + 30_000 - 1000);
    expect(endsAt).toBeLessThanOrEqual(Date.now() + 30_000 + 1000);

    const item = state.current!;
    if (item.kind !== 'pair') throw new Error('the blank model asks pairs');
    const answer = { sessionId, nodeKey: item.nodeKey, a: item.a, b: item.b, position: 2 };
    await participants[0]!.caller.judgment.save(answer);

    // The time runs out (moved back rather than waited for): the server refuses by its own clock.
    await db().update(workshops).set({ votingEndsAt: new Date(Date.now() - 1) }).where(eq(workshops.sessionId, sessionId));
    const late = participants[1]!.caller.judgment.save(answer);
    await expect(late).rejects.toMatchObject(refusedWith('PRECONDITION_FAILED', 'VOTING_CLOSED'));
    await expect(late).rejects.toThrow(/Time is up/);
    expect((await facilitator.workshop.live({ sessionId })).answeredCount).toBe(1);

    state = await facilitator.workshop.next({ sessionId });
    expect(Date.parse(state.votingEndsAt!)).toBeGreaterThan(Date.now() + 25_000);
    const next = state.current!;
    if (next.kind !== 'pair') throw new Error('the blank model asks pairs');
    await participants[1]!.caller.judgment.save({ sessionId, nodeKey: next.nodeKey, a: next.a, b: next.b, position: 1 });

    state = await facilitator.workshop.setCountdown({ sessionId, seconds: null });
    expect(state).toMatchObject({ countdownSeconds: null, votingEndsAt: null });
    state = await facilitator.workshop.setMode({ sessionId, mode: 'async' });
    expect(state.votingEndsAt).toBeNull();
  });

  it('names who has not voted to the facilitator only, and counts them for the room', async () => {
    const { sessionId, roomCode, facilitator, participants } = await createRoom(db(), { count: 3 });
    let state = await facilitator.workshop.setMode({ sessionId, mode: 'live' });
    expect(state.waitingFor!.map((p) => p.displayName).sort()).toEqual(['Voter 1', 'Voter 2', 'Voter 3']);
    const item = state.current!;
    if (item.kind !== 'pair') throw new Error('the blank model asks pairs');
    await participants[1]!.caller.judgment.save({ sessionId, nodeKey: item.nodeKey, a: item.a, b: item.b, position: 0 });
    await facilitator.workshop.setInclusion({ sessionId, participantId: participants[2]!.participantId, isIncluded: false });

    state = await facilitator.workshop.live({ sessionId });
    expect(state.waitingFor!.map((p) => p.displayName)).toEqual(['Voter 1']);
    const projector = (await callerFor(db()).workshop.room({ roomCode })).live;
    expect(projector).toMatchObject({ waitingFor: null, includedCount: 2, answeredCount: 1 });
    expect((await participants[0]!.caller.workshop.live({ sessionId })).waitingFor).toBeNull();
  });

  it('says on reveal how far the room agrees on the pair, by Goepel’s consensus indicator', async () => {
    const { sessionId, roomCode, facilitator, participants } = await createRoom(db(), { count: 4 });
    const state = await facilitator.workshop.setMode({ sessionId, mode: 'live' });
    const item = state.current!;
    if (item.kind !== 'pair') throw new Error('the blank model asks pairs');
    const save = (n: number, position: number) =>
      participants[n]!.caller.judgment.save({ sessionId, nodeKey: item.nodeKey, a: item.a, b: item.b, position });

    // Two people at the opposite ends of the scale: the formula's case of no consensus, exactly 0.
    await save(0, 8);
    await save(1, -8);
    let tally = (await facilitator.workshop.live({ sessionId })).tally;
    if (tally?.kind !== 'pair') throw new Error('expected a pair tally');
    expect(tally.consensus!.value).toBeCloseTo(0, 12);
    expect(tally.consensus!.level).toBe('very-low');

    // Everyone on "moderately more" and "equal" (ratios 3 and 1): the value the definition gives, and its words.
    await save(0, 2);
    await save(1, 2);
    await save(2, 0);
    await save(3, 2);
    await facilitator.workshop.reveal({ sessionId });
    tally = (await callerFor(db()).workshop.room({ roomCode })).live.tally;
    if (tally?.kind !== 'pair') throw new Error('expected a pair tally once revealed');
    const expected = expectedConsensus([3, 3, 1, 3]);
    expect(tally.consensus!.value).toBeCloseTo(expected, 12);
    expect(expected).toBeGreaterThan(0.875);
    expect(tally.consensus!.level).toBe('very-high');
  });
});

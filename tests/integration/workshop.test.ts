import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GroupHierarchyResult, type GroupMatrixResult, evaluate, ratioToNearestPosition } from '~/core';
import { type Db, type DbHandle, createDb } from '~/db/client';
import { eventBusFor } from '~/server/events';
import { createInnerContext, createTRPCContext } from '~/server/trpc/context';
import { createInProcessRateLimiter } from '~/server/rate-limits';
import { JOINS_PER_ADDRESS } from '~/server/trpc/middleware/rate-limit';
import { appRouter, createCaller } from '~/server/trpc/root';
import { itemKey } from '~/core/model';
import { comparable } from './fixtures/flow';
import {
  type Caller,
  type GivenAnswers,
  NODES,
  createRoom,
  expectClose,
  expectedGroupResult,
  limitedCallerFor,
  recordAnswer,
} from './fixtures/workshop';
import { type TestDatabase, callerFor, describeOnEveryEngine, hasPostgres, openTestDatabase } from './harness';

const refusedWith = (code: string, appCode: string) => ({ code, cause: expect.objectContaining({ code: appCode }) });

/**
 * A participant's answer to a pair: 0 everywhere for p1 (perfectly consistent), an intransitive cycle for p4
 * (a > b > c > a: far above any CR limit), varied for the others.
 */
function positionFor(n: number, nodeKey: string, i: number, j: number): number {
  if (n === 0) return 0;
  if (n === 3) return nodeKey === 'goal' ? 3 : i === 0 && j === 2 ? -4 : 4;
  return ((n * 7 + i * 3 + j * 5 + nodeKey.length) % 9) - 4;
}

/** Every participant answers every pair of the blank model, at their own pace. */
async function answerEverything(sessionId: string, participants: Array<{ participantKey: string; caller: Caller }>, given: GivenAnswers) {
  for (const [n, p] of participants.entries()) {
    for (const [nodeKey, elements] of Object.entries(NODES)) {
      for (let i = 0; i < elements.length; i++) {
        for (let j = i + 1; j < elements.length; j++) {
          const position = positionFor(n, nodeKey, i, j);
          await p.caller.judgment.save({ sessionId, nodeKey, a: elements[i]!, b: elements[j]!, position });
          recordAnswer(given, p.participantKey, nodeKey, elements[i]!, elements[j]!, position);
        }
      }
    }
  }
}

function copyAnswers(given: GivenAnswers): GivenAnswers {
  return new Map([...given].map(([key, nodes]) => [key, new Map([...nodes].map(([node, list]) => [node, [...list]]))]));
}

function withTimeout<T>(promise: Promise<T>, what: string, ms = 10_000): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`no ${what} within ${ms} ms`)), ms))]);
}

type StreamEvent = { id: string; kinds: string[]; seq: number; state: Record<string, unknown> & { seq: number } };

/** Opens workshop.events as a subscriber whose connection ends when `signal` aborts. */
async function openEvents(db: Db, token: string, input: { sessionId: string; lastEventId: string | null }, signal: AbortSignal) {
  const iterable = await createCaller(createInnerContext({ db, token }), { signal }).workshop.events(input);
  const iterator = (iterable as AsyncIterable<unknown>)[Symbol.asyncIterator]();
  return {
    async next(): Promise<StreamEvent | null> {
      const step = await withTimeout(iterator.next(), 'event');
      if (step.done) return null;
      const [id, data] = step.value as [string, Omit<StreamEvent, 'id'>];
      return { id, ...data };
    },
  };
}

describeOnEveryEngine('workshop', (database) => {
  const db = () => database().handle.db;

  it('runs a live vote: pairs set by the facilitator, five phones, tally, reveal, re-vote, close the round', async () => {
    const { sessionId, roomCode, facilitator, participants } = await createRoom(db());
    const projector = callerFor(db());
    let state = await facilitator.workshop.setMode({ sessionId, mode: 'live' });
    expect(state).toMatchObject({ mode: 'live', isRevealed: false, participantCount: 5, includedCount: 5, answeredCount: 0 });
    expect(state.current).toEqual({ kind: 'pair', nodeKey: 'goal', a: 'criterion-a', b: 'criterion-b', index: 0, total: 7 });
    await expect(
      participants[0]!.caller.judgment.save({ sessionId, nodeKey: 'criterion-a', a: 'specialization', b: 'hubbing', position: 2 }),
    ).rejects.toMatchObject(refusedWith('PRECONDITION_FAILED', 'VOTING_CLOSED'));

    const given: GivenAnswers = new Map();
    for (let index = 0; index < 7; index++) {
      const item = state.current!;
      if (item.kind !== 'pair') throw new Error('the blank model asks pairs only');
      const positions = participants.map((_, n) => ((n * 3 + index * 5) % 9) - 4);
      for (const [n, p] of participants.entries()) {
        const position = positions[n]!;
        // Half the phones send the pair the other way round: the tally reads every answer as a over b.
        const answer = n % 2 ? { a: item.b, b: item.a, position: -position } : { a: item.a, b: item.b, position };
        await p.caller.judgment.save({ sessionId, nodeKey: item.nodeKey, ...answer });
        recordAnswer(given, p.participantKey, item.nodeKey, item.a, item.b, position);
      }
      const hidden = (await projector.workshop.room({ roomCode })).live;
      expect(hidden).toMatchObject({ answeredCount: 5, isRevealed: false, tally: null });
      // Participant 1 sent the pair the other way round: their own answer comes back as the agenda asks it.
      const ownView = await participants[1]!.caller.workshop.live({ sessionId });
      expect(ownView.myAnswers?.answers.find((answer) => answer.key === itemKey(item))).toEqual({ key: itemKey(item), position: positions[1] });
      expect(ownView.myRound).toEqual({ answered: index + 1, required: state.current!.total });
      expect(ownView.myAnswers?.seq).toBe(ownView.seq);
      expect((await facilitator.workshop.live({ sessionId })).tally?.answered).toBe(5);

      await facilitator.workshop.reveal({ sessionId });
      const shown = (await projector.workshop.room({ roomCode })).live;
      if (shown.tally?.kind !== 'pair') throw new Error('expected a pair tally once revealed');
      for (const { position, count } of shown.tally.counts) expect(count).toBe(positions.filter((p) => p === position).length);
      const engine = evaluate({
        elements: [item.a, item.b],
        participants: positions.map((position, n) => ({ id: `p${n + 1}`, judgments: [{ a: item.a, b: item.b, position }] })),
      }) as GroupMatrixResult;
      expect(shown.tally.groupValue!.ratio).toBeCloseTo(engine.matrix![0]![1]!, 12);
      expect(shown.tally.groupValue!.position).toBe(ratioToNearestPosition(engine.matrix![0]![1]!));
      await expect(
        participants[0]!.caller.judgment.save({ sessionId, nodeKey: item.nodeKey, a: item.a, b: item.b, position: 8 }),
      ).rejects.toMatchObject(refusedWith('PRECONDITION_FAILED', 'VOTING_CLOSED'));
      if (index < 6) {
        state = await facilitator.workshop.next({ sessionId });
        expect(state).toMatchObject({ isRevealed: false, answeredCount: 0, current: { index: index + 1 } });
      }
    }
    expect((await facilitator.workshop.next({ sessionId })).current?.index).toBe(6);
    expect((await facilitator.workshop.previous({ sessionId })).current?.index).toBe(5);

    const item = { kind: 'pair', nodeKey: 'criterion-a', a: 'specialization', b: 'hubbing' } as const;
    const revoted = await facilitator.workshop.revote({ sessionId, item });
    expect(revoted.cleared).toBe(5);
    expect(revoted.state).toMatchObject({ isRevealed: false, answeredCount: 0, current: { ...item, index: 1 } });
    for (const p of participants) {
      await p.caller.judgment.save({ sessionId, nodeKey: item.nodeKey, a: item.a, b: item.b, position: 2 });
      recordAnswer(given, p.participantKey, item.nodeKey, item.a, item.b, 2);
    }
    const afterRevote = await facilitator.workshop.reveal({ sessionId });
    expect(afterRevote.tally?.kind === 'pair' && afterRevote.tally.counts.find((c) => c.position === 2)?.count).toBe(5);
    const history = await facilitator.session.history({ sessionId });
    expect(JSON.stringify(history)).toContain('workshop.revote');

    const closed = await facilitator.workshop.closeRound({ sessionId });
    const expected = expectedGroupResult(given);
    const stored = closed.round.result!;
    expect(stored).toMatchObject({ round: 1, scope: 'group', coverage: { excluded: [] } });
    expect(stored.coverage.included.map((entry) => entry.participantKey)).toEqual(['p1', 'p2', 'p3', 'p4', 'p5']);
    if (stored.result.kind !== 'group-hierarchy') throw new Error('a round stores a group result');
    expect(stored.settings.methodSettings).toMatchObject({ method: 'eigenvector', aggregation: 'aij', scale: 'saaty' });
    expectClose(stored.result.alternatives, expected.alternatives);
    expectClose(stored.result.consensus, expected.consensus);
    expect(stored.result.ranking).toEqual(expected.ranking);
    await expect(
      participants[0]!.caller.judgment.save({ sessionId, nodeKey: item.nodeKey, a: item.a, b: item.b, position: 3 }),
    ).rejects.toMatchObject(refusedWith('PRECONDITION_FAILED', 'ROUND_CLOSED'));
    expect((await facilitator.workshop.closeRound({ sessionId })).round.number).toBe(1);

    const dashboard = await facilitator.workshop.dashboard({ sessionId, topDisagreements: 3 });
    expectClose(dashboard.group!.alternatives, expected.alternatives);
    expect(dashboard.group!.overallConsensus).toBeCloseTo(expected.overallConsensus, 12);
    for (const row of dashboard.participants) {
      const own = expected.participants.find((p) => p.id === row.key)!;
      expect(row).toMatchObject({ participation: { isIncluded: true, estimated: [] }, progress: { isComplete: true }, roundProgress: { answered: 7, required: 7 } });
      for (const node of row.nodes) expect(node.cr).toBeCloseTo(own.nodes[node.nodeKey]!.cr, 12);
    }
    const widest = Object.values(expected.dispersion).flat().map((d) => d.geometricSd).sort((x, y) => y - x);
    expect(dashboard.disagreements.map((d) => d.geometricSd)).toEqual(widest.slice(0, 3).map((sd) => expect.closeTo(sd, 12)));
    expect(dashboard.consensus.map((c) => c.nodeKey).sort()).toEqual(['criterion-a', 'criterion-b', 'goal']);
  });

  it("gives a phone its own answers as of the state's event number: a save after it adds, a re-vote clears, a refusal adds nothing", async () => {
    const { sessionId, facilitator, participants } = await createRoom(db(), { count: 1 });
    const phone = participants[0]!.caller;
    await facilitator.workshop.setMode({ sessionId, mode: 'live' });
    const first = (await facilitator.workshop.live({ sessionId })).current!;
    if (first.kind !== 'pair') throw new Error('the blank model asks pairs only');
    const before = await phone.workshop.live({ sessionId });
    expect(before.myAnswers).toEqual({ seq: before.seq, round: 1, answers: [] });
    const saved = await phone.judgment.save({ sessionId, nodeKey: first.nodeKey, a: first.a, b: first.b, position: 3 });
    // The save's event comes after the read: a phone adds it on top of that read.
    expect(saved.seq).toBeGreaterThan(before.seq);
    const after = await phone.workshop.live({ sessionId });
    expect(after.seq).toBe(saved.seq);
    expect(after.myAnswers?.answers).toEqual([{ key: itemKey(first), position: 3 }]);
    expect(after.myRound).toEqual({ answered: 1, required: first.total });

    await facilitator.workshop.next({ sessionId });
    const refused = phone.judgment.save({ sessionId, nodeKey: first.nodeKey, a: first.a, b: first.b, position: -2 });
    await expect(refused).rejects.toMatchObject(refusedWith('PRECONDITION_FAILED', 'VOTING_CLOSED'));
    expect((await phone.workshop.live({ sessionId })).myAnswers?.answers).toEqual([{ key: itemKey(first), position: 3 }]);

    await facilitator.workshop.revote({ sessionId, item: { kind: 'pair', nodeKey: first.nodeKey, a: first.a, b: first.b } });
    const cleared = await phone.workshop.live({ sessionId });
    expect(cleared.seq).toBeGreaterThan(saved.seq);
    expect(cleared.myAnswers?.answers).toEqual([]);
    expect(cleared.myRound?.answered).toBe(0);
  });

  it('joins by room code as by the invite link; a closed session keeps its code, shows the room closed and takes nobody', async () => {
    const { sessionId, roomCode, facilitator, created } = await createRoom(db(), { count: 0 });
    expect(roomCode).toMatch(/^[A-HJ-NP-Z2-9]{6}$/);
    expect((await facilitator.workshop.openRoom({ sessionId })).roomCode).toBe(roomCode);
    const typed = `${roomCode.slice(0, 3).toLowerCase()} - ${roomCode.slice(3)}`;
    const room = await callerFor(db()).workshop.room({ roomCode: typed });
    expect(room).toMatchObject({ sessionId, title: 'Live workshop', question: 'Which strategy first?', live: { participantCount: 0 } });
    expect(room.model.criteria.map((c) => c.key)).toEqual(['criterion-a', 'criterion-b']);
    // The room carries names, not descriptions: every phone reads it.
    expect(room.model.criteria[0]).toEqual({ key: 'criterion-a', name: expect.objectContaining({ en: 'Criterion A' }), children: [] });
    expect(room.model.alternatives.every((a) => !('description' in a))).toBe(true);
    const joined = await callerFor(db()).workshop.joinByCode({ roomCode: typed, displayName: 'Phone', stakeholderGroup: 'finance' });
    expect(joined).toMatchObject({ sessionId, participantKey: 'p1' });
    // The join answers with the vote screen's state: the room as workshop.room gives it and the phone's own live
    // state as workshop.live gives it, both with the new participant counted; read at another moment (serverTime).
    const withoutClock = <T extends { serverTime: string }>(state: T) => ({ ...state, serverTime: expect.any(String) });
    const roomNow = await callerFor(db()).workshop.room({ roomCode });
    expect(joined.room).toEqual({ ...roomNow, live: withoutClock(roomNow.live) });
    expect(joined.room.live).toMatchObject({ participantCount: 1, includedCount: 1, tally: null, waitingFor: null });
    const liveNow = await callerFor(db(), joined.token).workshop.live({ sessionId });
    expect(joined.live).toEqual(withoutClock(liveNow));
    // Someone who has just joined has answered nothing: 1 pair of criteria and 3 of strategies under each of the 2.
    expect(joined.live).toMatchObject({ myAnswers: { round: 1, answers: [] }, myRound: { answered: 0, required: 7 } });
    expect((await callerFor(db(), joined.token).participant.me({ sessionId })).participant.stakeholderGroup).toBe('finance');
    const viaInvite = await callerFor(db(), created.invite.token).participant.join({ sessionId, displayName: 'Link', stakeholderGroup: 'government' });
    expect(viaInvite.participantKey).toBe('p2');
    await expect(callerFor(db()).workshop.room({ roomCode: 'I0O1AB' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });

    await facilitator.session.close({ sessionId });
    const closedRoom = await callerFor(db()).workshop.room({ roomCode });
    expect(closedRoom).toMatchObject({ sessionId, status: 'closed', live: { status: 'closed' } });
    await expect(
      callerFor(db()).workshop.joinByCode({ roomCode, displayName: 'Late', stakeholderGroup: 'finance' }),
    ).rejects.toMatchObject(refusedWith('PRECONDITION_FAILED', 'SESSION_CLOSED'));
    await facilitator.session.reopen({ sessionId });
    expect((await facilitator.workshop.openRoom({ sessionId })).roomCode).toBe(roomCode);
    expect((await callerFor(db()).workshop.room({ roomCode })).status).toBe('open');
  });

  it('refuses the 31st answer in 10 seconds with RATE_LIMITED, accepts again after the window, and limits joins per address', async () => {
    const { sessionId, roomCode, participants } = await createRoom(db(), { count: 2 });
    let now = 1_000_000;
    const limiter = createInProcessRateLimiter({ now: () => now });
    const phone = limitedCallerFor(db(), participants[0]!.token, limiter);
    const other = limitedCallerFor(db(), participants[1]!.token, limiter);
    const answer = (position: number) => ({ sessionId, nodeKey: 'goal', a: 'criterion-a', b: 'criterion-b', position });
    for (let n = 0; n < 30; n++) {
      await phone.judgment.save(answer(n % 9));
      now += 100;
    }
    const refused = await phone.judgment.save(answer(4)).catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: 'TOO_MANY_REQUESTS', cause: { code: 'RATE_LIMITED', retryAfterMs: 7_000 } });
    expect((refused as Error).message).toBe('Too many answers in a short time; wait 7 seconds.');
    await expect(phone.judgment.saveRating({ sessionId, criterionKey: 'criterion-a', alternativeKey: 'hubbing', intensity: 'low' })).rejects.toMatchObject({
      code: 'TOO_MANY_REQUESTS',
    });
    await other.judgment.save(answer(-2));
    now += 7_000;
    expect((await phone.judgment.save(answer(5))).position).toBe(5);
    expect((await callerFor(db(), participants[0]!.token).participant.me({ sessionId })).judgments[0]!.position).toBe(5);

    for (let n = 0; n < JOINS_PER_ADDRESS; n++) await limiter.hit('join/address:198.51.100.9', JOINS_PER_ADDRESS, 60_000);
    const crowded = limitedCallerFor(db(), null, limiter, '198.51.100.9');
    await expect(crowded.workshop.joinByCode({ roomCode, displayName: 'Flood', stakeholderGroup: 'finance' })).rejects.toMatchObject({
      code: 'TOO_MANY_REQUESTS',
      message: 'Too many join attempts in a short time; wait 60 seconds.',
    });
    const elsewhere = limitedCallerFor(db(), null, limiter, '198.51.100.10');
    expect((await elsewhere.workshop.joinByCode({ roomCode, displayName: 'Fine', stakeholderGroup: 'finance' })).participantKey).toBe('p3');

    // Wrong room codes are counted on their own: 20 a minute, then a wrong one waits, and a right one still gets in.
    const guesser = limitedCallerFor(db(), null, limiter, '192.0.2.44');
    for (let n = 0; n < 20; n++) {
      const wrong = `ZZZZ${'ABCDEFGHJK'[n % 10]}${'23'[Math.floor(n / 10)]}`;
      await expect(guesser.workshop.room({ roomCode: wrong })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    }
    await expect(guesser.workshop.room({ roomCode: 'ZZZZZZ' })).rejects.toMatchObject({
      code: 'TOO_MANY_REQUESTS',
      message: 'Too many wrong room codes in a short time; wait 60 seconds.',
    });
    expect((await guesser.workshop.room({ roomCode })).sessionId).toBe(sessionId);
    expect((await elsewhere.workshop.room({ roomCode })).sessionId).toBe(sessionId);
  });

  it('keeps the facilitator’s procedures from participants and every procedure from another session’s links', async () => {
    const a = await createRoom(db(), { count: 1, title: 'Room A' });
    const b = await createRoom(db(), { count: 1, title: 'Room B' });
    const phone = a.participants[0]!.caller;
    const sessionId = a.sessionId;
    for (const call of [
      () => phone.workshop.setMode({ sessionId, mode: 'live' }),
      () => phone.workshop.reveal({ sessionId }),
      () => phone.workshop.closeRound({ sessionId }),
      () => phone.workshop.setInclusion({ sessionId, participantId: a.participants[0]!.participantId, isIncluded: false }),
      () => phone.workshop.setWeights({ sessionId, stakeholderWeights: { enterprises: 5 } }),
      () => phone.workshop.dashboard({ sessionId }),
      () => phone.workshop.rounds({ sessionId }),
    ]) {
      await expect(call()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
    for (const token of [b.created.facilitator.token, b.participants[0]!.token, b.created.invite.token]) {
      const outsider = callerFor(db(), token);
      await expect(outsider.workshop.live({ sessionId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(outsider.workshop.events({ sessionId, lastEventId: null })).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(outsider.workshop.dashboard({ sessionId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
    expect((await a.facilitator.workshop.live({ sessionId })).mode).toBe('async');
  });

  it('freezes a closed round, asks chosen nodes again in the next, and keeps each round’s result and the changes', async () => {
    const { sessionId, facilitator, participants } = await createRoom(db(), { count: 3, title: 'Rounds' });
    const given: GivenAnswers = new Map();
    await answerEverything(sessionId, participants, given);
    const roundOne = copyAnswers(given);
    const first = await facilitator.workshop.closeRound({ sessionId });
    const expectedOne = expectedGroupResult(roundOne);
    expectClose(first.round.result!.result.alternatives, expectedOne.alternatives);
    const phone = participants[1]!.caller;
    const goalPair = { sessionId, nodeKey: 'goal', a: 'criterion-a', b: 'criterion-b' };
    await expect(phone.judgment.save({ ...goalPair, position: 1 })).rejects.toMatchObject(refusedWith('PRECONDITION_FAILED', 'ROUND_CLOSED'));
    await expect(phone.judgment.remove(goalPair)).rejects.toMatchObject(refusedWith('PRECONDITION_FAILED', 'ROUND_CLOSED'));
    await expect(facilitator.workshop.openRound({ sessionId, nodeKeys: ['nowhere'] })).rejects.toMatchObject({ code: 'BAD_REQUEST' });

    const opened = await facilitator.workshop.openRound({ sessionId, nodeKeys: ['goal'] });
    expect(opened).toMatchObject({ round: { number: 2, status: 'open', nodeKeys: ['goal'] }, current: { nodeKey: 'goal', index: 0, total: 1 } });
    await expect(facilitator.workshop.openRound({ sessionId, nodeKeys: ['goal'] })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(
      phone.judgment.save({ sessionId, nodeKey: 'criterion-a', a: 'specialization', b: 'hubbing', position: 1 }),
    ).rejects.toMatchObject(refusedWith('PRECONDITION_FAILED', 'VOTING_CLOSED'));
    for (const p of participants) {
      await p.caller.judgment.save({ ...goalPair, position: 3 });
      recordAnswer(given, p.participantKey, 'goal', 'criterion-a', 'criterion-b', 3);
    }
    const mine = await phone.participant.me({ sessionId });
    expect(mine.judgments.map((j) => [j.nodeKey, j.round]).sort()).toEqual([
      ['criterion-a', 1], ['criterion-a', 1], ['criterion-a', 1], ['criterion-b', 1], ['criterion-b', 1], ['criterion-b', 1], ['goal', 2],
    ]);

    const second = await facilitator.workshop.closeRound({ sessionId });
    const expectedTwo = expectedGroupResult(given);
    expectClose(second.round.result!.result.alternatives, expectedTwo.alternatives);
    const { rounds, changes } = await facilitator.workshop.rounds({ sessionId });
    expect(rounds.map((r) => [r.number, r.status, r.nodeKeys])).toEqual([[1, 'closed', null], [2, 'closed', ['goal']]]);
    expectClose(rounds[0]!.result!.alternatives, expectedOne.alternatives);
    expectClose(rounds[1]!.result!.alternatives, expectedTwo.alternatives);
    expect(changes).toHaveLength(1);
    const change = changes[0]!;
    expect(change).toMatchObject({ fromRound: 1, toRound: 2, isRankingChanged: expectedOne.ranking.join() !== expectedTwo.ranking.join() });
    expect(change.overallConsensus.change).toBeCloseTo(expectedTwo.overallConsensus - expectedOne.overallConsensus, 12);
    expect(change.consensus.find((c) => c.nodeKey === 'goal')).toMatchObject({ to: 1, from: expect.closeTo(expectedOne.consensus.goal!, 12) });
    for (const entry of change.alternatives) {
      expect(entry.score.to - entry.score.from).toBeCloseTo(expectedTwo.alternatives[entry.key]! - expectedOne.alternatives[entry.key]!, 12);
      expect(entry.rankTo).toBe(expectedTwo.ranking.indexOf(entry.key) + 1);
    }

    const exported = await facilitator.session.export({ sessionId });
    expect(exported.rounds.map((r) => r.number)).toEqual([1, 2]);
    expect(exported.participants[0]!.judgments.filter((j) => j.round === 2)).toHaveLength(1);
    expect(exported.results.map((r) => r.round)).toEqual([1, 2]);
    const imported = await callerFor(db()).session.import({ data: exported });
    const reexported = await callerFor(db(), imported.facilitator.token).session.export({ sessionId: imported.sessionId });
    // The copy holds the same rounds, answers and results; it is named apart and its history records the import.
    const { session: copied, auditLog: copiedHistory, ...copiedRest } = comparable(reexported);
    const { session: original, auditLog: originalHistory, ...originalRest } = comparable(exported);
    expect(copiedRest).toEqual(originalRest);
    expect({ ...copied, title: original.title }).toEqual(original);
    expect(copiedHistory.slice(0, -1)).toEqual(originalHistory);
    expect(copiedHistory.at(-1)).toMatchObject({ action: 'session.imported' });
  });

  it('leaves a participant out and weighs groups and people exactly as the engine does', async () => {
    const { sessionId, facilitator, participants } = await createRoom(db(), { count: 4, title: 'Weights' });
    const given: GivenAnswers = new Map();
    await answerEverything(sessionId, participants, given);
    const dashboardAlternatives = async () => (await facilitator.workshop.dashboard({ sessionId })).group!.alternatives;
    expectClose(await dashboardAlternatives(), expectedGroupResult(given, { monteCarlo: false }).alternatives);

    const left = participants[1]!;
    await facilitator.workshop.setInclusion({ sessionId, participantId: left.participantId, isIncluded: false });
    const withoutLeft = new Map([...given].filter(([key]) => key !== left.participantKey));
    const dashboard = await facilitator.workshop.dashboard({ sessionId });
    expect(dashboard.participants.find((p) => p.key === 'p2')).toMatchObject({
      participation: { isIncluded: false, exclusion: { code: 'left-out-by-facilitator' } },
      isIncluded: false,
      progress: { isComplete: true },
    });
    expect(dashboard.group!.coverage.excluded).toEqual([{ participantKey: 'p2', exclusion: { code: 'left-out-by-facilitator' } }]);
    expect(dashboard.live).toMatchObject({ participantCount: 4, includedCount: 3 });
    expectClose(dashboard.group!.alternatives, expectedGroupResult(withoutLeft, { monteCarlo: false }).alternatives);
    await left.caller.judgment.save({ sessionId, nodeKey: 'goal', a: 'criterion-a', b: 'criterion-b', position: -6 });

    // p1 enterprises, p3 science-education, p4 finance: the enterprises weigh 3, p3 alone 2.
    const set = await facilitator.workshop.setWeights({
      sessionId,
      stakeholderWeights: { enterprises: 3 },
      participantWeights: [{ participantId: participants[2]!.participantId, weight: 2 }],
    });
    expect(set.stakeholderWeights).toMatchObject({ enterprises: 3, government: 1 });
    const weights = { p1: 3, p3: 2, p4: 1 };
    expectClose(await dashboardAlternatives(), expectedGroupResult(withoutLeft, { weights, monteCarlo: false }).alternatives);
    const stored = await facilitator.result.compute({ sessionId });
    expectClose(stored.result.alternatives, expectedGroupResult(withoutLeft, { weights }).alternatives);
    const weighted = await facilitator.workshop.dashboard({ sessionId });
    expect(weighted.stakeholderGroups.find((g) => g.group === 'enterprises')).toMatchObject({ weight: 3, participantCount: 1 });
    expect(weighted.participants.find((p) => p.key === 'p3')?.effectiveWeight).toBe(2);

    await facilitator.workshop.setCrLimit({ sessionId, maxCr: 0.1 });
    const limited = await facilitator.workshop.dashboard({ sessionId });
    const expected: GroupHierarchyResult = expectedGroupResult(withoutLeft, { weights, maxCr: 0.1, monteCarlo: false });
    const p4 = expected.participants.find((p) => p.id === 'p4')!;
    expect(p4.exclusion).toMatchObject({ code: 'cr-above-limit', limit: 0.1 });
    expect(limited.participants.find((p) => p.key === 'p4')).toMatchObject({ participation: { isIncluded: false, exclusion: p4.exclusion } });
    expect(limited.participants.find((p) => p.key === 'p1')).toMatchObject({ participation: { isIncluded: true } });
    expect(limited.group!.coverage.excluded).toEqual([
      { participantKey: 'p2', exclusion: { code: 'left-out-by-facilitator' } },
      ...expected.participants.filter((p) => p.excluded).map((p) => ({ participantKey: p.id, exclusion: p.exclusion })),
    ]);
    expectClose(limited.group!.alternatives, expected.alternatives);
  });

  it('streams live events: a sync first, then each change with the fresh state, and resumes from the last event id', async () => {
    const { sessionId, roomCode, created, facilitator, participants } = await createRoom(db(), { count: 1, title: 'Events' });
    expect(eventBusFor(db()).transport).toBe(database().engine === 'pglite' ? 'in-process' : 'postgres-notify');
    const connection = new AbortController();
    const stream = await openEvents(db(), created.facilitator.token, { sessionId, lastEventId: null }, connection.signal);
    const first = (await stream.next())!;
    expect(first).toMatchObject({ kinds: ['sync'], id: String(first.seq), state: { sessionId, participantCount: 1, mode: 'async' } });
    await participants[0]!.caller.judgment.save({ sessionId, nodeKey: 'goal', a: 'criterion-a', b: 'criterion-b', position: 2 });
    const saved = (await stream.next())!;
    expect(saved.kinds).toEqual(['answer.saved']);
    expect(saved.seq).toBeGreaterThan(first.seq);
    await facilitator.workshop.setMode({ sessionId, mode: 'live' });
    const live = (await stream.next())!;
    expect(live).toMatchObject({ kinds: ['mode.changed'], state: { mode: 'live', current: { nodeKey: 'goal', index: 0 } } });
    connection.abort();
    expect(await stream.next()).toBeNull();

    // A client that reconnects with the id of the latest event missed nothing, so it gets nothing until a change.
    const resumed = await openEvents(db(), created.facilitator.token, { sessionId, lastEventId: live.id }, new AbortController().signal);
    const pending = resumed.next();
    const quiet = new Promise((resolve) => setTimeout(() => resolve('nothing yet'), 500));
    expect(await Promise.race([pending, quiet])).toBe('nothing yet');
    await facilitator.workshop.reveal({ sessionId });
    expect(await pending).toMatchObject({ seq: live.seq + 1, state: { isRevealed: true } });
    const behind = await openEvents(db(), participants[0]!.token, { sessionId, lastEventId: first.id }, new AbortController().signal);
    expect(await behind.next()).toMatchObject({ kinds: ['sync'], state: { isRevealed: true, tally: { kind: 'pair', answered: 1 } } });

    const http = new AbortController();
    const response = await fetchRequestHandler({
      endpoint: '/api/trpc',
      req: new Request(
        `http://localhost/api/trpc/workshop.roomEvents?input=${encodeURIComponent(JSON.stringify({ json: { roomCode, lastEventId: null } }))}`,
        { signal: http.signal },
      ),
      router: appRouter,
      createContext: ({ req }) => createTRPCContext({ headers: req.headers, db: db() }),
    });
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    const reader = response.body!.getReader();
    let text = '';
    const readUntil = async (needle: string) => {
      while (!text.includes(needle)) {
        const chunk = await withTimeout(reader.read(), `SSE text ${needle}`);
        if (chunk.done) throw new Error(`the stream ended before ${needle}`);
        text += new TextDecoder().decode(chunk.value);
      }
    };
    await readUntil('"sync"');
    await readUntil('id: ');
    expect(text).toMatch(/^id: \d+$/m);
    await facilitator.workshop.hide({ sessionId });
    await readUntil('item.hidden');
    http.abort();
    await reader.cancel().catch(() => undefined);
  });
});

describe.skipIf(!hasPostgres)(
  `workshop events across two app instances on one PostgreSQL database${hasPostgres ? '' : ' [PostgreSQL: skipped, TEST_DATABASE_URL is not set]'}`,
  () => {
    let database: TestDatabase;
    let other: DbHandle;
    beforeAll(async () => {
      database = await openTestDatabase('postgresql');
      other = createDb(database.url);
    });
    afterAll(async () => {
      await other?.close();
      await database?.close();
    });

    it('delivers an answer saved through one instance to a subscription opened through the other (LISTEN/NOTIFY)', async () => {
      expect(eventBusFor(other.db).transport).toBe('postgres-notify');
      const { sessionId, created, participants } = await createRoom(database.handle.db, { count: 1, title: 'Two instances' });
      const connection = new AbortController();
      const onOther = await openEvents(other.db, created.facilitator.token, { sessionId, lastEventId: null }, connection.signal);
      const first = (await onOther.next())!;
      await participants[0]!.caller.judgment.save({ sessionId, nodeKey: 'goal', a: 'criterion-a', b: 'criterion-b', position: -3 });
      const seen = (await onOther.next())!;
      expect(seen).toMatchObject({ kinds: ['answer.saved'], seq: first.seq + 1 });

      const back = new AbortController();
      const onFirst = await openEvents(database.handle.db, created.facilitator.token, { sessionId, lastEventId: seen.id }, back.signal);
      const pending = onFirst.next();
      await callerFor(other.db, created.facilitator.token).workshop.setMode({ sessionId, mode: 'live' });
      // The stream starts listening when first read, concurrently with setMode: if the change commits before the
      // stream's first read, the stream catches up with one `sync` instead of the notice. Either way the client
      // gets the new state with the next sequence number, which is what it relies on.
      const change = (await pending)!;
      expect(change).toMatchObject({ seq: seen.seq + 1, state: { mode: 'live' } });
      expect([['mode.changed'], ['sync']]).toContainEqual(change.kinds);
      expect(await onOther.next()).toMatchObject({ kinds: ['mode.changed'] });
      connection.abort();
      back.abort();
    });
  },
);

import { assert, expect, it } from 'vitest';
import { groupResultOf } from './fixtures/workshop';
import { indexOfMax } from '~/core/sensitivity/weight-thresholds';
import { scoresAtWeight } from '~/core/sensitivity/what-if';
import { callerFor, describeOnEveryEngine } from './harness';
import { createAnsweredSession } from './fixtures/flow';

const ALL_CRITERIA = [
  'economic-growth',
  'jobs-quality-of-life',
  'social-development',
  'environmental-sustainability',
  'geographic-infrastructure',
  'international-competitiveness',
];

describeOnEveryEngine('result.recommendation', (database) => {
  const db = () => database().handle.db;

  it('recommends from the stored group result, the profile and the session measures, the same every time', async () => {
    const { sessionId, facilitator } = await createAnsweredSession(db(), { title: 'Recommendation', count: 3 });
    // Before anything is computed there is nothing to recommend from.
    expect(await facilitator.result.recommendation({ sessionId, scope: 'group' })).toBeNull();

    const { version } = await facilitator.session.get({ sessionId });
    // The facilitator's own measure serves every criterion, fits every strategy fully and answers the one weak
    // factor: whatever wins, it must come first, with reasons quoting the profile as saved.
    const own = await facilitator.model.addMeasure({
      sessionId,
      expectedVersion: version,
      family: 'public-support',
      name: { en: 'Cluster skills academy' },
      criteria: ALL_CRITERIA,
      answersWeaknesses: ['qualified-personnel'],
      servesPriorities: ['digitalization'],
      strategyFit: { specialization: 1, hubbing: 1, integration: 1 },
    });
    await facilitator.profile.save({
      sessionId,
      profile: { ratings: { 'qualified-personnel': 1, 'market-dynamics': 4 }, regionalPriorities: { digitalization: 0.6, 'economic-security': 0.4 } },
    });
    const stored = groupResultOf((await facilitator.result.compute({ sessionId })).result);

    const got = (await facilitator.result.recommendation({ sessionId, scope: 'group' }))!;
    expect(got.isGroup).toBe(true);
    expect(got.isStale).toBe(false);
    expect(got.includedCount).toBe(3);

    // The strategy, its margin and its probability are the stored result's own numbers.
    const [top, second] = stored.ranking;
    expect(got.strategy.strategy).toBe(top);
    expect(got.strategy.runnerUp).toBe(second);
    expect(got.strategy.score).toBe(stored.alternatives[top!]);
    expect(got.strategy.margin).toBeCloseTo(stored.alternatives[top!]! - stored.alternatives[second!]!, 15);
    expect(got.strategy.probabilityFirst).toBe(stored.robustness.rankProbability!.firstPlace[top!]);
    expect(got.rankProbability).toEqual({
      samples: stored.robustness.rankProbability!.samples,
      seed: stored.robustness.rankProbability!.seed,
      model: 'spread',
    });
    const probabilities = got.strategy.ranking.map((r) => r.probabilityFirst!);
    expect(probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(got.thresholds).toEqual(stored.robustness.thresholds);

    // Measures: five, best first, the facilitator's own on top.
    expect(got.measures).toHaveLength(5);
    expect(got.measureTotal).toBe((await facilitator.session.get({ sessionId })).model.measures.length);
    expect(got.measures[0]!.key).toBe(own.key);
    expect(got.measures[0]!.parts).toEqual({ criteria: 1, fit: 1, weakness: 1, priority: 0.6 });
    for (let i = 1; i < got.measures.length; i++) expect(got.measures[i]!.score).toBeLessThanOrEqual(got.measures[i - 1]!.score);
    // Every reason quotes the stored weights and the saved profile.
    for (const measure of got.measures) {
      for (const reason of measure.reasons) {
        if (reason.kind === 'criteria') for (const c of reason.criteria) expect(c.weight).toBe(stored.criteria[c.key]!.global);
        if (reason.kind === 'strategy-fit') expect(reason.strategy).toBe(top);
        if (reason.kind === 'weakness') expect(reason.factors).toEqual([{ key: 'qualified-personnel', rating: 1 }]);
        if (reason.kind === 'priority') {
          for (const p of reason.priorities) expect(p.weight).toBe({ digitalization: 0.6, 'economic-security': 0.4 }[p.key]);
        }
      }
    }

    // The explanation opens with the same numbers, and names the nearest threshold the result holds.
    expect(got.explanation[0]).toEqual({
      key: 'ranks-first',
      values: { strategy: top, share: got.strategy.score, lead: got.strategy.margin, runnerUp: second },
    });
    // The leader has at least one threshold (checked below: weights past it flip the leader), so the nearest is said.
    const unless = got.explanation.find((s) => s.key === 'stays-first-unless');
    assert(unless?.key === 'stays-first-unless', 'the explanation names the nearest threshold');
    const threshold = stored.robustness.thresholds.find((t) => t.criterion === unless.values.criterion)!;
    expect(unless.values.threshold).toBe((unless.values.direction === 'rises' ? threshold.upper : threshold.lower)!.weight);
    expect(got.explanation).toContainEqual({ key: 'consensus', values: { value: stored.overallConsensus, level: stored.consensusLevel } });
    expect(got.explanation.at(-1)).toEqual({ key: 'start-with', values: { measures: got.measures.slice(0, 3).map((m) => m.key) } });

    // What the browser replays: the stored scores at the current weights, and a flip just past each threshold.
    got.whatIf.alternatives.forEach((key, a) => expect(got.whatIf.synthesis.scores[a]).toBeCloseTo(stored.alternatives[key]!, 12));
    let flips = 0;
    for (const threshold of got.thresholds) {
      for (const [bound, step] of [[threshold.lower, -1], [threshold.upper, 1]] as const) {
        if (!bound) continue;
        const before = scoresAtWeight(got.whatIf, threshold.criterion, bound.weight - step * 1e-6)!;
        const past = scoresAtWeight(got.whatIf, threshold.criterion, bound.weight + step * 1e-6)!;
        expect(got.whatIf.alternatives[indexOfMax(before)]).toBe(top);
        expect(got.whatIf.alternatives[indexOfMax(past)]).toBe(bound.newTop);
        flips++;
      }
    }
    expect(flips).toBeGreaterThan(0);

    // Deterministic: asking again gives the identical recommendation; asking for more measures extends the list.
    expect(await facilitator.result.recommendation({ sessionId, scope: 'group' })).toEqual(got);
    const longer = (await facilitator.result.recommendation({ sessionId, scope: 'group', measureCount: 12 }))!;
    expect(longer.measures.slice(0, 5)).toEqual(got.measures);
    expect(longer.measures).toHaveLength(12);
  });

  it('ranks measures without profile reasons when no profile was assessed, and follows the stored result only', async () => {
    const { sessionId, facilitator, participants } = await createAnsweredSession(db(), { title: 'No profile', count: 2 });
    await facilitator.result.compute({ sessionId });
    const got = (await facilitator.result.recommendation({ sessionId, scope: 'group' }))!;
    expect(got.hasProfile).toBe(false);
    expect(got.measures.flatMap((m) => m.reasons.map((r) => r.kind))).not.toContain('weakness');
    expect(got.measures.every((m) => m.parts.weakness === 0 && m.parts.priority === 0)).toBe(true);

    // A new answer makes the stored result stale but does not change the recommendation until it is recomputed.
    await participants[0]!.caller.judgment.save({ sessionId, nodeKey: 'goal', a: 'economic-growth', b: 'social-development', position: 8 });
    const later = (await facilitator.result.recommendation({ sessionId, scope: 'group' }))!;
    expect(later.isStale).toBe(true);
    expect(later.strategy).toEqual(got.strategy);
  });

  it('obeys the same sharing rules as result.get', async () => {
    const { sessionId, facilitator, participants, created } = await createAnsweredSession(db(), { title: 'Sharing', count: 2 });
    const me = participants[0]!.caller;
    await facilitator.result.compute({ sessionId });
    // Default sharing is "own": no group recommendation for a participant, and no own result computed yet.
    await expect(me.result.recommendation({ sessionId, scope: 'group' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await me.result.recommendation({ sessionId, scope: 'own' })).toBeNull();
    await me.result.computeMine({ sessionId });
    const mine = (await me.result.recommendation({ sessionId, scope: 'own' }))!;
    expect(mine.isGroup).toBe(false);
    // One person's answers: no spread to vary, so no probability and no consensus sentence.
    expect(mine.rankProbability).toBeNull();
    expect(mine.strategy.probabilityFirst).toBeNull();
    expect(mine.explanation.map((s) => s.key)).not.toContain('consensus');
    expect(mine.explanation.map((s) => s.key)).not.toContain('probability-first');
    // The facilitator has no result of their own.
    expect(await facilitator.result.recommendation({ sessionId, scope: 'own' })).toBeNull();

    let { version } = await facilitator.session.get({ sessionId });
    await facilitator.session.update({ sessionId, expectedVersion: version, participantResults: 'own-and-group' });
    await facilitator.result.compute({ sessionId });
    const shared = (await me.result.recommendation({ sessionId, scope: 'group' }))!;
    const theirs = (await facilitator.result.recommendation({ sessionId, scope: 'group' }))!;
    // A participant reads the same group recommendation: their copy of the group result lists only their own
    // key, but still counts everyone it includes, so the probability of ranking first is kept.
    expect((await me.result.get({ sessionId })).group?.counts.included).toBe(2);
    expect(shared.includedCount).toBe(2);
    expect(shared.strategy.probabilityFirst).not.toBeNull();
    expect(shared.strategy).toEqual(theirs.strategy);
    expect(shared.measures).toEqual(theirs.measures);

    ({ version } = await facilitator.session.get({ sessionId }));
    await facilitator.session.update({ sessionId, expectedVersion: version, participantResults: 'none' });
    await expect(me.result.recommendation({ sessionId, scope: 'own' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(callerFor(db(), created.invite.token).result.recommendation({ sessionId, scope: 'group' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('refuses inputs outside their bounds', async () => {
    const { sessionId, facilitator } = await createAnsweredSession(db(), { title: 'Bounds', count: 1 });
    await expect(facilitator.result.recommendation({ sessionId, scope: 'group', measureCount: 0 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(facilitator.result.recommendation({ sessionId, scope: 'group', measureCount: 51 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(facilitator.result.recommendation({ sessionId, scope: 'everyone' as never })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});

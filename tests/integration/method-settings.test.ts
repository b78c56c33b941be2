import { eq, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import type { GroupHierarchyResult } from '~/core';
import { sessions } from '~/db/schema';
import { evaluateGroup } from '~/core/model/evaluate-session';
import { computationSettings } from '~/server/services/results/store-result';
import { readGroupMembers } from '~/server/services/shared/group-members';
import { loadModel } from '~/server/services/shared/session-model';
import { describeOnEveryEngine } from './harness';
import { createAnsweredSession } from './fixtures/flow';

/**
 * Answers are stored as scale positions, so an open session's scale and Monte Carlo model can change after the
 * answers are in: the stored result turns stale, and the recomputed one is the engine's result on the same
 * answers with the new settings, named in the result.
 */
describeOnEveryEngine('method settings of an open session with answers', (database) => {
  const db = () => database().handle.db;

  it('switching the scale and the Monte Carlo model marks the result stale; recomputing uses them', async () => {
    const { sessionId, facilitator } = await createAnsweredSession(db(), { count: 3 });
    await facilitator.session.open({ sessionId });
    const before = (await facilitator.result.compute({ sessionId })).result as unknown as GroupHierarchyResult;
    expect(before.robustness.rankProbability!.model).toBe('spread');

    const { version } = await facilitator.session.get({ sessionId });
    await facilitator.session.update({
      sessionId,
      expectedVersion: version,
      methodSettings: { scale: 'adaptive-balanced', monteCarloModel: 'estimate' },
    });
    const stale = await facilitator.result.get({ sessionId });
    expect(stale.group?.isStale).toBe(true);
    expect(stale.group?.settings.methodSettings.scale).toBe('saaty');

    const after = await facilitator.result.compute({ sessionId });
    const result = after.result as unknown as GroupHierarchyResult;
    expect(after.settings.methodSettings).toMatchObject({ scale: 'adaptive-balanced', monteCarloModel: 'estimate' });
    expect(result.robustness.rankProbability!.model).toBe('estimate');
    expect((await facilitator.result.get({ sessionId })).group?.isStale).toBe(false);
    const recommendation = (await facilitator.result.recommendation({ sessionId, scope: 'group' }))!;
    expect(recommendation.rankProbability).toMatchObject({ model: 'estimate' });

    // The same answers read on the new scale by the engine directly.
    const [row] = await db().select().from(sessions).where(eq(sessions.id, sessionId));
    const settings = computationSettings(row!);
    expect(settings.methodSettings).toMatchObject({ scale: 'adaptive-balanced', monteCarloModel: 'estimate' });
    const expected = evaluateGroup(await loadModel(db(), sessionId), settings, await readGroupMembers(db(), sessionId));
    if (!expected.isComputed) throw new Error('the answered session should be computable');
    expect(result.alternatives).toEqual(expected.result.alternatives);
    expect(expected.result.robustness.rankProbability!.model).toBe('estimate');
    expect(result.alternatives).not.toEqual(before.alternatives);
  });

  it('a session saved before the Monte Carlo model existed reads as spread', async () => {
    const { sessionId, facilitator } = await createAnsweredSession(db(), { count: 2 });
    await db()
      .update(sessions)
      .set({ methodSettings: sql`${sessions.methodSettings} - 'monteCarloModel'` })
      .where(eq(sessions.id, sessionId));
    expect((await facilitator.session.get({ sessionId })).settings.methodSettings.monteCarloModel).toBe('spread');
    const computed = await facilitator.result.compute({ sessionId });
    expect((computed.result as unknown as GroupHierarchyResult).robustness.rankProbability!.model).toBe('spread');
  });
});

import { expect, it } from 'vitest';
import { callerFor, describeOnEveryEngine } from './harness';

describeOnEveryEngine('editing the model of a draft session', (database) => {
  const db = () => database().handle.db;

  async function draft(title = 'Model edits') {
    const created = await callerFor(db()).session.create({ title });
    return { ...created, facilitator: callerFor(db(), created.facilitator.token) };
  }

  it('adds, renames, describes, nests, reorders and removes criteria, bumping the version each time', async () => {
    const { sessionId, facilitator } = await draft();
    const added = await facilitator.model.addCriterion({
      sessionId,
      expectedVersion: 1,
      parentKey: 'economic-growth',
      name: { en: 'Knowledge & technology exchange' },
    });
    expect(added).toMatchObject({ key: 'knowledge-technology-exchange', version: 2 });
    const second = await facilitator.model.addCriterion({
      sessionId,
      expectedVersion: 2,
      parentKey: 'economic-growth',
      key: 'investment-attractiveness',
      name: { en: 'Investment attractiveness', ru: 'Инвестиционная привлекательность' },
    });
    await facilitator.model.renameCriterion({ sessionId, expectedVersion: second.version, key: 'investment-attractiveness', name: { en: 'Investment' } });
    await facilitator.model.describeCriterion({
      sessionId,
      expectedVersion: 4,
      key: 'investment-attractiveness',
      description: { en: 'Foreign and domestic capital' },
    });
    await facilitator.model.reorderCriteria({
      sessionId,
      expectedVersion: 5,
      parentKey: 'economic-growth',
      orderedKeys: ['investment-attractiveness', 'knowledge-technology-exchange'],
    });
    await facilitator.model.moveCriterion({ sessionId, expectedVersion: 6, key: 'international-competitiveness', newParentKey: 'economic-growth', position: 0 });
    let session = await facilitator.session.get({ sessionId });
    const economic = session.model.criteria.find((c) => c.key === 'economic-growth');
    expect(economic?.children.map((c) => c.key)).toEqual([
      'international-competitiveness',
      'investment-attractiveness',
      'knowledge-technology-exchange',
    ]);
    expect(economic?.children[1]).toMatchObject({ name: { en: 'Investment' }, description: { en: 'Foreign and domestic capital' } });
    expect(session.model.criteria).toHaveLength(5);

    await facilitator.model.removeCriterion({ sessionId, expectedVersion: 7, key: 'economic-growth' });
    await facilitator.model.setGoal({ sessionId, expectedVersion: 8, goal: { en: 'Choose the regulation strategy' } });
    session = await facilitator.session.get({ sessionId });
    expect(session.version).toBe(9);
    expect(session.model.goal).toEqual({ en: 'Choose the regulation strategy' });
    expect(session.model.criteria.map((c) => c.key)).toEqual([
      'jobs-quality-of-life',
      'social-development',
      'environmental-sustainability',
      'geographic-infrastructure',
    ]);
    const history = await facilitator.session.history({ sessionId });
    expect(history.slice(1).map((h) => [h.action, h.sessionVersion])).toEqual([
      ['criterion.added', 2],
      ['criterion.added', 3],
      ['criterion.renamed', 4],
      ['criterion.described', 5],
      ['criteria.reordered', 6],
      ['criterion.moved', 7],
      ['criterion.removed', 8],
      ['goal.set', 9],
    ]);
  });

  it('edits strategies and the session’s own measures', async () => {
    const { sessionId, facilitator } = await draft();
    const added = await facilitator.model.addAlternative({ sessionId, expectedVersion: 1, name: { en: 'Status quo' } });
    expect(added.key).toBe('status-quo');
    await facilitator.model.updateAlternative({ sessionId, expectedVersion: 2, key: 'status-quo', description: { en: 'Keep the current policy' } });
    await facilitator.model.reorderAlternatives({
      sessionId,
      expectedVersion: 3,
      orderedKeys: ['status-quo', 'specialization', 'hubbing', 'integration'],
    });
    await facilitator.model.removeAlternative({ sessionId, expectedVersion: 4, key: 'hubbing' });
    const measure = await facilitator.model.addMeasure({
      sessionId,
      expectedVersion: 5,
      family: 'public-support',
      name: { en: 'Regional cluster grant' },
      criteria: ['economic-growth'],
      strategyFit: { specialization: 0.7 },
    });
    await facilitator.model.updateMeasure({ sessionId, expectedVersion: 6, key: measure.key, strategyFit: { integration: 0.4 } });
    const session = await facilitator.session.get({ sessionId });
    expect(session.model.alternatives.map((a) => a.key)).toEqual(['status-quo', 'specialization', 'integration']);
    expect(session.model.measures.find((m) => m.key === measure.key)).toMatchObject({
      origin: 'custom',
      strategyFit: { integration: 0.4 },
    });
    const catalogueMeasure = session.model.measures.find((m) => m.origin === 'catalogue');
    await facilitator.model.removeMeasure({ sessionId, expectedVersion: 7, key: catalogueMeasure!.key });
    const after = await facilitator.session.get({ sessionId });
    expect(after.model.measures.some((m) => m.key === catalogueMeasure!.key)).toBe(false);
  });

  it('refuses a stale edit with a clear conflict and keeps the newer one', async () => {
    const { sessionId, facilitator } = await draft();
    await facilitator.model.renameCriterion({ sessionId, expectedVersion: 1, key: 'economic-growth', name: { en: 'Growth' } });
    const stale = facilitator.model.renameCriterion({ sessionId, expectedVersion: 1, key: 'economic-growth', name: { en: 'Economy' } });
    await expect(stale).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/changed since you loaded it.*version 2.*version 1/),
    });
    const session = await facilitator.session.get({ sessionId });
    expect(session.version).toBe(2);
    expect(session.model.criteria[0]?.name).toEqual({ en: 'Growth' });
  });

  it('drops the answers an edit makes meaningless, and no others', async () => {
    const { sessionId, facilitator, invite } = await draft();
    const joined = await callerFor(db(), invite.token).participant.join({ sessionId, displayName: 'Ann', stakeholderGroup: 'finance' });
    const participant = callerFor(db(), joined.token);
    await participant.judgment.save({ sessionId, nodeKey: 'goal', a: 'economic-growth', b: 'social-development', position: 3 });
    await participant.judgment.save({ sessionId, nodeKey: 'goal', a: 'jobs-quality-of-life', b: 'social-development', position: -2 });
    await participant.judgment.save({ sessionId, nodeKey: 'economic-growth', a: 'hubbing', b: 'integration', position: 1 });
    const edit = await facilitator.model.removeCriterion({ sessionId, expectedVersion: 1, key: 'economic-growth' });
    expect(edit.droppedAnswers).toEqual({ judgments: 2, ratings: 0 });
    const me = await participant.participant.me({ sessionId });
    expect(me.judgments.map((j) => [j.a, j.b])).toEqual([['jobs-quality-of-life', 'social-development']]);
    const history = await facilitator.session.history({ sessionId });
    expect(history.at(-1)?.detail).toMatchObject({ droppedAnswers: { judgments: 2, ratings: 0 } });
  });

  it('edits the model only while the session is a draft', async () => {
    const { sessionId, facilitator } = await draft();
    await facilitator.session.open({ sessionId });
    await expect(
      facilitator.model.addAlternative({ sessionId, expectedVersion: 2, name: { en: 'Late idea' } }),
    ).rejects.toMatchObject({ code: 'PRECONDITION_FAILED', message: expect.stringContaining('draft') });
  });

  it('keeps the tree within its limits', async () => {
    const { sessionId, facilitator } = await draft();
    await expect(
      facilitator.model.moveCriterion({ sessionId, expectedVersion: 1, key: 'economic-growth', newParentKey: 'economic-growth' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('itself') });
    await expect(
      facilitator.model.addCriterion({ sessionId, expectedVersion: 1, parentKey: null, key: 'hubbing', name: { en: 'Clash' } }),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('hubbing') });
    let version = 1;
    for (let n = 0; n < 14; n++) {
      version = (await facilitator.model.addCriterion({ sessionId, expectedVersion: version, parentKey: null, name: { en: `Extra ${n}` } })).version;
    }
    await expect(
      facilitator.model.addCriterion({ sessionId, expectedVersion: version, parentKey: null, name: { en: 'One too many' } }),
    ).rejects.toMatchObject({ code: 'PRECONDITION_FAILED', message: expect.stringContaining('20') });
    await expect(facilitator.model.removeAlternative({ sessionId, expectedVersion: version, key: 'hubbing' })).resolves.toBeDefined();
    await expect(
      facilitator.model.removeAlternative({ sessionId, expectedVersion: version + 1, key: 'integration' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('two strategies') });
  });
});

import { count, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { judgments } from '~/db/schema';
import { summarizeResult } from '~/core/model';
import { callerFor, describeOnEveryEngine } from './harness';
import { importedTitle } from '~/server/services/sessions/import';
import { comparable, comparisonNodes, createAnsweredSession } from './fixtures/flow';

describeOnEveryEngine('saved decision sessions', (database) => {
  const db = () => database().handle.db;

  it('creates a draft session from the default model with links that open it', async () => {
    const created = await callerFor(db()).session.create({ title: '  Textile cluster  ', region: 'Ganja' });
    expect(created.facilitator.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(created.invite.token).not.toBe(created.facilitator.token);
    expect(created.facilitator.path).toBe(`/s/${created.sessionId}#key=${created.facilitator.token}`);
    const session = await callerFor(db(), created.facilitator.token).session.get({ sessionId: created.sessionId });
    expect(session).toMatchObject({ title: 'Textile cluster', region: 'Ganja', status: 'draft', version: 1 });
    expect(session.access.role).toBe('facilitator');
    expect(session.model.criteria.map((c) => c.key)).toEqual([
      'economic-growth',
      'jobs-quality-of-life',
      'social-development',
      'environmental-sustainability',
      'geographic-infrastructure',
      'international-competitiveness',
    ]);
    expect(session.model.alternatives.map((a) => a.key)).toEqual(['specialization', 'hubbing', 'integration']);
    expect(session.model.measures.length).toBeGreaterThan(0);
    expect(session.settings.methodSettings).toEqual({
      scale: 'saaty',
      method: 'eigenvector',
      randomIndex: 'saaty-1980',
      completion: 'optimal',
      aggregation: 'aij',
      synthesis: 'distributive',
      monteCarloModel: 'spread',
    });
  });

  it('runs the whole flow: join, answer (retries do not double), results, export and import', async () => {
    const { sessionId, facilitator, participants } = await createAnsweredSession(db(), { count: 3 });
    const [first] = participants;
    const view = await first!.caller.session.get({ sessionId });
    const pairs = comparisonNodes(view).reduce((sum, n) => sum + (n.elements.length * (n.elements.length - 1)) / 2, 0);

    const retry = { sessionId, nodeKey: 'goal', a: 'economic-growth', b: 'social-development', position: 5 };
    await first!.caller.judgment.save(retry);
    await first!.caller.judgment.save(retry);
    await first!.caller.judgment.save({ ...retry, a: retry.b, b: retry.a, position: -5 });
    const [stored] = await db()
      .select({ n: count() })
      .from(judgments)
      .where(eq(judgments.participantId, first!.participantId));
    expect(stored?.n).toBe(pairs);

    const me = await first!.caller.participant.me({ sessionId });
    expect(me.progress).toMatchObject({ answered: pairs, required: pairs, fraction: 1, isComplete: true, isComputable: true });
    const reanswered = me.judgments.filter((j) => j.nodeKey === 'goal' && [j.a, j.b].sort().join() === 'economic-growth,social-development');
    expect(reanswered).toEqual([expect.objectContaining({ a: 'social-development', b: 'economic-growth', position: -5 })]);

    const list = await facilitator.participant.list({ sessionId });
    expect(list.map((p) => p.key)).toEqual(['p1', 'p2', 'p3']);
    expect(list.every((p) => p.progress.isComplete)).toBe(true);

    const group = await facilitator.result.compute({ sessionId });
    expect(group.scope).toBe('group');
    expect(group.coverage.included).toEqual(['p1', 'p2', 'p3'].map((participantKey) => ({ participantKey, estimated: [] })));
    expect(group.settings.methodSettings.method).toBe('eigenvector');
    expect(group.result).toMatchObject({ kind: 'group-hierarchy' });
    const ranking = group.result.ranking as string[];
    expect([...ranking].sort()).toEqual(['hubbing', 'integration', 'specialization']);
    const shares = Object.values(group.result.alternatives);
    expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);

    const own = await first!.caller.result.computeMine({ sessionId });
    expect(own).toMatchObject({ scope: 'individual', participantKey: 'p1' });
    const mine = await first!.caller.result.get({ sessionId });
    expect(mine.own?.result).toEqual(own.result);
    expect(mine.group).toBeNull();
    const facilitatorView = await facilitator.result.get({ sessionId });
    // result.get sends the summary of what compute stored: the same figures without the per-participant engine detail.
    expect(facilitatorView.group?.result).toEqual(summarizeResult(group.result));
    expect(facilitatorView.group?.isStale).toBe(false);

    await facilitator.profile.save({
      sessionId,
      profile: { ratings: { 'innovative-activity': 2, 'cooperation-level': 4 }, regionalPriorities: { digitalization: 0.6 } },
    });

    const exported = await facilitator.session.export({ sessionId });
    expect(exported.participants).toHaveLength(3);
    expect(exported.results).toHaveLength(2);
    const imported = await callerFor(db()).session.import({ data: exported });
    expect(imported.sessionId).not.toBe(sessionId);
    const importedFacilitator = callerFor(db(), imported.facilitator.token);
    const reexported = await importedFacilitator.session.export({ sessionId: imported.sessionId });
    // The copy is the original, named apart, with its import at the end of the history.
    const { session: copiedSession, auditLog: copiedHistory, ...copiedRest } = comparable(reexported);
    const { session: originalSession, auditLog: originalHistory, ...originalRest } = comparable(exported);
    expect(copiedRest).toEqual(originalRest);
    expect({ ...copiedSession, title: originalSession.title }).toEqual(originalSession);
    expect(copiedSession.title).toMatch(new RegExp(`^${originalSession.title} \\(imported \\d{1,2} [A-Z][a-z]{2,3} \\d{4}\\)$`));
    expect(copiedHistory.slice(0, -1)).toEqual(originalHistory);
    expect(copiedHistory.at(-1)).toMatchObject({ action: 'session.imported', detail: { title: originalSession.title } });

    const recomputed = await importedFacilitator.result.compute({ sessionId: imported.sessionId });
    expect(recomputed.result).toEqual(group.result);
    expect(recomputed.coverage).toEqual(group.coverage);

    // The old links open only the old session.
    await expect(facilitator.session.get({ sessionId: imported.sessionId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('names an imported copy apart by the day it was imported, within the title limit', () => {
    expect(importedTitle('Baku ICT cluster', new Date('2026-12-02T23:30:00Z'))).toBe('Baku ICT cluster (imported 2 Dec 2026)');
    const long = importedTitle('x'.repeat(200), new Date('2026-05-09T00:00:00Z'));
    expect(long).toHaveLength(200);
    expect(long.endsWith('x (imported 9 May 2026)')).toBe(true);
  });

  it('marks a stored result stale once answers change', async () => {
    const { sessionId, facilitator, participants } = await createAnsweredSession(db(), { count: 1 });
    await facilitator.result.compute({ sessionId });
    await participants[0]!.caller.judgment.save({
      sessionId,
      nodeKey: 'goal',
      a: 'economic-growth',
      b: 'jobs-quality-of-life',
      position: 8,
    });
    expect((await facilitator.result.get({ sessionId })).group?.isStale).toBe(true);
  });

  it('lists the sessions of the tokens a browser holds, and ignores unknown tokens', async () => {
    const a = await callerFor(db()).session.create({ title: 'List A' });
    const b = await callerFor(db()).session.create({ title: 'List B' });
    const listed = await callerFor(db()).session.list({
      tokens: [a.facilitator.token, b.invite.token, 'x'.repeat(43)],
    });
    expect(listed.map((s) => [s.title, s.role]).sort()).toEqual([
      ['List A', 'facilitator'],
      ['List B', 'invite'],
    ]);
    expect(await callerFor(db()).session.list({ tokens: [] })).toEqual([]);
  });

  it('updates details and settings, opens, closes and reopens', async () => {
    const created = await callerFor(db()).session.create({ title: 'Lifecycle' });
    const facilitator = callerFor(db(), created.facilitator.token);
    const sessionId = created.sessionId;
    const updated = await facilitator.session.update({
      sessionId,
      expectedVersion: 1,
      question: 'Where should support go first?',
      methodSettings: { method: 'geometric-mean' },
      participantResults: 'own-and-group',
    });
    expect(updated.version).toBe(2);
    const session = await facilitator.session.get({ sessionId });
    expect(session.question).toBe('Where should support go first?');
    expect(session.settings.methodSettings).toMatchObject({ method: 'geometric-mean', scale: 'saaty' });
    expect(session.settings.participantResults).toBe('own-and-group');

    expect(await facilitator.session.open({ sessionId })).toMatchObject({ status: 'open', version: 3 });
    expect(await facilitator.session.close({ sessionId })).toMatchObject({ status: 'closed' });
    expect(await facilitator.session.close({ sessionId })).toMatchObject({ status: 'closed' });
    const joinClosed = callerFor(db(), created.invite.token).participant.join({
      sessionId,
      displayName: 'Late',
      stakeholderGroup: 'finance',
    });
    await expect(joinClosed).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });
    expect(await facilitator.session.reopen({ sessionId })).toMatchObject({ status: 'open' });
    const history = await facilitator.session.history({ sessionId });
    expect(history.map((h) => h.action)).toEqual([
      'session.created',
      'session.updated',
      'session.opened',
      'session.closed',
      'session.reopened',
    ]);
  });

  it('duplicates the setup without participants or answers', async () => {
    const { sessionId, facilitator } = await createAnsweredSession(db(), { title: 'Original', count: 1 });
    await facilitator.profile.save({ sessionId, profile: { ratings: { 'public-policy': 3 }, regionalPriorities: {} } });
    const copy = await facilitator.session.duplicate({ sessionId });
    const copyFacilitator = callerFor(db(), copy.facilitator.token);
    const original = await facilitator.session.get({ sessionId });
    const duplicated = await copyFacilitator.session.get({ sessionId: copy.sessionId });
    expect(duplicated.title).toBe('Original (copy)');
    expect(duplicated.status).toBe('draft');
    expect(duplicated.model).toEqual(original.model);
    expect(duplicated.participantCount).toBe(0);
    expect(await copyFacilitator.profile.get({ sessionId: copy.sessionId })).toMatchObject({ ratings: { 'public-policy': 3 } });
  });

  it('deletes a session only when its title is typed back', async () => {
    const created = await callerFor(db()).session.create({ title: 'Delete me' });
    const facilitator = callerFor(db(), created.facilitator.token);
    await expect(facilitator.session.delete({ sessionId: created.sessionId, confirmTitle: 'delete me' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('title'),
    });
    expect((await facilitator.session.get({ sessionId: created.sessionId })).title).toBe('Delete me');
    await facilitator.session.delete({ sessionId: created.sessionId, confirmTitle: 'Delete me' });
    await expect(facilitator.session.get({ sessionId: created.sessionId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('scores strategies with ratings when the facilitator chooses them', async () => {
    const created = await callerFor(db()).session.create({ title: 'Ratings', modelKey: 'blank', alternativeScoring: 'ratings' });
    const sessionId = created.sessionId;
    const joined = await callerFor(db(), created.invite.token).participant.join({
      sessionId,
      displayName: 'Rater',
      stakeholderGroup: 'science-education',
    });
    const participant = callerFor(db(), joined.token);
    const view = await participant.session.get({ sessionId });
    const [c1, c2] = view.model.criteria;
    await participant.judgment.save({ sessionId, nodeKey: 'goal', a: c1!.key, b: c2!.key, position: 2 });
    const intensities = ['very-high', 'moderate', 'low'] as const;
    for (const criterion of [c1!, c2!]) {
      for (const [i, alternative] of view.model.alternatives.entries()) {
        await participant.judgment.saveRating({
          sessionId,
          criterionKey: criterion.key,
          alternativeKey: alternative.key,
          intensity: intensities[i % 3]!,
        });
      }
    }
    await expect(
      participant.judgment.save({ sessionId, nodeKey: c1!.key, a: 'specialization', b: 'hubbing', position: 1 }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect((await participant.participant.me({ sessionId })).progress.isComplete).toBe(true);
    const result = await callerFor(db(), created.facilitator.token).result.compute({ sessionId });
    expect((result.result.ranking as string[])[0]).toBe(view.model.alternatives[0]!.key);
  });

  it('gives the questionnaire what it needs in one call: the same as the four separate reads', async () => {
    const { sessionId, participants } = await createAnsweredSession(db(), { count: 1 });
    const participant = participants[0]!.caller;
    const start = await participant.participant.questionnaire({ sessionId });
    expect(start.session).toEqual(await participant.session.get({ sessionId }));
    expect(start.me).toEqual(await participant.participant.me({ sessionId }));
    expect(start.profile).toEqual(await participant.profile.get({ sessionId }));
    expect(start.definition).toEqual(await participant.catalogue.profileDefinition());
    expect(start.me.progress.answered).toBeGreaterThan(0);
  });
});

import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { decisionModels } from '~/db/schema';
import { callerFor, describeOnEveryEngine } from './harness';

describeOnEveryEngine('decision models and saved templates', (database) => {
  const db = () => database().handle.db;

  it('offers the default, the sustainable-competitiveness and the blank model to start from', async () => {
    const models = await callerFor(db()).catalogue.models();
    const seeded = models.filter((m) => m.origin === 'seed').map((m) => m.key);
    expect(seeded).toEqual(expect.arrayContaining(['cluster-policy', 'sustainable-competitiveness', 'blank']));
    const competitiveness = models.find((m) => m.key === 'sustainable-competitiveness')!;
    expect(competitiveness.criteriaCount).toBe(9);
    const created = await callerFor(db()).session.create({ title: 'Competitiveness', modelKey: 'sustainable-competitiveness' });
    const session = await callerFor(db(), created.facilitator.token).session.get({ sessionId: created.sessionId });
    expect(session.model.criteria).toHaveLength(9);
    const blank = await callerFor(db()).session.create({ title: 'Blank', modelKey: 'blank' });
    const blankSession = await callerFor(db(), blank.facilitator.token).session.get({ sessionId: blank.sessionId });
    expect(blankSession.model.criteria.map((c) => c.key)).toEqual(['criterion-a', 'criterion-b']);
  });

  it("saves a session's edited model as a template that the next session starts from", async () => {
    const created = await callerFor(db()).session.create({ title: 'Source of a template', modelKey: 'blank', locale: 'ru' });
    const facilitator = callerFor(db(), created.facilitator.token);
    const sessionId = created.sessionId;
    let { version } = await facilitator.session.get({ sessionId });
    ({ version } = await facilitator.model.renameCriterion({ sessionId, expectedVersion: version, key: 'criterion-a', name: { ru: 'Экспорт' } }));
    ({ version } = await facilitator.model.addCriterion({
      sessionId,
      expectedVersion: version,
      parentKey: 'criterion-b',
      key: 'skills',
      name: { en: 'Skills' },
    }));
    ({ version } = await facilitator.model.addCriterion({
      sessionId,
      expectedVersion: version,
      parentKey: 'criterion-b',
      key: 'wages',
      name: { en: 'Wages' },
    }));
    ({ version } = await facilitator.model.addMeasure({
      sessionId,
      expectedVersion: version,
      family: 'public-support',
      name: { en: 'Skills academy' },
      criteria: ['skills'],
    }));
    const source = await facilitator.session.get({ sessionId });

    const saved = await facilitator.template.save({ sessionId, name: '  Экспортная модель  ', description: 'Для экспортных кластеров', locale: 'ru' });
    expect(saved).toMatchObject({ version: 1, name: { ru: 'Экспортная модель' } });
    expect(saved.key).toMatch(/^saved/);
    // Saving changes nothing in the session itself, so nobody's edit is refused as stale; the audit log notes it.
    expect((await facilitator.session.get({ sessionId })).version).toBe(source.version);
    expect((await facilitator.session.history({ sessionId })).at(-1)).toMatchObject({ action: 'model.savedAsTemplate' });

    const listed = (await callerFor(db()).catalogue.models()).find((m) => m.key === saved.key)!;
    expect(listed).toMatchObject({ origin: 'saved', criteriaCount: 4, measureCount: 1, description: { ru: 'Для экспортных кластеров' } });
    expect(listed.savedAt).toBeInstanceOf(Date);
    const [row] = await db().select().from(decisionModels).where(eq(decisionModels.key, saved.key));
    expect(row?.sourceSessionId).toBe(sessionId);

    const next = await callerFor(db()).session.create({ title: 'Next session', modelKey: saved.key });
    const nextSession = await callerFor(db(), next.facilitator.token).session.get({ sessionId: next.sessionId });
    expect(nextSession.model).toEqual(source.model);
    expect(nextSession.model.criteria[1]!.children.map((c) => c.key)).toEqual(['skills', 'wages']);
  });

  it('refuses a template without a usable name, a name already taken, and anyone but the facilitator', async () => {
    const created = await callerFor(db()).session.create({ title: 'Names' });
    const facilitator = callerFor(db(), created.facilitator.token);
    const sessionId = created.sessionId;
    await expect(facilitator.template.save({ sessionId, name: '   ', locale: 'en' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(facilitator.template.save({ sessionId, name: 'x'.repeat(121), locale: 'en' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await expect(facilitator.template.save({ sessionId, name: 'Blank model', locale: 'en' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await facilitator.template.save({ sessionId, name: 'x'.repeat(120), locale: 'en' });
    await facilitator.template.save({ sessionId, name: 'Regional default', locale: 'en' });
    const again = facilitator.template.save({ sessionId, name: 'regional DEFAULT', locale: 'en' });
    await expect(again).rejects.toMatchObject({ code: 'CONFLICT' });
    const invite = callerFor(db(), created.invite.token);
    await expect(invite.template.save({ sessionId, name: 'By an invitee', locale: 'en' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

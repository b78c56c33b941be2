import { expect, it } from 'vitest';
import { callerFor, describeOnEveryEngine } from './harness';
import { createAnsweredSession } from './fixtures/flow';

const PROFILE = {
  ratings: { infrastructure: 2, 'leading-enterprises': 1, 'market-dynamics': 5, 'cooperation-level': 4, 'qualified-personnel': 3 },
  regionalPriorities: { digitalization: 0.8, 'economic-security': 0.2 },
};

describeOnEveryEngine('profile.save and the diagnosis', (database) => {
  const db = () => database().handle.db;

  it('refuses a participant’s and an invite’s link, saving nothing, and takes the facilitator’s', async () => {
    const { sessionId, facilitator, participants, created } = await createAnsweredSession(db(), { title: 'Profile access', count: 1 });
    const participant = participants[0]!.caller;
    await expect(participant.profile.save({ sessionId, profile: PROFILE })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(callerFor(db(), created.invite.token).profile.save({ sessionId, profile: PROFILE })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(callerFor(db()).profile.save({ sessionId, profile: PROFILE })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    expect(await facilitator.profile.get({ sessionId })).toBeNull();

    const saved = await facilitator.profile.save({ sessionId, profile: PROFILE });
    // Saved with the newest definition, the one that says what each strategy leans on.
    expect(saved.definitionVersion).toBe(2);
    // A participant may read it (the questionnaire shows it as context) but still not change it.
    expect((await participant.profile.get({ sessionId }))?.ratings).toEqual(PROFILE.ratings);
    await expect(participant.profile.save({ sessionId, profile: { ratings: {}, regionalPriorities: {} } })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect((await facilitator.profile.get({ sessionId }))?.ratings).toEqual(PROFILE.ratings);
    // Nobody joined to do any of this: the one participant is the one who joined by the invite.
    expect((await facilitator.session.get({ sessionId })).participantCount).toBe(1);
  });

  it('carries the diagnosis in the result every surface reads, the same for the facilitator and a participant', async () => {
    const { sessionId, facilitator, participants } = await createAnsweredSession(db(), { title: 'Diagnosis', count: 2 });
    const { version } = await facilitator.session.get({ sessionId });
    await facilitator.session.update({ sessionId, expectedVersion: version, participantResults: 'own-and-group' });
    await facilitator.result.compute({ sessionId });
    // No profile yet: no diagnosis.
    expect((await facilitator.result.get({ sessionId })).group?.recommendation.diagnosis).toBeNull();

    await facilitator.profile.save({ sessionId, profile: PROFILE });
    const diagnosis = (await facilitator.result.get({ sessionId })).group!.recommendation.diagnosis!;
    expect(diagnosis.strengths.map((f) => [f.key, f.rating])).toEqual([
      ['market-dynamics', 5],
      ['cooperation-level', 4],
    ]);
    expect(diagnosis.weaknesses.map((f) => [f.key, f.rating])).toEqual([
      ['leading-enterprises', 1],
      ['infrastructure', 2],
    ]);
    expect(diagnosis.missingSuccessFactors.map((f) => f.key)).toEqual(['leading-enterprises']);
    expect(diagnosis.priorities).toEqual([
      { key: 'digitalization', weight: 0.8, share: 0.8 },
      { key: 'economic-security', weight: 0.2, share: 0.2 },
    ]);
    const hubbing = diagnosis.strategies.find((s) => s.strategy === 'hubbing')!;
    expect(hubbing.leansOn.filter((f) => f.isWeak)).toEqual([{ factor: 'infrastructure', rating: 2, isWeak: true }]);
    const specialization = diagnosis.strategies.find((s) => s.strategy === 'specialization')!;
    expect(specialization.leansOn.find((f) => f.factor === 'leading-enterprises')).toEqual({ factor: 'leading-enterprises', rating: 1, isWeak: true });
    // In the order of the result's ranking, as the results page lists the strategies.
    const ranking = (await facilitator.result.get({ sessionId })).group!.recommendation.strategy.ranking.map((r) => r.key);
    expect(diagnosis.strategies.map((s) => s.strategy)).toEqual(ranking);

    const theirs = (await participants[0]!.caller.result.get({ sessionId })).group!.recommendation.diagnosis;
    expect(theirs).toEqual(diagnosis);
    expect((await facilitator.result.recommendation({ sessionId, scope: 'group' }))!.diagnosis).toEqual(diagnosis);
  });
});

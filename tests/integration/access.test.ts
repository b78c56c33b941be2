import { randomBytes } from 'node:crypto';
import { TRPCError } from '@trpc/server';
import { expect, it } from 'vitest';
import { appRouter } from '~/server/trpc/root';
import { callerFor, describeOnEveryEngine } from './harness';
import { comparable, createAnsweredSession } from './fixtures/flow';

type Role = 'facilitator' | 'participant' | 'invite';
type Caller = ReturnType<typeof callerFor>;

/**
 * Every procedure, with a well-formed input for session `s` and the roles allowed to call it. The coverage
 * test below fails when a procedure is added without a row here.
 */
function procedureTable(s: string, participantId: string): Record<string, { roles: Role[] | 'public'; call: (c: Caller) => Promise<unknown> }> {
  const v = { sessionId: s, expectedVersion: 1 };
  const F: Role[] = ['facilitator'];
  const P: Role[] = ['participant'];
  return {
    'session.create': { roles: 'public', call: (c) => c.session.create({ title: 'Public create' }) },
    'session.list': { roles: 'public', call: (c) => c.session.list({ tokens: [] }) },
    'session.import': { roles: 'public', call: async () => undefined },
    'catalogue.models': { roles: 'public', call: (c) => c.catalogue.models() },
    'catalogue.measures': { roles: 'public', call: (c) => c.catalogue.measures() },
    'catalogue.profileDefinition': { roles: 'public', call: (c) => c.catalogue.profileDefinition() },
    'session.get': { roles: ['facilitator', 'participant', 'invite'], call: (c) => c.session.get({ sessionId: s }) },
    'session.update': { roles: F, call: (c) => c.session.update({ ...v, title: 'Hijacked' }) },
    'session.open': { roles: F, call: (c) => c.session.open({ sessionId: s }) },
    'session.close': { roles: F, call: (c) => c.session.close({ sessionId: s }) },
    'session.reopen': { roles: F, call: (c) => c.session.reopen({ sessionId: s }) },
    'session.renewInvite': { roles: F, call: (c) => c.session.renewInvite({ sessionId: s }) },
    'session.duplicate': { roles: F, call: (c) => c.session.duplicate({ sessionId: s }) },
    'session.delete': { roles: F, call: (c) => c.session.delete({ sessionId: s, confirmTitle: 'Access A' }) },
    'session.history': { roles: F, call: (c) => c.session.history({ sessionId: s }) },
    'session.export': { roles: F, call: (c) => c.session.export({ sessionId: s }) },
    'model.setGoal': { roles: F, call: (c) => c.model.setGoal({ ...v, goal: { en: 'Hijacked' } }) },
    'model.addCriterion': { roles: F, call: (c) => c.model.addCriterion({ ...v, parentKey: null, name: { en: 'Hijacked' } }) },
    'model.renameCriterion': { roles: F, call: (c) => c.model.renameCriterion({ ...v, key: 'economic-growth', name: { en: 'X' } }) },
    'model.describeCriterion': { roles: F, call: (c) => c.model.describeCriterion({ ...v, key: 'economic-growth', description: { en: 'X' } }) },
    'model.reorderCriteria': {
      roles: F,
      call: (c) => c.model.reorderCriteria({ ...v, parentKey: null, orderedKeys: ['economic-growth'] }),
    },
    'model.moveCriterion': { roles: F, call: (c) => c.model.moveCriterion({ ...v, key: 'economic-growth', newParentKey: 'social-development' }) },
    'model.removeCriterion': { roles: F, call: (c) => c.model.removeCriterion({ ...v, key: 'economic-growth' }) },
    'model.addAlternative': { roles: F, call: (c) => c.model.addAlternative({ ...v, name: { en: 'X' } }) },
    'model.updateAlternative': { roles: F, call: (c) => c.model.updateAlternative({ ...v, key: 'hubbing', name: { en: 'X' } }) },
    'model.reorderAlternatives': { roles: F, call: (c) => c.model.reorderAlternatives({ ...v, orderedKeys: ['hubbing'] }) },
    'model.removeAlternative': { roles: F, call: (c) => c.model.removeAlternative({ ...v, key: 'hubbing' }) },
    'model.addMeasure': {
      roles: F,
      call: (c) => c.model.addMeasure({ ...v, family: 'public-support', name: { en: 'X' }, criteria: ['economic-growth'] }),
    },
    'model.updateMeasure': { roles: F, call: (c) => c.model.updateMeasure({ ...v, key: 'shared-equipment', name: { en: 'X' } }) },
    'model.removeMeasure': { roles: F, call: (c) => c.model.removeMeasure({ ...v, key: 'shared-equipment' }) },
    'participant.join': { roles: ['invite'], call: (c) => c.participant.join({ sessionId: s, displayName: 'Intruder', stakeholderGroup: 'finance' }) },
    'participant.me': { roles: P, call: (c) => c.participant.me({ sessionId: s }) },
    'participant.questionnaire': { roles: P, call: (c) => c.participant.questionnaire({ sessionId: s }) },
    'participant.list': { roles: F, call: (c) => c.participant.list({ sessionId: s }) },
    'participant.update': { roles: F, call: (c) => c.participant.update({ sessionId: s, participantId, weight: 50 }) },
    'participant.remove': { roles: F, call: (c) => c.participant.remove({ sessionId: s, participantId }) },
    'participant.resetLink': { roles: F, call: (c) => c.participant.resetLink({ sessionId: s, participantId }) },
    'judgment.save': {
      roles: P,
      call: (c) => c.judgment.save({ sessionId: s, nodeKey: 'goal', a: 'economic-growth', b: 'social-development', position: 8 }),
    },
    'judgment.remove': { roles: P, call: (c) => c.judgment.remove({ sessionId: s, nodeKey: 'goal', a: 'economic-growth', b: 'social-development' }) },
    'judgment.saveRating': {
      roles: P,
      call: (c) => c.judgment.saveRating({ sessionId: s, criterionKey: 'economic-growth', alternativeKey: 'hubbing', intensity: 'low' }),
    },
    'judgment.removeRating': {
      roles: P,
      call: (c) => c.judgment.removeRating({ sessionId: s, criterionKey: 'economic-growth', alternativeKey: 'hubbing' }),
    },
    'judgment.saveComment': { roles: P, call: (c) => c.judgment.saveComment({ sessionId: s, nodeKey: 'goal', a: 'economic-growth', b: 'social-development', text: 'Hijacked' }) },
    // Facilitator: everyone's reasons; a participant: their own (tests/integration/comments.test.ts).
    'judgment.comments': { roles: ['facilitator', 'participant'], call: (c) => c.judgment.comments({ sessionId: s }) },
    'profile.get': { roles: ['facilitator', 'participant'], call: (c) => c.profile.get({ sessionId: s }) },
    'profile.save': { roles: F, call: (c) => c.profile.save({ sessionId: s, profile: { ratings: {}, regionalPriorities: {} } }) },
    'result.compute': { roles: F, call: (c) => c.result.compute({ sessionId: s }) },
    'result.computeMine': { roles: P, call: (c) => c.result.computeMine({ sessionId: s }) },
    'result.get': { roles: ['facilitator', 'participant'], call: (c) => c.result.get({ sessionId: s }) },
    'result.recommendation': { roles: ['facilitator', 'participant'], call: (c) => c.result.recommendation({ sessionId: s, scope: 'own' }) },
    'export.tables': { roles: ['facilitator', 'participant'], call: (c) => c.export.tables({ sessionId: s }) },
    'export.file': { roles: ['facilitator', 'participant'], call: (c) => c.export.file({ sessionId: s, format: 'csv' }) },
    'export.reportPdf': { roles: ['facilitator', 'participant'], call: (c) => c.export.reportPdf({ sessionId: s, locale: 'en' }) },
    'template.save': { roles: F, call: (c) => c.template.save({ sessionId: s, name: 'Hijacked', locale: 'en' }) },
    'workshop.room': { roles: 'public', call: (c) => c.workshop.room({ roomCode: 'ABCDEF' }) },
    'workshop.joinByCode': { roles: 'public', call: async () => undefined },
    'workshop.roomEvents': { roles: 'public', call: async () => undefined },
    'workshop.live': { roles: ['facilitator', 'participant'], call: (c) => c.workshop.live({ sessionId: s }) },
    'workshop.events': { roles: ['facilitator', 'participant'], call: (c) => c.workshop.events({ sessionId: s, lastEventId: null }) },
    'workshop.openRoom': { roles: F, call: (c) => c.workshop.openRoom({ sessionId: s }) },
    'workshop.setMode': { roles: F, call: (c) => c.workshop.setMode({ sessionId: s, mode: 'live' }) },
    'workshop.setCurrent': {
      roles: F,
      call: (c) => c.workshop.setCurrent({ sessionId: s, item: { kind: 'pair', nodeKey: 'goal', a: 'economic-growth', b: 'social-development' } }),
    },
    'workshop.next': { roles: F, call: (c) => c.workshop.next({ sessionId: s }) },
    'workshop.previous': { roles: F, call: (c) => c.workshop.previous({ sessionId: s }) },
    'workshop.reveal': { roles: F, call: (c) => c.workshop.reveal({ sessionId: s }) },
    'workshop.hide': { roles: F, call: (c) => c.workshop.hide({ sessionId: s }) },
    'workshop.setCountdown': { roles: F, call: (c) => c.workshop.setCountdown({ sessionId: s, seconds: 60 }) },
    'workshop.revote': { roles: F, call: (c) => c.workshop.revote({ sessionId: s }) },
    'workshop.closeRound': { roles: F, call: (c) => c.workshop.closeRound({ sessionId: s }) },
    'workshop.openRound': { roles: F, call: (c) => c.workshop.openRound({ sessionId: s, nodeKeys: ['goal'] }) },
    'workshop.setInclusion': { roles: F, call: (c) => c.workshop.setInclusion({ sessionId: s, participantId, isIncluded: false }) },
    'workshop.setWeights': { roles: F, call: (c) => c.workshop.setWeights({ sessionId: s, stakeholderWeights: { finance: 0 } }) },
    'workshop.setCrLimit': { roles: F, call: (c) => c.workshop.setCrLimit({ sessionId: s, maxCr: 0.01 }) },
    'workshop.dashboard': { roles: F, call: (c) => c.workshop.dashboard({ sessionId: s }) },
    'workshop.rounds': { roles: F, call: (c) => c.workshop.rounds({ sessionId: s }) },
  };
}

async function refusal(call: Promise<unknown>): Promise<string> {
  try {
    await call;
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    throw error;
  }
  return 'ACCEPTED';
}

describeOnEveryEngine('access by link', (database) => {
  const db = () => database().handle.db;

  it('has a row for every procedure of the API', () => {
    const table = procedureTable('00000000-0000-4000-8000-000000000000', '00000000-0000-4000-8000-000000000000');
    expect(Object.keys(table).sort()).toEqual(Object.keys(appRouter._def.procedures).sort());
  });

  it('refuses every session procedure with no token, a wrong token, another session’s token or the wrong role', async () => {
    const a = await createAnsweredSession(db(), { title: 'Access A', count: 1 });
    const b = await createAnsweredSession(db(), { title: 'Access B', count: 1 });
    await a.facilitator.result.compute({ sessionId: a.sessionId });
    const before = await a.facilitator.session.export({ sessionId: a.sessionId });
    const tokensOfA: Record<Role, string> = {
      facilitator: a.created.facilitator.token,
      participant: a.participants[0]!.token,
      invite: a.created.invite.token,
    };
    const outsiders: Array<[string, string | null, string]> = [
      ['no token', null, 'UNAUTHORIZED'],
      ['a malformed header value', 'not a token', 'FORBIDDEN'],
      ['a wrong token', randomBytes(32).toString('base64url'), 'FORBIDDEN'],
      ['session B’s facilitator token', b.created.facilitator.token, 'FORBIDDEN'],
      ['session B’s participant token', b.participants[0]!.token, 'FORBIDDEN'],
      ['session B’s invite token', b.created.invite.token, 'FORBIDDEN'],
    ];
    const table = procedureTable(a.sessionId, a.participants[0]!.participantId);
    let refusals = 0;
    for (const [path, { roles, call }] of Object.entries(table)) {
      if (roles === 'public') continue;
      for (const [who, token, expected] of outsiders) {
        expect(`${path} with ${who}: ${await refusal(call(callerFor(db(), token)))}`).toBe(`${path} with ${who}: ${expected}`);
        refusals += 1;
      }
      for (const role of ['facilitator', 'participant', 'invite'] as const) {
        if (roles.includes(role)) continue;
        expect(`${path} as ${role}: ${await refusal(call(callerFor(db(), tokensOfA[role])))}`).toBe(`${path} as ${role}: FORBIDDEN`);
        refusals += 1;
      }
    }
    expect(refusals).toBeGreaterThan(200);
    const after = await a.facilitator.session.export({ sessionId: a.sessionId });
    expect(comparable(after)).toEqual(comparable(before));
    expect((await b.facilitator.session.get({ sessionId: b.sessionId })).title).toBe('Access B');
  });

  it('shows a participant only their own answers and the results the facilitator shares', async () => {
    const { sessionId, facilitator, participants } = await createAnsweredSession(db(), { count: 2 });
    const [first, second] = participants;
    await facilitator.result.compute({ sessionId });
    const ownOnly = await first!.caller.result.get({ sessionId });
    expect(ownOnly.group).toBeNull();

    const { version } = await facilitator.session.get({ sessionId });
    await facilitator.session.update({ sessionId, expectedVersion: version, participantResults: 'own-and-group' });
    await facilitator.result.compute({ sessionId });
    const shared = await first!.caller.result.get({ sessionId });
    const group = shared.group?.result;
    if (group?.kind !== 'group-hierarchy') throw new Error('expected the group result');
    expect(group).not.toHaveProperty('participants');
    expect(shared.group?.coverage.included.map((entry) => entry.participantKey)).toEqual(['p1']);
    expect(shared.group?.participants.map((p) => p.key)).toEqual(['p1']);
    expect(JSON.stringify(shared)).not.toContain('"p2"');

    const mine = await second!.caller.participant.me({ sessionId });
    const theirs = await first!.caller.participant.me({ sessionId });
    expect(mine.participant.key).toBe('p2');
    expect(theirs.participant.key).toBe('p1');

    await facilitator.session.update({ sessionId, expectedVersion: version + 1, participantResults: 'none' });
    await expect(first!.caller.result.get({ sessionId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(first!.caller.result.computeMine({ sessionId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('stores only hashes of the link tokens', async () => {
    const created = await callerFor(db()).session.create({ title: 'Hashes' });
    const rows = await db().query.accessTokens.findMany({ where: (t, { eq }) => eq(t.sessionId, created.sessionId) });
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
      expect([created.facilitator.token, created.invite.token]).not.toContain(row.tokenHash);
    }
  });

  it('gives a participant a new link that replaces the old one', async () => {
    const { sessionId, facilitator, participants } = await createAnsweredSession(db(), { count: 1 });
    const old = participants[0]!;
    const reset = await facilitator.participant.resetLink({ sessionId, participantId: old.participantId });
    await expect(old.caller.participant.me({ sessionId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await callerFor(db(), reset.token).participant.me({ sessionId })).participant.key).toBe('p1');
  });

  it('makes a new participant link: the old one stops working, those who joined keep theirs', async () => {
    const { created, sessionId, facilitator, participants } = await createAnsweredSession(db(), { count: 1 });
    const renewed = await facilitator.session.renewInvite({ sessionId });
    expect(renewed.token).not.toBe(created.invite.token);
    expect(renewed.path).toBe(`/join/${sessionId}#key=${renewed.token}`);
    await expect(callerFor(db(), created.invite.token).session.get({ sessionId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await callerFor(db(), renewed.token).session.get({ sessionId })).access.role).toBe('invite');
    const joined = await callerFor(db(), renewed.token).participant.join({ sessionId, displayName: 'Late', stakeholderGroup: 'finance' });
    expect((await callerFor(db(), joined.token).participant.me({ sessionId })).participant.displayName).toBe('Late');
    expect((await participants[0]!.caller.participant.me({ sessionId })).participant.key).toBe('p1');
  });
});

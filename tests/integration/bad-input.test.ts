import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { TRPCError } from '@trpc/server';
import { expect, it } from 'vitest';
import { ZodError } from 'zod';
import { AppError } from '~/server/errors';
import { createTRPCContext } from '~/server/trpc/context';
import { appRouter } from '~/server/trpc/root';
import { callerFor, describeOnEveryEngine } from './harness';
import { comparable, createAnsweredSession } from './fixtures/flow';

/** The field a refused call names: the zod issue path, or the AppError's field. */
async function refusedField(call: Promise<unknown>): Promise<{ code: string; fields: string[]; message: string }> {
  const error = await call.then(
    () => {
      throw new Error('the call was accepted');
    },
    (e: unknown) => e,
  );
  if (!(error instanceof TRPCError)) throw error;
  const cause = error.cause;
  const fields =
    cause instanceof ZodError
      ? cause.issues.map((issue) => issue.path.join('.'))
      : cause instanceof AppError && cause.field
        ? [cause.field]
        : [];
  return { code: error.code, fields, message: error.message };
}

describeOnEveryEngine('bad input', (database) => {
  const db = () => database().handle.db;

  it('is refused with the field and the reason, and changes nothing saved before', async () => {
    const { sessionId, facilitator, invite, participants } = await createAnsweredSession(db(), { count: 1 });
    const participant = participants[0]!.caller;
    await facilitator.profile.save({ sessionId, profile: { ratings: { 'market-dynamics': 4 }, regionalPriorities: {} } });
    const before = await facilitator.session.export({ sessionId });

    const cases: Array<[() => Promise<unknown>, string, string]> = [
      [() => participant.judgment.save({ sessionId, nodeKey: 'goal', a: 'economic-growth', b: 'social-development', position: 9 }), 'BAD_REQUEST', 'position'],
      [() => participant.judgment.save({ sessionId, nodeKey: 'goal', a: 'economic-growth', b: 'social-development', position: 1.5 }), 'BAD_REQUEST', 'position'],
      [() => participant.judgment.save({ sessionId, nodeKey: 'goal', a: 'economic-growth', b: 'economic-growth', position: 2 }), 'BAD_REQUEST', 'b'],
      [() => participant.judgment.save({ sessionId, nodeKey: 'no-such-node', a: 'economic-growth', b: 'social-development', position: 2 }), 'BAD_REQUEST', 'nodeKey'],
      [() => participant.judgment.save({ sessionId, nodeKey: 'goal', a: 'hubbing', b: 'social-development', position: 2 }), 'BAD_REQUEST', 'a'],
      [() => participant.judgment.save({ sessionId, nodeKey: 'goal', a: 'Economic Growth', b: 'social-development', position: 2 }), 'BAD_REQUEST', 'a'],
      [() => participant.judgment.saveRating({ sessionId, criterionKey: 'economic-growth', alternativeKey: 'hubbing', intensity: 'huge' as never }), 'BAD_REQUEST', 'intensity'],
      [() => invite.participant.join({ sessionId, displayName: 'x'.repeat(81), stakeholderGroup: 'finance' }), 'BAD_REQUEST', 'displayName'],
      [() => invite.participant.join({ sessionId, displayName: 'Bob', stakeholderGroup: 'students' as never }), 'BAD_REQUEST', 'stakeholderGroup'],
      [() => facilitator.session.update({ sessionId, expectedVersion: 1, title: '   ' }), 'BAD_REQUEST', 'title'],
      [() => facilitator.session.update({ sessionId, expectedVersion: 1, maxParticipants: 10_001 }), 'BAD_REQUEST', 'maxParticipants'],
      [() => facilitator.session.update({ sessionId, expectedVersion: 1, maxParticipants: 0 }), 'BAD_REQUEST', 'maxParticipants'],
      [() => facilitator.session.update({ sessionId, expectedVersion: 0 }), 'BAD_REQUEST', 'expectedVersion'],
      [() => facilitator.session.update({ sessionId, expectedVersion: 1, methodSettings: { method: 'power' as never } }), 'BAD_REQUEST', 'methodSettings.method'],
      [() => facilitator.model.addCriterion({ sessionId, expectedVersion: 1, parentKey: null, name: {} }), 'BAD_REQUEST', 'name'],
      [() => facilitator.model.addCriterion({ sessionId, expectedVersion: 1, parentKey: null, key: 'goal', name: { en: 'Goal' } }), 'BAD_REQUEST', 'key'],
      [() => facilitator.model.addCriterion({ sessionId, expectedVersion: 1, parentKey: null, name: { en: 'y'.repeat(201) } }), 'BAD_REQUEST', 'name.en'],
      [() => facilitator.model.reorderAlternatives({ sessionId, expectedVersion: 1, orderedKeys: Array.from({ length: 21 }, (_, i) => `s${i}`) }), 'BAD_REQUEST', 'orderedKeys'],
      [() => facilitator.model.reorderAlternatives({ sessionId, expectedVersion: 1, orderedKeys: ['hubbing', 'hubbing', 'integration'] }), 'BAD_REQUEST', 'orderedKeys'],
      [() => facilitator.profile.save({ sessionId, profile: { ratings: { 'market-dynamics': 6 }, regionalPriorities: {} } }), 'BAD_REQUEST', 'profile.ratings.market-dynamics'],
      [() => facilitator.profile.save({ sessionId, profile: { ratings: { 'weather': 3 }, regionalPriorities: {} } }), 'BAD_REQUEST', 'profile.ratings.weather'],
      [() => facilitator.session.delete({ sessionId, confirmTitle: 'wrong' }), 'BAD_REQUEST', 'confirmTitle'],
      [() => facilitator.session.get({ sessionId: 'not-a-uuid' }), 'BAD_REQUEST', 'sessionId'],
      [() => callerFor(db()).session.list({ tokens: Array.from({ length: 101 }, () => 'a'.repeat(43)) }), 'BAD_REQUEST', 'tokens'],
      [() => callerFor(db()).session.create({ title: '' }), 'BAD_REQUEST', 'title'],
      [() => callerFor(db()).session.create({ title: 'Unknown model', modelKey: 'no-such-model' }), 'NOT_FOUND', 'modelKey'],
    ];
    for (const [call, code, field] of cases) {
      const refused = await refusedField(call());
      expect({ code: refused.code, fields: refused.fields }, refused.message).toEqual({ code, fields: [field] });
      expect(refused.message.length).toBeGreaterThan(5);
    }

    const tampered = structuredClone(before);
    tampered.participants[0]!.judgments[0]!.a = 'no-such-element';
    const refusedImport = await refusedField(callerFor(db()).session.import({ data: tampered }));
    expect(refusedImport).toMatchObject({ code: 'BAD_REQUEST', fields: ['data.participants.0.judgments.0.a'] });

    expect(comparable(await facilitator.session.export({ sessionId }))).toEqual(comparable(before));
  });

  it('comes back over HTTP with the message naming the field and the flattened zod errors for forms', async () => {
    const { sessionId, participants } = await createAnsweredSession(db(), { count: 1 });
    const token = participants[0]!.token;
    const response = await fetchRequestHandler({
      endpoint: '/api/trpc',
      req: new Request('http://localhost/api/trpc/judgment.save', {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ json: { sessionId, nodeKey: 'goal', a: 'economic-growth', b: 'social-development', position: 12 } }),
      }),
      router: appRouter,
      createContext: ({ req }) => createTRPCContext({ headers: req.headers, db: db() }),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { json: { message: string; data: Record<string, unknown> } } };
    expect(body.error.json.message).toMatch(/^position: /);
    expect(body.error.json.data.zodError).toMatchObject({ fieldErrors: { position: [expect.any(String)] } });

    const wrongNode = await fetchRequestHandler({
      endpoint: '/api/trpc',
      req: new Request('http://localhost/api/trpc/judgment.save', {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ json: { sessionId, nodeKey: 'nowhere', a: 'economic-growth', b: 'social-development', position: 1 } }),
      }),
      router: appRouter,
      createContext: ({ req }) => createTRPCContext({ headers: req.headers, db: db() }),
    });
    const wrongBody = (await wrongNode.json()) as { error: { json: { data: Record<string, unknown> } } };
    expect(wrongBody.error.json.data.appError).toEqual({ code: 'INVALID_INPUT', field: 'nodeKey' });
  });
});

import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DbHandle, createDb } from '~/db/client';
import { callerFor, hasPostgres, openTestDatabase, type TestDatabase } from './harness';
import { runAppProcess } from './fixtures/spawn-app';

const title = 'two app instances on one PostgreSQL database';

describe.skipIf(!hasPostgres)(`${title}${hasPostgres ? '' : ' [PostgreSQL: skipped, TEST_DATABASE_URL is not set]'}`, { timeout: 120_000 }, () => {
  let database: TestDatabase;
  let second: DbHandle;
  beforeAll(async () => {
    database = await openTestDatabase('postgresql');
    second = createDb(database.url);
  });
  afterAll(async () => {
    await second?.close();
    await database?.close();
  });

  it('reads through one instance (a separate process) what was saved through the other, and back', async () => {
    const first = database.handle.db;
    const created = await callerFor(first).session.create({ title: 'Shared by two instances' });
    const sessionId = created.sessionId;
    const joined = await callerFor(first, created.invite.token).participant.join({
      sessionId,
      displayName: 'Across instances',
      stakeholderGroup: 'government',
    });
    await callerFor(first, joined.token).judgment.save({ sessionId, nodeKey: 'goal', a: 'economic-growth', b: 'social-development', position: 4 });

    const seenByOther = await runAppProcess<{ judgments: Array<{ nodeKey: string; a: string; b: string; position: number }> }>([
      'answer',
      database.url,
      sessionId,
      joined.token,
      'goal',
      'jobs-quality-of-life',
      'economic-growth',
      '-3',
    ]);
    expect(seenByOther.judgments.map((j) => [j.a, j.b, j.position]).sort()).toEqual([
      ['economic-growth', 'social-development', 4],
      ['jobs-quality-of-life', 'economic-growth', -3],
    ]);
    const seenByFirst = await callerFor(first, joined.token).participant.me({ sessionId });
    expect(seenByFirst.judgments).toHaveLength(2);
    expect(seenByFirst.judgments.find((j) => j.a === 'jobs-quality-of-life')?.position).toBe(-3);
  });

  it('lets only one of two simultaneous edits made on the same version through', async () => {
    const created = await callerFor(database.handle.db).session.create({ title: 'Race' });
    const sessionId = created.sessionId;
    const edits = await Promise.allSettled(
      [database.handle.db, second.db].map((db, n) =>
        callerFor(db, created.facilitator.token).model.renameCriterion({
          sessionId,
          expectedVersion: 1,
          key: 'economic-growth',
          name: { en: `Edited through instance ${n + 1}` },
        }),
      ),
    );
    const codes = edits.map((e) => (e.status === 'fulfilled' ? 'OK' : e.reason instanceof TRPCError ? e.reason.code : 'ERROR'));
    expect(codes.sort()).toEqual(['CONFLICT', 'OK']);
    const session = await callerFor(second.db, created.facilitator.token).session.get({ sessionId });
    expect(session.version).toBe(2);
  });

  it('never lets two simultaneous joins through two instances overfill a session', async () => {
    const created = await callerFor(database.handle.db).session.create({ title: 'One seat', maxParticipants: 1 });
    const joins = await Promise.allSettled(
      [database.handle.db, second.db].map((db, n) =>
        callerFor(db, created.invite.token).participant.join({
          sessionId: created.sessionId,
          displayName: `Instance ${n + 1}`,
          stakeholderGroup: 'finance',
        }),
      ),
    );
    expect(joins.filter((j) => j.status === 'fulfilled')).toHaveLength(1);
    const list = await callerFor(second.db, created.facilitator.token).participant.list({ sessionId: created.sessionId });
    expect(list.map((p) => p.key)).toEqual(['p1']);
  });
});

import { eq } from 'drizzle-orm';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { judgments, participants, ratings, workshops } from '~/db/schema';
import { callerFor, describeOnEveryEngine, hasPostgres, openTestDatabase } from './harness';

/**
 * The answer path as a workshop of 200 runs it, about 100 saves a second: one read and one write statement per
 * answer (the model comes from a per-version cache), the participant's last-answer time and the session's event
 * written by the answer's own statement.
 */
describeOnEveryEngine('saving an answer', (database) => {
  const db = () => database().handle.db;

  it('stores the answer, marks the participant as having answered, and raises one event per save', async () => {
    const created = await callerFor(db()).session.create({ title: 'Answer path', alternativeScoring: 'ratings' });
    const sessionId = created.sessionId;
    const joined = await callerFor(db(), created.invite.token).participant.join({ sessionId, displayName: 'Ada', stakeholderGroup: 'finance' });
    const phone = callerFor(db(), joined.token);
    const seqOf = async () => (await db().select().from(workshops).where(eq(workshops.sessionId, sessionId)))[0]?.eventSeq ?? 0;
    const before = await seqOf();

    await phone.judgment.save({ sessionId, nodeKey: 'goal', a: 'economic-growth', b: 'social-development', position: 3 });
    await phone.judgment.save({ sessionId, nodeKey: 'goal', a: 'social-development', b: 'economic-growth', position: 2 });
    const rating = await phone.judgment.saveRating({ sessionId, criterionKey: 'economic-growth', alternativeKey: 'hubbing', intensity: 'high' });

    expect(await seqOf()).toBe(before + 3);
    const stored = await db().select().from(judgments).where(eq(judgments.participantId, joined.participantId));
    expect(stored.map((j) => [j.aKey, j.bKey, j.position])).toEqual([['social-development', 'economic-growth', 2]]);
    const rated = await db().select().from(ratings).where(eq(ratings.participantId, joined.participantId));
    expect(rated.map((r) => r.intensity)).toEqual(['high']);
    expect(rating).toMatchObject({ criterionKey: 'economic-growth', alternativeKey: 'hubbing', intensity: 'high', round: 1 });
    const [participant] = await db().select().from(participants).where(eq(participants.id, joined.participantId));
    expect(participant!.lastAnswerAt).toBeInstanceOf(Date);
  });

  it('checks answers against the model as edited, not as first read', async () => {
    const created = await callerFor(db()).session.create({ title: 'Edited while answering' });
    const sessionId = created.sessionId;
    const facilitator = callerFor(db(), created.facilitator.token);
    const joined = await callerFor(db(), created.invite.token).participant.join({ sessionId, displayName: 'Bo', stakeholderGroup: 'government' });
    const phone = callerFor(db(), joined.token);
    await phone.judgment.save({ sessionId, nodeKey: 'goal', a: 'economic-growth', b: 'social-development', position: 1 });

    const newKey = 'digital-readiness';
    const answerAboutIt = () => phone.judgment.save({ sessionId, nodeKey: 'goal', a: 'economic-growth', b: newKey, position: 2 });
    await expect(answerAboutIt()).rejects.toMatchObject({ code: 'BAD_REQUEST' });

    const added = await facilitator.model.addCriterion({ sessionId, expectedVersion: 1, parentKey: null, key: newKey, name: { en: 'Digital readiness' } });
    expect(added.version).toBe(2);
    await expect(answerAboutIt()).resolves.toMatchObject({ b: newKey });

    await facilitator.model.removeCriterion({ sessionId, expectedVersion: 2, key: newKey });
    await expect(answerAboutIt()).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});

describe.skipIf(!hasPostgres)(
  `an answer waiting for the session lock while its participant is removed${hasPostgres ? '' : ' [PostgreSQL: skipped, TEST_DATABASE_URL is not set]'}`,
  () => {
    it('is refused as NOT_FOUND, and nothing of it is stored', async () => {
      const database = await openTestDatabase('postgresql');
      const blocker = new pg.Client({ connectionString: database.url });
      try {
        const db = database.handle.db;
        const created = await callerFor(db).session.create({ title: 'Removed mid-answer' });
        const sessionId = created.sessionId;
        const joined = await callerFor(db, created.invite.token).participant.join({ sessionId, displayName: 'Cy', stakeholderGroup: 'finance' });

        // Holds the session row as a facilitator's removal does, so the answer waits for it after its access check.
        await blocker.connect();
        await blocker.query('begin');
        await blocker.query('select id from sessions where id = $1 for update', [sessionId]);
        const answer = callerFor(db, joined.token)
          .judgment.save({ sessionId, nodeKey: 'goal', a: 'economic-growth', b: 'social-development', position: 4 })
          .then(
            () => 'saved',
            (error: { code?: string; message?: string }) => `${error.code}: ${error.message}`,
          );
        for (let waited = 0; waited < 10_000; waited += 50) {
          const { rows } = await blocker.query<{ n: string }>(
            "select count(*) as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'",
          );
          if (Number(rows[0]!.n) > 0) break;
          await new Promise((r) => setTimeout(r, 50));
        }
        await blocker.query('delete from participants where id = $1', [joined.participantId]);
        await blocker.query('commit');

        expect(await answer).toBe('NOT_FOUND: You are no longer a participant of this session.');
        const left = await db.select().from(judgments).where(eq(judgments.sessionId, sessionId));
        expect(left).toEqual([]);
      } finally {
        await blocker.end().catch(() => undefined);
        await database.close();
      }
    });
  },
);

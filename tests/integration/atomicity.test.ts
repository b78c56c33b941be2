import { count, eq, sql } from 'drizzle-orm';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { criteria, judgments, participants, sessions } from '~/db/schema';
import { callerFor, describeOnEveryEngine } from './harness';
import { comparable, createAnsweredSession } from './fixtures/flow';

/**
 * A real failure inside the transaction, raised by the database itself at the last write of a save (the audit
 * entry), after the earlier writes of the same save have run.
 */
const INSTALL_FAILURE = [
  sql.raw(`
    create or replace function fail_marked_audit_entry() returns trigger language plpgsql as $$
    begin
      if new.action in ('criterion.removed', 'test.fail-here') then
        raise exception 'simulated crash in the middle of a save';
      end if;
      return new;
    end $$`),
  sql.raw(`
    create trigger fail_marked_audit_entry before insert on audit_log
      for each row execute function fail_marked_audit_entry()`),
];
const REMOVE_FAILURE = [
  sql.raw('drop trigger if exists fail_marked_audit_entry on audit_log'),
  sql.raw('drop function if exists fail_marked_audit_entry()'),
];

describeOnEveryEngine('a save that fails half-way', (database) => {
  const db = () => database().handle.db;

  beforeEach(async () => {
    for (const statement of INSTALL_FAILURE) await db().execute(statement);
  });
  afterEach(async () => {
    for (const statement of REMOVE_FAILURE) await db().execute(statement);
  });

  it('leaves a model edit wholly undone: criterion, answers and version as before', async () => {
    const { sessionId, facilitator, participants: joined } = await createAnsweredSession(db(), { count: 1 });
    const before = await facilitator.session.export({ sessionId });
    const edit = facilitator.model.removeCriterion({ sessionId, expectedVersion: 1, key: 'economic-growth' });
    await expect(edit).rejects.toMatchObject({ code: 'INTERNAL_SERVER_ERROR' });
    expect(comparable(await facilitator.session.export({ sessionId }))).toEqual(comparable(before));
    const [left] = await db()
      .select({ n: count() })
      .from(judgments)
      .where(eq(judgments.participantId, joined[0]!.participantId));
    expect(left?.n).toBe(before.participants[0]!.judgments.length);
  });

  it('leaves an import wholly undone: no session, participant or answer of it remains', async () => {
    const { sessionId, facilitator } = await createAnsweredSession(db(), { title: 'To be imported', count: 2 });
    const data = await facilitator.session.export({ sessionId });
    data.session.title = 'Half-imported';
    data.auditLog.push({ actor: 'test', action: 'test.fail-here', detail: {}, sessionVersion: 1, createdAt: new Date().toISOString() });
    const totals = async () => ({
      sessions: (await db().select({ n: count() }).from(sessions))[0]?.n,
      criteria: (await db().select({ n: count() }).from(criteria))[0]?.n,
      participants: (await db().select({ n: count() }).from(participants))[0]?.n,
      judgments: (await db().select({ n: count() }).from(judgments))[0]?.n,
    });
    const before = await totals();
    await expect(callerFor(db()).session.import({ data })).rejects.toMatchObject({ code: 'INTERNAL_SERVER_ERROR' });
    expect(await totals()).toEqual(before);
    expect(await db().select().from(sessions).where(eq(sessions.title, 'Half-imported'))).toEqual([]);
  });
});

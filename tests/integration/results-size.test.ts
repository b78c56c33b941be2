import { expect, it } from 'vitest';
import { createAnsweredSession } from './fixtures/flow';
import { describeOnEveryEngine } from './harness';

/** The bytes of the group result the results page reads, as JSON. */
async function groupResultBytes(db: Parameters<typeof createAnsweredSession>[0], count: number): Promise<number> {
  const { sessionId, facilitator } = await createAnsweredSession(db, { count });
  await facilitator.result.compute({ sessionId });
  const { group } = await facilitator.result.get({ sessionId });
  if (!group) throw new Error('expected a group result');
  return JSON.stringify(group.result).length;
}

describeOnEveryEngine('result.get at scale', (database) => {
  it('sends a group result whose size does not grow with the number of participants', { timeout: 120_000 }, async () => {
    const few = await groupResultBytes(database().handle.db, 4);
    const many = await groupResultBytes(database().handle.db, 24);
    // Six times the people; only the digits of the figures may differ. The full stored result grows by about 6 KB a person.
    expect(Math.abs(many - few)).toBeLessThan(few * 0.05);
  });
});

import { expect, test } from '@playwright/test';
import pg from 'pg';
import { type ApiClient, createApiClient, errorCodeOf } from '../../bench/support/api-client';
import { type AppServer, setUpDatabase, startAppServer } from '../../bench/support/app-server';
import { type ScratchDatabase, createScratchPostgres } from '../../bench/support/scratch-postgres';
import type { Problem } from '../../core/contracts/problem';
import { type GroupHierarchyResult, createRng, evaluate, ratioToNearestPosition } from '../../core/index';
import { env } from '../../server/env.js';

/**
 * An app instance dies (SIGKILL, as a crash or the OOM killer would) while a room is answering, and nothing
 * that was acknowledged is lost. API only, on the production build (`npm test` builds it first).
 *
 * Two app instances (server.mjs) share a fresh PostgreSQL database on the server TEST_DATABASE_URL names. Thirty
 * participants join through instance A and answer their whole questionnaire there (pairwise scoring: 15 pairs of
 * criteria and 3 pairs of strategies under each of the 6 criteria), starting one after the other so that at any
 * moment some are done, some halfway, some not started. When about 40% of the answers are acknowledged, A is
 * killed. Then:
 *   - every save A acknowledged (a response reached the phone) is in the database, with its value; the only other
 *     rows are saves cut off by the kill (sent, no response), which may or may not have committed;
 *   - the cut-off saves are retried through instance B, as a phone retries a failed request, and replace rather
 *     than duplicate whatever committed;
 *   - the group result computed on B counts exactly the participants whose acknowledged answers link every node,
 *     and equals the engine's result (`evaluate`, run here) on exactly the acknowledged answers.
 */

type Judgment = { nodeKey: string; a: string; b: string; position: number };
type Save = { participantKey: string; input: Judgment; outcome: 'pending' | 'acknowledged' | 'cut-off' };

const PARTICIPANTS = 30;
const START_EVERY_MS = 100;
const KILL_AT_FRACTION = 0.4;

const answerKey = (participantKey: string, j: Pick<Judgment, 'nodeKey' | 'a' | 'b'>) =>
  `${participantKey}/${j.nodeKey}/${[j.a, j.b].sort().join('|')}`;

/** Whether judgments on `pairs` link every element (union-find): what the engine needs to compute a node. */
function linksAll(elements: string[], pairs: Array<[string, string]>): boolean {
  const parent = new Map(elements.map((e) => [e, e]));
  const root = (e: string): string => (parent.get(e) === e ? e : root(parent.get(e)!));
  for (const [a, b] of pairs) parent.set(root(a), root(b));
  return new Set(elements.map(root)).size === 1;
}

test.describe('an app instance killed under load', () => {
  test.skip(!env.TEST_DATABASE_URL, 'needs PostgreSQL: set TEST_DATABASE_URL (several app instances share one PostgreSQL database)');

  test('loses no acknowledged answer, and the other instance counts every one in the group result', async () => {
    test.setTimeout(120_000);
    let database: ScratchDatabase | null = null;
    const servers: AppServer[] = [];
    try {
      database = await createScratchPostgres(env.TEST_DATABASE_URL!, { prefix: 'clusterwise_e2e' });
      // The phones here answer far faster than people; the rate limits have their own tests.
      const appEnv = { ...process.env, DATABASE_URL: database.url, RATE_LIMITS: 'off' };
      await setUpDatabase(appEnv);
      const started = await Promise.allSettled([startAppServer({ env: appEnv }), startAppServer({ env: appEnv })]);
      for (const result of started) if (result.status === 'fulfilled') servers.push(result.value);
      for (const result of started) if (result.status === 'rejected') throw result.reason;
      const [instanceA, instanceB] = servers as [AppServer, AppServer];

      const created = await createApiClient(instanceA.baseUrl).session.create.mutate({ title: 'Instance kill' });
      const sessionId = created.sessionId;
      const onA = createApiClient(instanceA.baseUrl, created.facilitator.token);
      await onA.session.open.mutate({ sessionId });
      const session = await onA.session.get.query({ sessionId });
      const criteria = session.model.criteria.map((c) => c.key);
      const strategies = session.model.alternatives.map((a) => a.key);
      const nodes = new Map<string, string[]>([['goal', criteria], ...criteria.map((c): [string, string[]] => [c, strategies])]);
      // First the pairs that link every element of every node (the first element with each other one), so a phone
      // can be counted in the result half-way through, then the rest: at the kill some are computable, some not.
      const linking = [...nodes].flatMap(([nodeKey, [first, ...others]]) => others.map((b) => ({ nodeKey, a: first!, b })));
      const rest = [...nodes].flatMap(([nodeKey, elements]) =>
        elements.slice(1).flatMap((a, i) => elements.slice(i + 2).map((b) => ({ nodeKey, a, b }))),
      );
      const questions: Array<Omit<Judgment, 'position'>> = [...linking, ...rest];
      expect(questions).toHaveLength(15 + 6 * 3);

      const invite = createApiClient(instanceA.baseUrl, created.invite.token);
      const phones: Array<{ key: string; token: string; client: ApiClient }> = [];
      for (let i = 0; i < PARTICIPANTS; i++) {
        const joined = await invite.participant.join.mutate({ sessionId, displayName: `Phone ${i + 1}`, stakeholderGroup: 'enterprises' });
        phones.push({ key: joined.participantKey, token: joined.token, client: createApiClient(instanceA.baseUrl, joined.token) });
      }

      const saves: Save[] = [];
      const total = PARTICIPANTS * questions.length;
      let acknowledged = 0;
      let isKilled = false;
      let killed: () => void = () => undefined;
      const killedAt = new Promise<void>((resolve) => (killed = resolve));
      const answerAll = async (phone: (typeof phones)[number], index: number) => {
        await new Promise((r) => setTimeout(r, index * START_EVERY_MS));
        // Each phone's own view of what matters, with some noise per answer: realistic, mostly consistent judgments.
        const rng = createRng(index + 1);
        const importance = new Map([...criteria, ...strategies].map((key) => [key, Math.exp(rng.normal())]));
        for (const question of questions) {
          if (isKilled) return;
          const ratio = (importance.get(question.a)! / importance.get(question.b)!) * Math.exp(rng.normal() * 0.3);
          const save: Save = { participantKey: phone.key, input: { ...question, position: ratioToNearestPosition(ratio) }, outcome: 'pending' };
          saves.push(save);
          try {
            await phone.client.judgment.save.mutate({ sessionId, ...save.input });
            save.outcome = 'acknowledged';
            if (++acknowledged >= total * KILL_AT_FRACTION) killed();
          } catch (error) {
            if (!isKilled) throw new Error(`a save failed before the kill: ${errorCodeOf(error)}`, { cause: error });
            save.outcome = 'cut-off';
            return;
          }
          await new Promise((r) => setTimeout(r, 5 + rng.next() * 20));
        }
      };
      const load = Promise.all(phones.map(answerAll));
      await Promise.race([killedAt, load]);
      isKilled = true;
      await instanceA.kill();
      await load;

      const acked = saves.filter((s) => s.outcome === 'acknowledged');
      const cutOff = saves.filter((s) => s.outcome === 'cut-off');
      expect(saves.some((s) => s.outcome === 'pending')).toBe(false);
      expect(acked.length).toBeGreaterThanOrEqual(total * KILL_AT_FRACTION);
      expect(acked.length).toBeLessThan(total);

      const readRows = async () => {
        const client = new pg.Client({ connectionString: database!.url });
        await client.connect();
        try {
          const { rows } = await client.query<{ key: string; node_key: string; a_key: string; b_key: string; position: number }>(
            `select p.key, j.node_key, j.a_key, j.b_key, j.position
               from judgments j join participants p on p.id = j.participant_id
              where j.session_id = $1`,
            [sessionId],
          );
          return new Map(rows.map((r) => [answerKey(r.key, { nodeKey: r.node_key, a: r.a_key, b: r.b_key }), r.position]));
        } finally {
          await client.end();
        }
      };

      // Every acknowledged save is stored with its value; anything else stored is a save the kill cut off.
      const afterKill = await readRows();
      for (const save of acked) expect(afterKill.get(answerKey(save.participantKey, save.input)), 'an acknowledged answer').toBe(save.input.position);
      const cutOffKeys = new Set(cutOff.map((s) => answerKey(s.participantKey, s.input)));
      const ackedKeys = new Set(acked.map((s) => answerKey(s.participantKey, s.input)));
      const unexplained = [...afterKill.keys()].filter((key) => !ackedKeys.has(key) && !cutOffKeys.has(key));
      expect(unexplained).toEqual([]);

      const committedCutOff = cutOff.filter((s) => afterKill.has(answerKey(s.participantKey, s.input))).length;
      console.log(
        `killed instance A after ${acked.length} of ${total} answers were acknowledged; ${cutOff.length} saves were cut off ` +
          `(${committedCutOff} of them had committed)`,
      );

      // The phones retry what the kill cut off, now through B; a save that had committed is replaced, not doubled.
      for (const save of cutOff) {
        const phone = phones.find((p) => p.key === save.participantKey)!;
        await createApiClient(instanceB.baseUrl, phone.token).judgment.save.mutate({ sessionId, ...save.input });
        save.outcome = 'acknowledged';
      }
      const answers = saves.filter((s) => s.outcome === 'acknowledged');
      const stored = await readRows();
      expect(stored.size).toBe(answers.length);
      for (const save of answers) expect(stored.get(answerKey(save.participantKey, save.input))).toBe(save.input.position);

      // Who the result must count: everyone whose acknowledged answers link every node.
      const byParticipant = new Map(phones.map((p) => [p.key, answers.filter((s) => s.participantKey === p.key).map((s) => s.input)]));
      const computable = phones
        .map((p) => p.key)
        .filter((key) =>
          [...nodes].every(([nodeKey, elements]) =>
            linksAll(
              elements,
              byParticipant
                .get(key)!
                .filter((j) => j.nodeKey === nodeKey)
                .map((j): [string, string] => [j.a, j.b]),
            ),
          ),
        );
      console.log(`${computable.length} of ${PARTICIPANTS} phones had answered enough to be counted`);
      expect(computable.length).toBeGreaterThan(0);
      expect(computable.length).toBeLessThan(PARTICIPANTS);

      const computed = await createApiClient(instanceB.baseUrl, created.facilitator.token).result.compute.mutate({ sessionId });
      expect(computed.coverage.included.map((entry) => entry.participantKey).sort()).toEqual([...computable].sort());
      expect(computed.coverage.excluded.map((entry) => entry.participantKey).sort()).toEqual(
        phones.map((p) => p.key).filter((key) => !computable.includes(key)).sort(),
      );

      const method = session.settings.methodSettings;
      const problem: Problem = {
        method: method.method,
        randomIndex: method.randomIndex,
        scale: method.scale,
        completion: method.completion,
        synthesis: method.synthesis,
        aggregation: method.aggregation,
        monteCarlo: false,
        criteria: criteria.map((id) => ({ id })),
        alternatives: strategies,
        participants: computable.map((key) => ({
          id: key,
          weight: 1,
          comparisons: Object.fromEntries(
            [...nodes.keys()].map((nodeKey) => [
              nodeKey,
              { judgments: byParticipant.get(key)!.filter((j) => j.nodeKey === nodeKey).map(({ a, b, position }) => ({ a, b, position })) },
            ]),
          ),
        })),
      };
      const expected = evaluate(problem) as GroupHierarchyResult;
      const actual = computed.result as GroupHierarchyResult;
      expect(actual.ranking).toEqual(expected.ranking);
      for (const strategy of strategies) expect(actual.alternatives[strategy]).toBeCloseTo(expected.alternatives[strategy]!, 10);
      for (const criterion of criteria) expect(actual.criteria[criterion]!.global).toBeCloseTo(expected.criteria[criterion]!.global, 10);
    } finally {
      for (const server of servers) await server.stop();
      await database?.drop();
    }
  });
});

import { expect, it } from 'vitest';
import { evaluateHierarchy } from '~/core';
import { buildAgenda, buildDecisionModel, GOAL_NODE_ID, type Coverage } from '~/core/model';
import type { MethodSettings } from '~/core/contracts/method';
import type { Db } from '~/db/client';
import { callerFor, describeOnEveryEngine } from './harness';

/**
 * One fact, every surface: who a result includes, who it leaves out and why, which nodes were estimated from
 * incomplete answers, and what the consistency figures describe must read the same on the results page and the
 * report (result.get, which both show), in every export table and on the dashboard. Each case checks them all
 * against each other and against an expectation made independently of the server (the engine run directly, or
 * hand-built answers whose outcome is known).
 */

type Caller = ReturnType<typeof callerFor>;
type SessionView = Awaited<ReturnType<Caller['session']['get']>>;
type Judgment = { nodeKey: string; a: string; b: string; position: number };

/** Every pair of the session's model, in the questionnaire's order. */
function pairsOf(view: SessionView) {
  return buildAgenda(buildDecisionModel(view.model), 'pairwise').flatMap((item) => (item.kind === 'pair' ? [item] : []));
}

/** Every pair answered "equal": a perfectly consistent person (CR 0 everywhere). */
function consistentAnswers(view: SessionView): Judgment[] {
  return pairsOf(view).map((pair) => ({ ...pair, position: 0 }));
}

/**
 * Consistent everywhere except the goal, where the first three criteria go round in a circle (A over B, B over
 * C, C over A, each "extremely"): a CR far above 0.10 on the goal.
 */
function circularAnswers(view: SessionView): Judgment[] {
  const [a, b, c] = view.model.criteria.map((criterion) => criterion.key);
  const cycle = new Map([
    [`${a}|${b}`, 8],
    [`${b}|${c}`, 8],
    [`${a}|${c}`, -8],
  ]);
  return pairsOf(view).map((pair) => ({ ...pair, position: pair.nodeKey === GOAL_NODE_ID ? (cycle.get(`${pair.a}|${pair.b}`) ?? 0) : 0 }));
}

async function createSession(db: Db, options: { maxCr?: number; methodSettings?: Partial<MethodSettings> } = {}) {
  const created = await callerFor(db).session.create({ title: 'Truth on every surface', ...options });
  const facilitator = callerFor(db, created.facilitator.token);
  const invite = callerFor(db, created.invite.token);
  return { sessionId: created.sessionId, facilitator, invite };
}

async function join(db: Db, invite: Caller, sessionId: string, displayName: string, answers: (view: SessionView) => Judgment[]) {
  const joined = await invite.participant.join({ sessionId, displayName, stakeholderGroup: 'government' });
  const caller = callerFor(db, joined.token);
  const view = await caller.session.get({ sessionId });
  for (const judgment of answers(view)) await caller.judgment.save({ sessionId, ...judgment });
  return { ...joined, caller, view };
}

/** Where each participant stands, read from each surface, in one comparable shape. */
async function everySurface(facilitator: Caller, sessionId: string) {
  const page = (await facilitator.result.get({ sessionId })).group!;
  const exported = await facilitator.export.tables({ sessionId });
  const dashboard = await facilitator.workshop.dashboard({ sessionId });
  return { page, exported, dashboard };
}

function keysOf(coverage: Coverage) {
  return {
    included: coverage.included.map((entry) => entry.participantKey),
    excluded: coverage.excluded.map((entry) => [entry.participantKey, entry.exclusion.code]),
  };
}

/** The same participants in and out, for the same reasons, on the page, in the export and on the dashboard. */
function expectSurfacesAgree({ page, exported, dashboard }: Awaited<ReturnType<typeof everySurface>>) {
  expect(dashboard.group?.coverage ?? null).toEqual(page.coverage);
  for (const person of page.participants) {
    expect(dashboard.participants.find((p) => p.key === person.key)?.participation).toEqual(person.participation);
    const row = exported.tables.participants.rows.find((r) => r.key === person.key)!;
    expect(row.included).toBe(person.participation?.isIncluded ? 'yes' : 'no');
  }
  const fields = new Map(exported.tables.session.rows.map((row) => [row.field, row.value]));
  expect(fields.get('Participants included in the result')).toBe(page.counts.included);
  expect(fields.get('Participants left out of the result')).toBe(page.counts.excluded);
}

describeOnEveryEngine('one truth about who is in a result', (database) => {
  const db = () => database().handle.db;

  for (const when of ['at creation', 'on the dashboard'] as const) {
    it(`leaves out a participant above a CR limit set ${when}, and says so with their CR on every surface`, async () => {
      const { sessionId, facilitator, invite } = await createSession(db(), when === 'at creation' ? { maxCr: 0.1 } : {});
      await join(db(), invite, sessionId, 'Consistent one', consistentAnswers);
      const circular = await join(db(), invite, sessionId, 'Going in circles', circularAnswers);
      await join(db(), invite, sessionId, 'Consistent two', consistentAnswers);
      if (when === 'on the dashboard') await facilitator.workshop.setCrLimit({ sessionId, maxCr: 0.1 });
      await facilitator.result.compute({ sessionId });

      // Independently: the engine on the circular participant's answers alone gives their goal CR.
      const own = evaluateHierarchy({
        criteria: circular.view.model.criteria.map((c) => ({ id: c.key })),
        alternatives: circular.view.model.alternatives.map((a) => a.key),
        comparisons: Object.fromEntries(
          buildDecisionModel(circular.view.model).nodes.map((node) => [
            node.key,
            { judgments: circularAnswers(circular.view).filter((j) => j.nodeKey === node.key).map(({ a, b, position }) => ({ a, b, position })) },
          ]),
        ),
      });
      const goalCr = own.nodes[GOAL_NODE_ID]!.cr;
      expect(goalCr).toBeGreaterThan(0.1);

      const surfaces = await everySurface(facilitator, sessionId);
      const { page, exported } = surfaces;
      expect(keysOf(page.coverage)).toEqual({ included: ['p1', 'p3'], excluded: [['p2', 'cr-above-limit']] });
      const exclusion = page.coverage.excluded[0]!.exclusion;
      if (exclusion.code !== 'cr-above-limit') throw new Error('expected a CR exclusion');
      expect(exclusion.node).toBe(GOAL_NODE_ID);
      expect(exclusion.cr).toBeCloseTo(goalCr, 12);
      expect(exclusion.limit).toBe(0.1);
      expect(page.counts).toEqual({ included: 2, excluded: 1 });
      expect(page.recommendation.includedCount).toBe(2);
      expectSurfacesAgree(surfaces);
      const note = exported.tables.participants.rows.find((r) => r.key === 'p2')!.note;
      expect(note).toBe(`Left out: CR ${goalCr.toFixed(2)} under Criteria, compared for the goal is above the limit 0.10`);
    });
  }

  it('marks the nodes a participant skipped as estimated, for them and for the group, on every surface', async () => {
    const { sessionId, facilitator, invite } = await createSession(db());
    let skipped: Judgment | null = null;
    const partial = await join(db(), invite, sessionId, 'Skipped one', (view) => {
      const all = consistentAnswers(view);
      skipped = all[1]!;
      return all.filter((j) => j !== skipped);
    });
    await join(db(), invite, sessionId, 'Answered all', consistentAnswers);
    expect(skipped!.nodeKey).toBe(GOAL_NODE_ID);
    const criteriaCount = partial.view.model.criteria.length;
    const goalPairs = (criteriaCount * (criteriaCount - 1)) / 2;
    const estimation = { node: GOAL_NODE_ID, answered: goalPairs - 1, required: goalPairs, method: 'optimal' };

    // The participant's own view: progress, own result, own export.
    const me = await partial.caller.participant.me({ sessionId });
    expect(me.progress).toMatchObject({ isComplete: false, isComputable: true, estimatedNodes: [GOAL_NODE_ID] });
    const mine = await partial.caller.result.computeMine({ sessionId });
    expect(mine.coverage.included).toEqual([{ participantKey: 'p1', estimated: [estimation] }]);
    expect(mine.result.nodes[GOAL_NODE_ID]!.completion?.values).toHaveLength(1);
    const ownExport = await partial.caller.export.tables({ sessionId, scope: 'own' });
    const ownGoal = ownExport.tables.consistency.rows.find((r) => r.nodeKey === GOAL_NODE_ID)!;
    expect(ownGoal).toMatchObject({ estimated: 'yes', completion: 'optimal completion (Bozóki, Fülöp and Rónyai)' });
    expect(ownExport.tables.consistency.rows.filter((r) => r.nodeKey !== GOAL_NODE_ID).every((r) => r.estimated === 'no')).toBe(true);

    // The group: p1 is in, with the goal estimated; p2 is in whole.
    await facilitator.result.compute({ sessionId });
    const surfaces = await everySurface(facilitator, sessionId);
    expect(surfaces.page.coverage.included).toEqual([
      { participantKey: 'p1', estimated: [estimation] },
      { participantKey: 'p2', estimated: [] },
    ]);
    expectSurfacesAgree(surfaces);
    expect(surfaces.exported.tables.participants.rows.find((r) => r.key === 'p1')!.note).toBe(
      'Included; estimated from incomplete answers under Criteria, compared for the goal',
    );
    const p1Goal = surfaces.exported.tables.consistency.rows.find((r) => r.participantKey === 'p1' && r.nodeKey === GOAL_NODE_ID)!;
    expect(p1Goal.estimated).toBe('yes');
  });

  it('names the AIJ matrix as what the group consistency describes under AIP, and gives AIP weights', async () => {
    const { sessionId, facilitator, invite } = await createSession(db(), { methodSettings: { aggregation: 'aip' } });
    const seeds = [1, 2, 3];
    const joined = [];
    for (const seed of seeds) {
      joined.push(
        await join(db(), invite, sessionId, `Participant ${seed}`, (view) =>
          // Varied, mildly inconsistent answers: positions -2..2 from the pair and the seed.
          pairsOf(view).map((pair, index) => ({ ...pair, position: ((index * 7 + seed * 3) % 5) - 2 })),
        ),
      );
    }
    const computed = await facilitator.result.compute({ sessionId });
    if (computed.result.kind !== 'group-hierarchy') throw new Error('expected a group result');
    expect(computed.result.aggregation).toBe('aip');
    expect(computed.result.consistencyOf).toBe('aggregated-judgments');

    // Independently: AIP is the normalised weighted geometric mean of each participant's own goal weights.
    const own = computed.result.participants.map((p) => p.nodes[GOAL_NODE_ID]!.weights);
    const keys = Object.keys(own[0]!);
    const geometric = keys.map((key) => Math.exp(own.reduce((sum, weights) => sum + Math.log(weights[key]!), 0) / own.length));
    const total = geometric.reduce((sum, value) => sum + value, 0);
    keys.forEach((key, i) => expect(computed.result.nodes[GOAL_NODE_ID]!.weights[key]).toBeCloseTo(geometric[i]! / total, 12));

    const surfaces = await everySurface(facilitator, sessionId);
    expectSurfacesAgree(surfaces);
    const groupGoal = surfaces.exported.tables.consistency.rows.find((r) => r.participantKey === null && r.nodeKey === GOAL_NODE_ID)!;
    expect(groupGoal.judgments).toBe("the group's combined judgments (AIJ matrix)");
    expect(groupGoal.cr).toBe(computed.result.nodes[GOAL_NODE_ID]!.cr);
    const ownGoal = surfaces.exported.tables.consistency.rows.find((r) => r.participantKey === 'p1' && r.nodeKey === GOAL_NODE_ID)!;
    expect(ownGoal.judgments).toBe('their own judgments');
    const fields = new Map(surfaces.exported.tables.session.rows.map((row) => [row.field, row.value]));
    expect(fields.get('Consistency figures describe')).toBe("the group's combined judgments (AIJ matrix)");
  });

  it('gives a nested own result whose main criteria and leaf criteria each add up to one, as exported', async () => {
    const { sessionId, facilitator, invite } = await createSession(db());
    // Nest the second and third criteria under the first while the session is a draft.
    const view = await facilitator.session.get({ sessionId });
    const [first, second, third] = view.model.criteria;
    let version = view.version;
    version = (await facilitator.model.moveCriterion({ sessionId, expectedVersion: version, key: second!.key, newParentKey: first!.key })).version;
    await facilitator.model.moveCriterion({ sessionId, expectedVersion: version, key: third!.key, newParentKey: first!.key });
    const person = await join(db(), invite, sessionId, 'Nested', (nested) =>
      pairsOf(nested).map((pair, index) => ({ ...pair, position: (index % 3) - 1 })),
    );
    const mine = await person.caller.result.computeMine({ sessionId });
    if (mine.result.kind !== 'hierarchy') throw new Error('expected an own result');
    const model = buildDecisionModel(person.view.model);
    const sum = (keys: readonly string[]) => keys.reduce((total, key) => total + mine.result.criteria[key]!.global, 0);
    expect(model.criteria.some((c) => c.depth === 2)).toBe(true);
    expect(sum(model.roots.map((c) => c.key))).toBeCloseTo(1, 12);
    expect(sum(model.leafKeys)).toBeCloseTo(1, 12);
    // Parents and children together would count the nested criteria twice.
    expect(sum(model.criteria.map((c) => c.key))).toBeGreaterThan(1.01);

    const exported = await person.caller.export.tables({ sessionId, scope: 'own' });
    const rows = exported.tables.criteriaWeights.rows;
    expect(rows.map((r) => r.key)).toEqual(model.criteria.map((c) => c.key));
    for (const row of rows) {
      expect(row.global).toBe(mine.result.criteria[row.key]!.global);
      expect(row.level).toBe(model.criterion(row.key)!.depth);
    }
  });
});

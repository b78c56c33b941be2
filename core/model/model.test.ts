import { describe, expect, it } from 'vitest';
import { evaluate } from '../evaluate';
import {
  GOAL_NODE_ID,
  ModelSpecError,
  assessParticipant,
  buildAgenda,
  buildDecisionModel,
  completeCoverage,
  computeProgress,
  findModelSpecIssues,
  flipPosition,
  isSameItem,
  itemKey,
  missingItems,
  pairKey,
  participationIn,
  subtreeHeight,
  subtreeKeys,
  upgradeStoredResult,
  type LegacyCoverage,
  type LegacySessionResult,
} from './index';
import { evaluateGroup, evaluateIndividual, type ComputationSettings } from './evaluate-session';

type Spec = { key: string; name: string; children: Spec[] };
const leaf = (key: string): Spec => ({ key, name: key.toUpperCase(), children: [] });
const branch = (key: string, children: Spec[]): Spec => ({ key, name: key.toUpperCase(), children });

/** goal: econ (leaf), social (jobs, health), env (leaf); strategies s1..s3. */
const nested = buildDecisionModel({
  criteria: [leaf('econ'), branch('social', [leaf('jobs'), leaf('health')]), leaf('env')],
  alternatives: [{ key: 's1' }, { key: 's2' }, { key: 's3' }],
});

const SETTINGS: ComputationSettings = {
  methodSettings: { scale: 'saaty', method: 'eigenvector', randomIndex: 'saaty-1980', completion: 'optimal', aggregation: 'aij', synthesis: 'distributive', monteCarloModel: 'spread' },
  alternativeScoring: 'pairwise',
  stakeholderWeights: {},
  maxCr: null,
};

describe('the decision model', () => {
  it('lists the goal, the criteria nodes in reading order, then the leaf criteria in reading order', () => {
    expect(nested.nodes.map((n) => [n.key, n.kind, n.elementKeys.join(',')])).toEqual([
      [GOAL_NODE_ID, 'criteria', 'econ,social,env'],
      ['social', 'criteria', 'jobs,health'],
      ['econ', 'alternatives', 's1,s2,s3'],
      ['jobs', 'alternatives', 's1,s2,s3'],
      ['health', 'alternatives', 's1,s2,s3'],
      ['env', 'alternatives', 's1,s2,s3'],
    ]);
    expect(nested.leafKeys).toEqual(['econ', 'jobs', 'health', 'env']);
  });

  it('keeps the criteria in pre-order with depth, parent and path, and the caller’s own objects', () => {
    expect(nested.criteria.map((c) => [c.key, c.depth, c.parentKey, c.path.join('/'), c.isLeaf])).toEqual([
      ['econ', 1, 'goal', 'econ', true],
      ['social', 1, 'goal', 'social', false],
      ['jobs', 2, 'social', 'social/jobs', true],
      ['health', 2, 'social', 'social/health', true],
      ['env', 1, 'goal', 'env', true],
    ]);
    expect(nested.criterion('jobs')?.spec.name).toBe('JOBS');
    expect(subtreeKeys(nested, 'social')).toEqual(['social', 'jobs', 'health']);
    expect(subtreeHeight(nested, 'social')).toBe(2);
    expect(nested.nodeOrder('econ')).toBeLessThan(nested.nodeOrder('env'));
    expect(nested.nodeOrder('nope')).toBe(nested.nodes.length);
  });

  it('refuses duplicate keys and the goal key, naming them', () => {
    const spec = { criteria: [leaf('a'), leaf('goal')], alternatives: [{ key: 'a' }] };
    expect(findModelSpecIssues(spec)).toEqual([
      '"goal" is reserved for the root of the hierarchy (criterion)',
      '"a" is used more than once (alternative)',
    ]);
    expect(() => buildDecisionModel(spec)).toThrow(ModelSpecError);
  });
});

describe('pairs and the agenda', () => {
  it('identifies a pair the same whichever way round', () => {
    expect(pairKey('b', 'a')).toBe('a|b');
    expect(pairKey('a', 'b')).toBe('a|b');
    expect(Object.is(flipPosition(0), 0)).toBe(true);
    expect(flipPosition(3)).toBe(-3);
    const x = { kind: 'pair' as const, nodeKey: 'goal', a: 'econ', b: 'env' };
    const y = { kind: 'pair' as const, nodeKey: 'goal', a: 'env', b: 'econ' };
    expect(isSameItem(x, y)).toBe(true);
    expect(itemKey(x)).toBe(itemKey(y));
    expect(isSameItem(x, { ...y, nodeKey: 'social' })).toBe(false);
  });

  it('asks the nodes in canonical order, pairs in element order; ratings one per strategy', () => {
    const pairwise = buildAgenda(nested, 'pairwise');
    // 3 goal pairs + 1 social pair + 4 leaves x 3 strategy pairs
    expect(pairwise).toHaveLength(3 + 1 + 12);
    expect(pairwise.slice(0, 4)).toEqual([
      { kind: 'pair', nodeKey: 'goal', a: 'econ', b: 'social' },
      { kind: 'pair', nodeKey: 'goal', a: 'econ', b: 'env' },
      { kind: 'pair', nodeKey: 'goal', a: 'social', b: 'env' },
      { kind: 'pair', nodeKey: 'social', a: 'jobs', b: 'health' },
    ]);
    const ratings = buildAgenda(nested, 'ratings');
    expect(ratings).toHaveLength(4 + 12);
    expect(ratings[4]).toEqual({ kind: 'rating', criterionKey: 'econ', alternativeKey: 's1' });
    expect(buildAgenda(nested, 'pairwise', ['social'])).toEqual([{ kind: 'pair', nodeKey: 'social', a: 'jobs', b: 'health' }]);
  });
});

describe('progress', () => {
  const goalJudgments = [
    { nodeKey: 'goal', aKey: 'econ', bKey: 'social', position: 2 },
    { nodeKey: 'goal', aKey: 'env', bKey: 'social', position: -1 },
  ];

  it('marks a node linked by fewer than all pairs as estimated, and lists what is missing', () => {
    const progress = computeProgress(nested, 'pairwise', { judgments: goalJudgments, ratings: [] });
    const goal = progress.nodes[0]!;
    expect(goal).toMatchObject({ nodeKey: 'goal', answered: 2, required: 3, isComputable: true, isEstimated: true });
    expect(goal.missing).toEqual([{ kind: 'pair', nodeKey: 'goal', a: 'econ', b: 'env' }]);
    expect(progress.estimatedNodes).toEqual(['goal']);
    expect(progress.isComputable).toBe(false);
    expect(missingItems(progress)).toHaveLength(1 + 1 + 12);
  });

  it('does not count answers about elements the model no longer has, nor link with them', () => {
    const progress = computeProgress(nested, 'pairwise', {
      judgments: [
        { nodeKey: 'goal', aKey: 'econ', bKey: 'gone', position: 1 },
        { nodeKey: 'goal', aKey: 'gone', bKey: 'env', position: 1 },
        { nodeKey: 'goal', aKey: 'econ', bKey: 'social', position: 1 },
      ],
      ratings: [],
    });
    expect(progress.nodes[0]).toMatchObject({ answered: 1, isComputable: false, isEstimated: false });
  });

  it('counts ratings per strategy under each leaf', () => {
    const progress = computeProgress(nested, 'ratings', {
      judgments: [],
      ratings: [
        { criterionKey: 'econ', alternativeKey: 's1', intensity: 'high' },
        { criterionKey: 'econ', alternativeKey: 's2', intensity: 'low' },
        { criterionKey: 'econ', alternativeKey: 's3', intensity: 'none' },
      ],
    });
    expect(progress.nodes.find((n) => n.nodeKey === 'econ')).toMatchObject({ kind: 'ratings', answered: 3, required: 3, isComputable: true });
    expect(progress.required).toBe(3 + 1 + 12);
  });
});

/** Every pair of the nested model answered with `position` (a consistent set when all positions are 0). */
function allAnswered(position = 0, overrides: Record<string, number> = {}) {
  return {
    judgments: buildAgenda(nested, 'pairwise').flatMap((item) =>
      item.kind === 'pair' ? [{ nodeKey: item.nodeKey, aKey: item.a, bKey: item.b, position: overrides[`${item.nodeKey}:${item.a}:${item.b}`] ?? position }] : [],
    ),
    ratings: [],
  };
}

describe('who is in a result and why', () => {
  it('gives each reason as a code', () => {
    const settings = { scoring: 'pairwise' as const, completion: 'optimal' as const };
    expect(assessParticipant(nested, settings, { isIncluded: false, effectiveWeight: 1 }, allAnswered())).toEqual({
      isIncluded: false,
      exclusion: { code: 'left-out-by-facilitator' },
    });
    expect(assessParticipant(nested, settings, { isIncluded: true, effectiveWeight: 0 }, allAnswered())).toEqual({
      isIncluded: false,
      exclusion: { code: 'weight-zero' },
    });
    expect(assessParticipant(nested, settings, { isIncluded: true, effectiveWeight: 1 }, { judgments: [], ratings: [] })).toEqual({
      isIncluded: false,
      exclusion: { code: 'incomplete', nodes: ['goal', 'social', 'econ', 'jobs', 'health', 'env'] },
    });
    const skippedOne = allAnswered();
    const estimated = assessParticipant(nested, settings, { isIncluded: true, effectiveWeight: 1 }, {
      judgments: skippedOne.judgments.filter((j) => !(j.nodeKey === 'goal' && j.aKey === 'econ' && j.bKey === 'env')),
      ratings: [],
    });
    expect(estimated).toEqual({ isIncluded: true, estimated: [{ node: 'goal', answered: 2, required: 3, method: 'optimal' }] });
    const ratingsModel = { scoring: 'ratings' as const, completion: 'optimal' as const };
    const allNone = {
      judgments: allAnswered().judgments.filter((j) => j.nodeKey === 'goal' || j.nodeKey === 'social'),
      ratings: nested.leafKeys.flatMap((leafKey) =>
        ['s1', 's2', 's3'].map((s) => ({ criterionKey: leafKey, alternativeKey: s, intensity: leafKey === 'env' ? 'none' : 'high' })),
      ),
    };
    expect(assessParticipant(nested, ratingsModel, { isIncluded: true, effectiveWeight: 1 }, allNone)).toEqual({
      isIncluded: false,
      exclusion: { code: 'all-ratings-none', nodes: ['env'] },
    });
  });

  it('moves the engine’s CR exclusions out of the included, and says when someone joined after the result', () => {
    const coverage = completeCoverage(
      [
        { participantKey: 'p1', participation: { isIncluded: true, estimated: [] } },
        { participantKey: 'p2', participation: { isIncluded: true, estimated: [] } },
        { participantKey: 'p3', participation: { isIncluded: false, exclusion: { code: 'weight-zero' } } },
      ],
      [
        { id: 'p1', exclusion: null },
        { id: 'p2', exclusion: { code: 'cr-above-limit', node: 'goal', cr: 0.3, limit: 0.1 } },
      ],
    );
    expect(coverage.included.map((i) => i.participantKey)).toEqual(['p1']);
    expect(coverage.excluded).toEqual([
      { participantKey: 'p2', exclusion: { code: 'cr-above-limit', node: 'goal', cr: 0.3, limit: 0.1 } },
      { participantKey: 'p3', exclusion: { code: 'weight-zero' } },
    ]);
    expect(participationIn(coverage, 'p9')).toEqual({ isIncluded: false, exclusion: { code: 'joined-after-result' } });
  });
});

describe('evaluating a session', () => {
  // An inconsistent goal: econ 9x social, social 9x env, env 9x econ (a cycle).
  const inconsistent = allAnswered(0, { 'goal:econ:social': 8, 'goal:social:env': 8, 'goal:econ:env': -8 });

  it('applies the CR limit in the engine and reports it in the coverage, with the node and the CR', () => {
    const members = [
      { key: 'p1', isIncluded: true, weight: 1, stakeholderGroup: 'government', answers: allAnswered(1) },
      { key: 'p2', isIncluded: true, weight: 1, stakeholderGroup: 'finance', answers: inconsistent },
    ];
    const evaluation = evaluateGroup(nested, { ...SETTINGS, maxCr: 0.1 }, members, { monteCarlo: false });
    expect(evaluation.isComputed).toBe(true);
    expect(evaluation.coverage.included.map((i) => i.participantKey)).toEqual(['p1']);
    const [excluded] = evaluation.coverage.excluded;
    expect(excluded?.participantKey).toBe('p2');
    expect(excluded?.exclusion).toMatchObject({ code: 'cr-above-limit', node: 'goal', limit: 0.1 });
    if (excluded?.exclusion.code !== 'cr-above-limit') throw new Error('expected a CR exclusion');
    expect(excluded.exclusion.cr).toBeGreaterThan(1);
  });

  it('says who is above the limit when everyone is, instead of failing', () => {
    const members = [{ key: 'p1', isIncluded: true, weight: 1, stakeholderGroup: 'government', answers: inconsistent }];
    const evaluation = evaluateGroup(nested, { ...SETTINGS, maxCr: 0.1 }, members, { monteCarlo: false });
    expect(evaluation.isComputed).toBe(false);
    expect(evaluation.coverage.excluded.map((e) => e.exclusion.code)).toEqual(['cr-above-limit']);
  });

  it('aggregates judgments by the weighted geometric mean (AIJ): 2x and 8x give 4x', () => {
    const flat = buildDecisionModel({ criteria: [leaf('a'), leaf('b')], alternatives: [{ key: 's1' }, { key: 's2' }] });
    const answers = (position: number) => ({
      judgments: [
        { nodeKey: 'goal', aKey: 'a', bKey: 'b', position },
        { nodeKey: 'a', aKey: 's1', bKey: 's2', position: 0 },
        { nodeKey: 'b', aKey: 's1', bKey: 's2', position: 0 },
      ],
      ratings: [],
    });
    const evaluation = evaluateGroup(flat, SETTINGS, [
      { key: 'p1', isIncluded: true, weight: 1, stakeholderGroup: 'government', answers: answers(1) },
      { key: 'p2', isIncluded: true, weight: 1, stakeholderGroup: 'finance', answers: answers(7) },
    ]);
    if (!evaluation.isComputed) throw new Error('expected a result');
    expect(evaluation.result.nodes.goal!.weights.a).toBeCloseTo(0.8, 12);
    expect(evaluation.result.consistencyOf).toBe('aggregated-judgments');
    expect(evaluation.coverage.included).toEqual([
      { participantKey: 'p1', estimated: [] },
      { participantKey: 'p2', estimated: [] },
    ]);
  });

  it('computes an individual result equal to the engine’s on the same problem, and says which nodes are estimated', () => {
    const answers = allAnswered(1);
    const skipped = { judgments: answers.judgments.filter((j) => !(j.nodeKey === 'econ' && j.aKey === 's1' && j.bKey === 's3')), ratings: [] };
    const evaluation = evaluateIndividual(nested, SETTINGS, { key: 'p1', answers: skipped });
    if (!evaluation.isComputed) throw new Error('expected a result');
    expect(evaluation.coverage.included[0]!.estimated).toEqual([{ node: 'econ', answered: 2, required: 3, method: 'optimal' }]);
    expect(evaluation.result.nodes.econ!.completion?.values).toHaveLength(1);
    const direct = evaluate({
      criteria: [{ id: 'econ' }, { id: 'social', children: [{ id: 'jobs' }, { id: 'health' }] }, { id: 'env' }],
      alternatives: ['s1', 's2', 's3'],
      comparisons: Object.fromEntries(
        nested.nodes.map((node) => [
          node.key,
          { judgments: skipped.judgments.filter((j) => j.nodeKey === node.key).map((j) => ({ a: j.aKey, b: j.bKey, position: j.position })) },
        ]),
      ),
    });
    expect(evaluation.result).toEqual(direct);
  });
});

describe('results stored in the earlier shape', () => {
  it('names the CR exclusion on the worst node, turns skip sentences into codes and names the consistency source', () => {
    const fresh = evaluateGroup(nested, { ...SETTINGS, maxCr: 0.1 }, [
      { key: 'p1', isIncluded: true, weight: 1, stakeholderGroup: 'government', answers: allAnswered(1) },
      {
        key: 'p2',
        isIncluded: true,
        weight: 1,
        stakeholderGroup: 'finance',
        answers: allAnswered(0, { 'goal:econ:social': 8, 'goal:social:env': 8, 'goal:econ:env': -8 }),
      },
    ]);
    if (!fresh.isComputed) throw new Error('expected a result');
    const { consistencyOf: _, participants, ...rest } = fresh.result;
    const legacy: LegacySessionResult = {
      ...rest,
      participants: participants.map(({ exclusion, ...p }) => ({
        ...p,
        exclusionReason: exclusion ? `CR ${exclusion.cr.toFixed(3)} is above maxCr 0.1` : null,
      })),
    };
    const legacyCoverage: LegacyCoverage = {
      included: ['p1', 'p2'],
      skipped: [
        { participantKey: 'p3', reason: 'left out by the facilitator' },
        { participantKey: 'p4', reason: 'not enough answers under goal, econ (every element must be linked by judgments, or every strategy rated)' },
        { participantKey: 'p5', reason: "weight 0 (theirs or their stakeholder group's)" },
        { participantKey: 'p6', reason: 'every strategy is rated "none" under env, jobs, which gives no priorities' },
      ],
    };
    const upgraded = upgradeStoredResult({ result: legacy, coverage: legacyCoverage, maxCr: 0.1 });
    expect(upgraded.result).toEqual(fresh.result);
    expect(upgraded.coverage.included.map((i) => i.participantKey)).toEqual(['p1']);
    expect(upgraded.coverage.excluded.map((e) => [e.participantKey, e.exclusion])).toEqual([
      ['p2', fresh.coverage.excluded[0]!.exclusion],
      ['p3', { code: 'left-out-by-facilitator' }],
      ['p4', { code: 'incomplete', nodes: ['goal', 'econ'] }],
      ['p5', { code: 'weight-zero' }],
      ['p6', { code: 'all-ratings-none', nodes: ['env', 'jobs'] }],
    ]);
    expect(() =>
      upgradeStoredResult({ result: legacy, coverage: { included: [], skipped: [{ participantKey: 'p7', reason: 'because' }] }, maxCr: 0.1 }),
    ).toThrow(/unknown reason for leaving out p7: "because"/);
  });
});

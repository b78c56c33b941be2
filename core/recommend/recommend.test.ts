import { describe, expect, it } from 'vitest';
import type { Measure } from '../contracts/catalogue';
import { evaluate, type HierarchyResult } from '../index';
import { explain } from './explain';
import { recommend, RECOMMENDATION_WEIGHTS, recommendStrategy } from './recommend';

const text = { en: 'x', ru: 'x', az: 'x' };
const measure = (key: string, overrides: Partial<Measure>): Measure => ({
  key,
  family: 'f',
  name: text,
  rationale: text,
  criteria: ['jobs'],
  answersWeaknesses: [],
  servesPriorities: [],
  strategyFit: { specialization: 0.5, hubbing: 0.5, integration: 0.5 },
  ...overrides,
});

describe('recommendStrategy', () => {
  it('names the top strategy, its margin over the runner-up and its probability of ranking first', () => {
    const result = recommendStrategy({
      scores: { specialization: 0.25, hubbing: 0.34, integration: 0.41 },
      firstPlace: { specialization: 0.05, hubbing: 0.2, integration: 0.75 },
      thresholds: [
        { criterion: 'jobs', weight: 0.3, lower: { weight: 0.1, newTop: 'hubbing' }, upper: null },
        { criterion: 'exports', weight: 0.18, lower: null, upper: { weight: 0.34, newTop: 'hubbing' } },
      ],
    });
    expect(result.strategy).toBe('integration');
    expect(result.runnerUp).toBe('hubbing');
    expect(result.margin).toBeCloseTo(0.07, 12);
    expect(result.probabilityFirst).toBe(0.75);
    // jobs would have to fall by 0.20, exports rise by 0.16: exports is nearer.
    expect(result.nearestThreshold).toEqual({ criterion: 'exports', weight: 0.18, threshold: 0.34, direction: 'rises', newTop: 'hubbing' });
  });
});

describe('recommend measures', () => {
  const strategy = { scores: { specialization: 0.2, hubbing: 0.3, integration: 0.5 } };
  const criteriaWeights = { jobs: 0.6, environment: 0.3, exports: 0.1 };

  it('scores each measure from its four parts, by hand', () => {
    const measures = [
      measure('training', {
        criteria: ['jobs'],
        answersWeaknesses: ['qualified-personnel'],
        servesPriorities: ['economic-security'],
        strategyFit: { specialization: 0.9, hubbing: 0.4, integration: 0.6 },
      }),
      measure('export-promotion', {
        criteria: ['exports', 'environment'],
        answersWeaknesses: ['market-dynamics'],
        servesPriorities: [],
        strategyFit: { specialization: 0.2, hubbing: 1, integration: 0.5 },
      }),
    ];
    const profile = {
      ratings: { 'qualified-personnel': 1, 'market-dynamics': 4 },
      regionalPriorities: { 'economic-security': 0.5, digitalization: 0.5 },
    };
    const result = recommend({ strategy, criteriaWeights, measures, profile });
    const [first, second] = result.measures;
    // training: criteria 0.6 (best, so 1), fit 0.6, weakness (5-1)/4 = 1, priority 0.5/1.0 = 0.5
    expect(first!.key).toBe('training');
    expect(first!.parts).toEqual({ criteria: 1, fit: 0.6, weakness: 1, priority: 0.5 });
    expect(first!.score).toBeCloseTo(0.4 * 1 + 0.25 * 0.6 + 0.2 * 1 + 0.15 * 0.5, 12);
    // export promotion: criteria 0.4 / 0.6, fit 0.5, weakness (5-4)/4 = 0.25, priority 0
    expect(second!.parts.criteria).toBeCloseTo(0.4 / 0.6, 12);
    expect(second!.parts.weakness).toBeCloseTo(0.25, 12);
    expect(second!.score).toBeCloseTo(0.4 * (0.4 / 0.6) + 0.25 * 0.5 + 0.2 * 0.25, 12);
    // Reasons quote the inputs: the weak factor with its rating, the priority with its weight.
    expect(first!.reasons).toContainEqual({ kind: 'weakness', factors: [{ key: 'qualified-personnel', rating: 1 }] });
    expect(first!.reasons).toContainEqual({ kind: 'priority', priorities: [{ key: 'economic-security', weight: 0.5 }] });
    expect(first!.reasons).toContainEqual({ kind: 'strategy-fit', strategy: 'integration', fit: 0.6 });
    expect(second!.reasons.some((reason) => reason.kind === 'weakness')).toBe(false);
    expect(result.weights).toEqual(RECOMMENDATION_WEIGHTS);
  });

  it('follows the recommended strategy: the same catalogue ranks hubbing measures first when hubbing wins', () => {
    const measures = [
      measure('alliances', { strategyFit: { specialization: 0.1, hubbing: 1, integration: 0.2 } }),
      measure('working-groups', { strategyFit: { specialization: 1, hubbing: 0.1, integration: 0.3 } }),
    ];
    const hubbing = recommend({ strategy: { scores: { specialization: 0.3, hubbing: 0.5, integration: 0.2 } }, criteriaWeights, measures, profile: null });
    const specialization = recommend({ strategy: { scores: { specialization: 0.5, hubbing: 0.3, integration: 0.2 } }, criteriaWeights, measures, profile: null });
    expect(hubbing.measures[0]!.key).toBe('alliances');
    expect(specialization.measures[0]!.key).toBe('working-groups');
  });

  it('uses the session ratings of measures against criteria when there are some', () => {
    const measures = [measure('a', { criteria: ['jobs'] }), measure('b', { criteria: ['exports'] })];
    const result = recommend({
      strategy,
      criteriaWeights,
      measures,
      profile: null,
      measureRatings: { a: { jobs: 0.1, exports: 0 }, b: { jobs: 0.2, exports: 1 } },
    });
    // a: 0.6*0.1 = 0.06; b: 0.6*0.2 + 0.1*1 = 0.22 -> b first although the catalogue links a to jobs.
    expect(result.measures.map((m) => m.key)).toEqual(['b', 'a']);
  });

  it('is deterministic and independent of catalogue order', () => {
    const measures = ['m1', 'm2', 'm3', 'm4'].map((key) => measure(key, {}));
    const forward = recommend({ strategy, criteriaWeights, measures, profile: null });
    const backward = recommend({ strategy, criteriaWeights, measures: [...measures].reverse(), profile: null });
    expect(backward).toEqual(forward);
  });
});

describe('the recommendation follows the weights through the reported threshold', () => {
  // Two criteria; specialization is best on jobs, hubbing on exports (consistent 2x2 judgments).
  const problem = (jobsWeight: number) => ({
    criteria: [{ id: 'jobs' }, { id: 'exports' }],
    alternatives: ['specialization', 'hubbing'],
    comparisons: {
      goal: [[1, jobsWeight / (1 - jobsWeight)], [(1 - jobsWeight) / jobsWeight, 1]],
      jobs: [[1, 4], [0.25, 1]],
      exports: [[1, 1 / 3], [3, 1]],
    },
    monteCarlo: false as const,
  });
  const run = (jobsWeight: number) => {
    const result = evaluate(problem(jobsWeight)) as HierarchyResult;
    return recommend({
      strategy: { scores: result.alternatives, thresholds: result.robustness.thresholds },
      criteriaWeights: { jobs: result.criteria.jobs!.global, exports: result.criteria.exports!.global },
      measures: [],
      profile: null,
    });
  };

  it('flips exactly past the threshold it reports', () => {
    const base = run(0.6);
    expect(base.strategy.strategy).toBe('specialization');
    // By hand: specialization 0.8 w + 0.25 (1 - w), hubbing 0.2 w + 0.75 (1 - w): equal at w = 5/11.
    const threshold = base.strategy.nearestThreshold!;
    expect(threshold.newTop).toBe('hubbing');
    expect(threshold.threshold).toBeCloseTo(5 / 11, 9);
    const criterionIsJobs = threshold.criterion === 'jobs';
    const jobsAt = (w: number) => (criterionIsJobs ? w : 1 - w);
    expect(run(jobsAt(threshold.threshold + (criterionIsJobs ? 0.001 : -0.001))).strategy.strategy).toBe('specialization');
    expect(run(jobsAt(threshold.threshold - (criterionIsJobs ? 0.001 : -0.001))).strategy.strategy).toBe('hubbing');
  });

  it('explains itself with the numbers of the result', () => {
    const base = run(0.6);
    const sentences = explain({ recommendation: base, consensus: { value: 0.78, level: 'high' }, nodeConsensus: { goal: 0.9, exports: 0.4 } });
    expect(sentences[0]).toEqual({
      key: 'ranks-first',
      values: { strategy: 'specialization', share: base.strategy.score, lead: base.strategy.margin, runnerUp: 'hubbing' },
    });
    expect(sentences.find((s) => s.key === 'stays-first-unless')?.values).toMatchObject({ newTop: 'hubbing' });
    expect(sentences).toContainEqual({ key: 'least-agreement', values: { node: 'exports', value: 0.4 } });
  });
});

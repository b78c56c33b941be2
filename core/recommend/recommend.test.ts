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

/**
 * A whole small decision worked by hand, from the engine's input to the recommendation.
 *
 * Criteria growth, jobs, exports with goal weights 0.5, 0.3, 0.2 (a consistent matrix); strategies scored
 * directly under each criterion:
 *               specialization  hubbing  integration   contributions (weight x score)
 *   growth          0.5           0.1       0.4        0.25   0.05   0.20
 *   jobs            0.2           0.25      0.55       0.06   0.075  0.165
 *   exports         0.1           0.6       0.3        0.02   0.12   0.06
 *   total                                              0.33   0.245  0.425
 * Integration first with 42.5 %, 9.5 points ahead of specialization.
 *
 * Thresholds (weight g' of one criterion, the others rescaled by (1 - g') / (1 - g)):
 *   growth:  integration 0.45 - 0.05 g', specialization 0.16 + 0.34 g', hubbing 0.39 - 0.29 g'
 *            -> specialization takes over above g' = 29/39 (74.4 %); nothing below.
 *   jobs:    integration 0.55 g' + (0.26/0.7)(1 - g'), specialization 0.2 g' + (0.27/0.7)(1 - g')
 *            -> specialization takes over below g' = 2/51 (3.9 %); nothing above.
 *   exports: integration 0.45625 - 0.15625 g', hubbing 0.15625 + 0.44375 g'
 *            -> hubbing takes over above g' = 1/2; nothing below.
 * Nearest: growth, 0.244 away (jobs 0.261, exports 0.3).
 */
describe('a small decision worked by hand: strategy, measures, reasons, explanation, threshold', () => {
  const SCORES = {
    growth: { specialization: 0.5, hubbing: 0.1, integration: 0.4 },
    jobs: { specialization: 0.2, hubbing: 0.25, integration: 0.55 },
    exports: { specialization: 0.1, hubbing: 0.6, integration: 0.3 },
  };
  const problem = (weights: { growth: number; jobs: number; exports: number }) => {
    const w = [weights.growth, weights.jobs, weights.exports];
    return {
      criteria: [{ id: 'growth' }, { id: 'jobs' }, { id: 'exports' }],
      alternatives: ['specialization', 'hubbing', 'integration'],
      comparisons: {
        goal: w.map((wi) => w.map((wj) => wi / wj)),
        growth: { scores: SCORES.growth },
        jobs: { scores: SCORES.jobs },
        exports: { scores: SCORES.exports },
      },
      monteCarlo: false as const,
    };
  };
  /** Weights with `criterion` at `at` and the other two keeping their 0.5 : 0.3 : 0.2 proportions. */
  const moved = (criterion: 'growth' | 'jobs' | 'exports', at: number) => {
    const base = { growth: 0.5, jobs: 0.3, exports: 0.2 };
    const scale = (1 - at) / (1 - base[criterion]);
    return {
      growth: criterion === 'growth' ? at : base.growth * scale,
      jobs: criterion === 'jobs' ? at : base.jobs * scale,
      exports: criterion === 'exports' ? at : base.exports * scale,
    };
  };
  const measures = [
    measure('export-promotion', {
      criteria: ['exports'],
      answersWeaknesses: ['market-dynamics'],
      servesPriorities: ['economic-security'],
      strategyFit: { specialization: 0.4, hubbing: 1, integration: 0.4 },
    }),
    measure('cross-industry-exchange', {
      criteria: ['growth', 'jobs'],
      answersWeaknesses: ['cooperation-level'],
      servesPriorities: ['technological-sovereignty'],
      strategyFit: { specialization: 0.2, hubbing: 0.5, integration: 1 },
    }),
    measure('working-groups', {
      criteria: ['growth'],
      answersWeaknesses: ['cooperation-level', 'innovative-activity'],
      servesPriorities: [],
      strategyFit: { specialization: 0.9, hubbing: 0.3, integration: 0.5 },
    }),
  ];
  const profile = {
    ratings: { 'cooperation-level': 2, 'market-dynamics': 4, 'innovative-activity': 3 },
    regionalPriorities: { 'technological-sovereignty': 0.8, 'economic-security': 0.2 },
  };
  const run = (weights: { growth: number; jobs: number; exports: number }) => {
    const result = evaluate(problem(weights)) as HierarchyResult;
    return recommend({
      strategy: { scores: result.alternatives, thresholds: result.robustness.thresholds },
      criteriaWeights: Object.fromEntries(Object.entries(result.criteria).map(([key, c]) => [key, c.global])),
      measures,
      profile,
    });
  };
  const base = run({ growth: 0.5, jobs: 0.3, exports: 0.2 });

  it('recommends integration, 9.5 points ahead of specialization', () => {
    expect(base.strategy.strategy).toBe('integration');
    expect(base.strategy.score).toBeCloseTo(0.425, 12);
    expect(base.strategy.runnerUp).toBe('specialization');
    expect(base.strategy.margin).toBeCloseTo(0.095, 12);
    expect(base.strategy.isTie).toBe(false);
    expect(base.strategy.ranking.map((r) => r.key)).toEqual(['integration', 'specialization', 'hubbing']);
    expect(base.strategy.ranking[2]!.score).toBeCloseTo(0.245, 12);
  });

  it('names the nearest threshold: growth rising above 29/39 hands first place to specialization', () => {
    const nearest = base.strategy.nearestThreshold!;
    expect(nearest).toMatchObject({ criterion: 'growth', direction: 'rises', newTop: 'specialization' });
    expect(nearest.weight).toBeCloseTo(0.5, 12);
    expect(nearest.threshold).toBeCloseTo(29 / 39, 9);
  });

  it('flips just past every reported threshold and not just before it', () => {
    const expected = [
      { criterion: 'growth', at: 29 / 39, past: +1, newTop: 'specialization' },
      { criterion: 'jobs', at: 2 / 51, past: -1, newTop: 'specialization' },
      { criterion: 'exports', at: 1 / 2, past: +1, newTop: 'hubbing' },
    ] as const;
    const evaluated = evaluate(problem({ growth: 0.5, jobs: 0.3, exports: 0.2 })) as HierarchyResult;
    for (const { criterion, at, past, newTop } of expected) {
      const reported = evaluated.robustness.thresholds.find((t) => t.criterion === criterion)!;
      const bound = past > 0 ? reported.upper! : reported.lower!;
      expect(past > 0 ? reported.lower : reported.upper).toBeNull();
      expect(bound.weight).toBeCloseTo(at, 9);
      expect(bound.newTop).toBe(newTop);
      expect(run(moved(criterion, bound.weight - past * 1e-4)).strategy.strategy).toBe('integration');
      expect(run(moved(criterion, bound.weight + past * 1e-4)).strategy.strategy).toBe(newTop);
    }
  });

  it('ranks the measures by hand: cross-industry exchange 0.92, working groups 0.55, export promotion 0.28', () => {
    // criteria served: exchange 0.5 + 0.3 = 0.8 (the best, so 1); working groups 0.5 / 0.8; export 0.2 / 0.8.
    // weakness: exchange 1 - (1 - 3/4) = 0.75; working groups 1 - (1/4)(1/2) = 0.875; export 1/4.
    // priority: exchange 0.8 / 1.0; working groups 0; export 0.2.
    expect(base.measures.map((m) => m.key)).toEqual(['cross-industry-exchange', 'working-groups', 'export-promotion']);
    const [exchange, groups, promotion] = base.measures;
    expect(exchange!.parts).toEqual({ criteria: 1, fit: 1, weakness: 0.75, priority: 0.8 });
    expect(exchange!.score).toBeCloseTo(0.92, 12);
    expect(groups!.parts.criteria).toBeCloseTo(0.625, 12);
    expect(groups!.parts.weakness).toBeCloseTo(0.875, 12);
    expect(groups!.score).toBeCloseTo(0.55, 12);
    expect(promotion!.score).toBeCloseTo(0.28, 12);
  });

  it('gives each measure reasons that quote the weights, the fit and the profile answers', () => {
    const [exchange, groups, promotion] = base.measures;
    expect(exchange!.reasons).toEqual([
      { kind: 'criteria', criteria: [{ key: 'growth', weight: expect.closeTo(0.5, 12), rating: 1 }, { key: 'jobs', weight: expect.closeTo(0.3, 12), rating: 1 }] },
      { kind: 'strategy-fit', strategy: 'integration', fit: 1 },
      { kind: 'weakness', factors: [{ key: 'cooperation-level', rating: 2 }] },
      { kind: 'priority', priorities: [{ key: 'technological-sovereignty', weight: 0.8 }] },
    ]);
    // Innovative activity (3 of 5) counts in the weakness part but is not called a weakness.
    expect(groups!.reasons.find((r) => r.kind === 'weakness')).toEqual({ kind: 'weakness', factors: [{ key: 'cooperation-level', rating: 2 }] });
    expect(groups!.reasons.some((r) => r.kind === 'priority')).toBe(false);
    // Market dynamics is rated 4 (strong): no weakness reason.
    expect(promotion!.reasons.map((r) => r.kind)).toEqual(['criteria', 'strategy-fit', 'priority']);
  });

  it('puts measures that fit the new leader first once the leader changes', () => {
    const flipped = run(moved('exports', 0.6));
    expect(flipped.strategy.strategy).toBe('hubbing');
    expect(flipped.measures[0]!.key).toBe('export-promotion');
  });

  it('explains itself in sentences that carry only computed numbers', () => {
    expect(explain({ recommendation: base })).toEqual([
      { key: 'ranks-first', values: { strategy: 'integration', share: base.strategy.score, lead: base.strategy.margin, runnerUp: 'specialization' } },
      {
        key: 'stays-first-unless',
        values: { criterion: 'growth', direction: 'rises', threshold: base.strategy.nearestThreshold!.threshold, weight: base.strategy.nearestThreshold!.weight, newTop: 'specialization' },
      },
      { key: 'start-with', values: { measures: ['cross-industry-exchange', 'working-groups', 'export-promotion'] } },
    ]);
  });

  it('reports a tie instead of a lead of nothing', () => {
    const tied = recommendStrategy({ scores: { specialization: 0.4, hubbing: 0.2, integration: 0.4 } });
    expect(tied.isTie).toBe(true);
    // Ties resolve by key, so the same scores always name the same strategy.
    expect(tied.strategy).toBe('integration');
    expect(explain({ recommendation: { strategy: tied, measures: [], weights: RECOMMENDATION_WEIGHTS } })[0]).toEqual({
      key: 'tied-first',
      values: { strategy: 'integration', share: 0.4, runnerUp: 'specialization' },
    });
  });
});

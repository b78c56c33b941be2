import { describe, expect, it } from 'vitest';
import { diagnoseProfile, type DiagnoseInput } from './diagnose';

const definition: DiagnoseInput['definition'] = {
  version: 2,
  factors: [
    { key: 'innovative-activity', group: 'internal' },
    { key: 'cooperation-level', group: 'internal' },
    { key: 'infrastructure', group: 'external' },
    { key: 'market-dynamics', group: 'external' },
    { key: 'leading-enterprises', group: 'success-factor' },
    { key: 'qualified-personnel', group: 'success-factor' },
    { key: 'government-support', group: 'success-factor' },
  ],
  strategyReliance: [
    { strategy: 'hubbing', factor: 'infrastructure' },
    { strategy: 'hubbing', factor: 'market-dynamics' },
    { strategy: 'integration', factor: 'cooperation-level' },
    { strategy: 'specialization', factor: 'leading-enterprises' },
  ],
};

describe('diagnoseProfile', () => {
  it('has nothing to say before the profile is assessed', () => {
    expect(diagnoseProfile({ definition, profile: null, strategies: ['hubbing'] })).toBeNull();
  });

  it('sorts the rated factors into strengths (4-5), weaknesses (1-2) and neither (3), by hand', () => {
    const diagnosis = diagnoseProfile({
      definition,
      profile: {
        ratings: {
          'innovative-activity': 4,
          'cooperation-level': 3,
          infrastructure: 2,
          'market-dynamics': 5,
          'leading-enterprises': 1,
          'qualified-personnel': 2,
        },
        regionalPriorities: { digitalization: 0.6, 'economic-security': 0.2, 'import-substitution': 0.2, 'technological-sovereignty': 0 },
      },
      strategies: ['hubbing', 'integration', 'specialization'],
    })!;
    expect(diagnosis.scale).toEqual({ min: 1, max: 5, weakAtOrBelow: 2, strongAtOrAbove: 4 });
    expect(diagnosis.definitionVersion).toBe(2);
    // Strongest first; the 3 (cooperation) is neither.
    expect(diagnosis.strengths.map((f) => [f.key, f.rating])).toEqual([
      ['market-dynamics', 5],
      ['innovative-activity', 4],
    ]);
    // Weakest first, ties (infrastructure and qualified personnel, both 2) in the definition's order.
    expect(diagnosis.weaknesses.map((f) => [f.key, f.rating])).toEqual([
      ['leading-enterprises', 1],
      ['infrastructure', 2],
      ['qualified-personnel', 2],
    ]);
    // Of the weak ones, only the key success factors are "missing"; government support is unrated, not missing.
    expect(diagnosis.missingSuccessFactors.map((f) => f.key)).toEqual(['leading-enterprises', 'qualified-personnel']);
    expect(diagnosis.unrated).toEqual(['government-support']);
    // 0.6 / (0.6 + 0.2 + 0.2) = 0.6; a priority of weight 0 is not one; equal weights by key.
    expect(diagnosis.priorities).toEqual([
      { key: 'digitalization', weight: 0.6, share: 0.6 },
      { key: 'economic-security', weight: 0.2, share: 0.2 },
      { key: 'import-substitution', weight: 0.2, share: 0.2 },
    ]);
  });

  it('lists what each strategy leans on, in the given order, warning only where a factor is rated weak', () => {
    const diagnosis = diagnoseProfile({
      definition,
      profile: { ratings: { infrastructure: 2, 'cooperation-level': 3, 'leading-enterprises': 5 }, regionalPriorities: {} },
      strategies: ['integration', 'hubbing', 'specialization', 'own-strategy'],
    })!;
    expect(diagnosis.strategies).toEqual([
      { strategy: 'integration', leansOn: [{ factor: 'cooperation-level', rating: 3, isWeak: false }] },
      {
        strategy: 'hubbing',
        leansOn: [
          { factor: 'infrastructure', rating: 2, isWeak: true },
          // Not rated: no warning, and the rating says so.
          { factor: 'market-dynamics', rating: null, isWeak: false },
        ],
      },
      { strategy: 'specialization', leansOn: [{ factor: 'leading-enterprises', rating: 5, isWeak: false }] },
    ]);
    expect(diagnosis.priorities).toEqual([]);
  });

  it('reads a version 1 definition, which names no reliance, as strategies leaning on nothing listed', () => {
    const { strategyReliance: _none, ...first } = definition;
    const diagnosis = diagnoseProfile({ definition: { ...first, version: 1 }, profile: { ratings: { infrastructure: 1 }, regionalPriorities: {} }, strategies: ['hubbing'] })!;
    expect(diagnosis.strategies).toEqual([]);
    expect(diagnosis.weaknesses.map((f) => f.key)).toEqual(['infrastructure']);
  });
});

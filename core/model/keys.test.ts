import { describe, expect, it } from 'vitest';
import { isConnected, pairKey } from './pairs';
import { deriveKey } from './keys';

describe('isConnected', () => {
  it('needs every element linked, directly or through others', () => {
    expect(isConnected(['a', 'b', 'c'], [['a', 'b'], ['b', 'c']])).toBe(true);
    expect(isConnected(['a', 'b', 'c', 'd'], [['a', 'b'], ['c', 'd']])).toBe(false);
    expect(isConnected(['a'], [])).toBe(true);
    expect(isConnected(['a', 'b'], [['a', 'x']])).toBe(false);
  });
});

describe('pairKey', () => {
  it('is the same for both orders of a pair', () => {
    expect(pairKey('hubbing', 'integration')).toBe(pairKey('integration', 'hubbing'));
  });
});

describe('deriveKey', () => {
  it('slugs the English name and keeps keys unique', () => {
    expect(deriveKey({ en: 'Knowledge & Technology Exchange' }, new Set(), 'criterion')).toBe('knowledge-technology-exchange');
    expect(deriveKey({ en: 'Jobs' }, new Set(['jobs', 'jobs-2']), 'criterion')).toBe('jobs-3');
    expect(deriveKey({ az: 'İqtisadi artım' }, new Set(), 'criterion')).toBe('iqtisadi-artim');
  });

  it('falls back for names without Latin letters and never gives "goal"', () => {
    expect(deriveKey({ ru: 'Экономический рост' }, new Set(), 'criterion')).toBe('criterion');
    expect(deriveKey({ en: 'Goal' }, new Set(), 'criterion')).toBe('criterion');
    expect(deriveKey({ en: '2030 targets' }, new Set(), 'criterion')).toBe('targets');
  });
});

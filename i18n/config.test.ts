import { describe, expect, it } from 'vitest';
import { negotiateLocale } from './config';

describe('negotiateLocale', () => {
  it('takes the first supported language by quality', () => {
    expect(negotiateLocale('ru-RU,ru;q=0.9,en-US;q=0.8,en;q=0.7')).toBe('ru');
    expect(negotiateLocale('de-DE,de;q=0.9,az;q=0.8,en;q=0.5')).toBe('az');
    expect(negotiateLocale('en;q=0.2, ru;q=0.8')).toBe('ru');
  });
  it('falls back to English', () => {
    expect(negotiateLocale('de-DE,fr;q=0.9')).toBe('en');
    expect(negotiateLocale(undefined)).toBe('en');
    expect(negotiateLocale('')).toBe('en');
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type MessageFormatElement, TYPE, parse } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '~/i18n/config';

/**
 * Every message file exists in every UI language with the same keys, parses as ICU, uses the same arguments,
 * and is translated: a Russian or Azerbaijani text that has letters of its own must not be the English text
 * copied over. Shared method abbreviations and proper names may stay as they are.
 */
const MESSAGES = resolve(import.meta.dirname, '..', 'messages');
const REFERENCE = 'en';

/** Words that are the same in every language: the product's name and the standard method abbreviations. */
const SAME_IN_EVERY_LANGUAGE = ['Clusterwise', 'AHP', 'CR', 'CI', 'RI', 'AIJ', 'AIP', 'QR', 'ahpsurvey', 'R'];
/** Keys whose value is the same in every language by design: each language's name in its own language. */
const SAME_BY_DESIGN = [/^common\.nav\.languages\./];
/** Whole texts that are genuinely the same word in a language (a shared loanword), not an untranslated copy. */
const SAME_WORD: Record<string, readonly string[]> = { ru: [], az: ['Region'] };

type Flat = Map<string, string>;

function flatten(value: unknown, prefix: string, out: Flat): Flat {
  if (typeof value === 'string') {
    out.set(prefix, value);
  } else if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(value)) flatten(child, prefix ? `${prefix}.${key}` : key, out);
  } else {
    out.set(prefix, `<<not a string: ${JSON.stringify(value)}>>`);
  }
  return out;
}

function load(locale: string, file: string): Flat {
  const namespace = file.replace(/\.json$/, '');
  return flatten(JSON.parse(readFileSync(join(MESSAGES, locale, file), 'utf8')), namespace, new Map());
}

/** The literal text of a message (what a reader sees apart from the values put in) and its argument names. */
function analyse(elements: MessageFormatElement[], literal: string[] = [], args = new Set<string>()) {
  for (const element of elements) {
    if (element.type === TYPE.literal) literal.push(element.value);
    else if (element.type === TYPE.tag) analyse(element.children, literal, args);
    else if ('value' in element && typeof element.value === 'string') {
      args.add(element.value);
      if ('options' in element) {
        for (const option of Object.values(element.options)) analyse(option.value, literal, args);
      }
    }
  }
  return { literal: literal.join(' '), args };
}

function hasOwnLetters(literal: string): boolean {
  let rest = literal;
  for (const word of SAME_IN_EVERY_LANGUAGE) rest = rest.replace(new RegExp(`(?<![\\p{L}])${word}(?![\\p{L}])`, 'gu'), ' ');
  return /\p{L}/u.test(rest);
}

const files = readdirSync(join(MESSAGES, REFERENCE)).filter((name) => name.endsWith('.json')).sort();
const translations = LOCALES.filter((locale) => locale !== REFERENCE);

describe('message files', () => {
  it('exist for every language', () => {
    expect(files.length).toBeGreaterThan(0);
    for (const locale of LOCALES) {
      expect(readdirSync(join(MESSAGES, locale)).filter((name) => name.endsWith('.json')).sort()).toEqual(files);
    }
  });

  describe.each(files)('%s', (file) => {
    const reference = load(REFERENCE, file);

    it.each(translations)('has the same keys in %s as in English', (locale) => {
      const other = load(locale, file);
      expect({ missing: [...reference.keys()].filter((key) => !other.has(key)) }).toEqual({ missing: [] });
      expect({ extra: [...other.keys()].filter((key) => !reference.has(key)) }).toEqual({ extra: [] });
    });

    it.each(LOCALES)('parses in %s, with the arguments of the English text', (locale) => {
      const other = load(locale, file);
      const problems: string[] = [];
      for (const [key, text] of other) {
        let args: Set<string>;
        try {
          args = analyse(parse(text)).args;
        } catch (error) {
          problems.push(`${key}: ${(error as Error).message}`);
          continue;
        }
        const english = reference.get(key);
        if (english === undefined || locale === REFERENCE) continue;
        const expected = analyse(parse(english)).args;
        if ([...expected].sort().join() !== [...args].sort().join()) {
          problems.push(`${key}: arguments {${[...args].join(', ')}} instead of {${[...expected].join(', ')}}`);
        }
      }
      expect(problems).toEqual([]);
    });

    it.each(translations)('is translated into %s, not copied from English', (locale) => {
      const other = load(locale, file);
      const copied = [...reference]
        .filter(([key]) => !SAME_BY_DESIGN.some((pattern) => pattern.test(key)))
        .filter(([key, english]) => other.get(key) === english && !SAME_WORD[locale]?.includes(english))
        .filter(([, english]) => {
          try {
            return hasOwnLetters(analyse(parse(english)).literal);
          } catch {
            return true;
          }
        })
        .map(([key, english]) => `${key}: "${english}"`);
      expect(copied).toEqual([]);
    });
  });
});

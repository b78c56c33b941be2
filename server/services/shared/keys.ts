import 'server-only';
import type { ElementName } from '~/core/contracts/model-edits';

const MAX_KEY_LENGTH = 64;

/**
 * A key for a new element when the facilitator gave none: the slug of its English (or first) name, or
 * `fallback` for names without Latin letters, made unique with -2, -3 ... Azerbaijani ı and ə have no
 * decomposition to a Latin base letter, so they are mapped by hand.
 */
export function deriveKey(name: ElementName, taken: ReadonlySet<string>, fallback: string): string {
  const text = name.en ?? name.ru ?? name.az ?? '';
  const slug = text
    .replace(/ı/g, 'i')
    .replace(/[əƏ]/g, 'e')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^[^a-z]+/, '')
    .replace(/-+$/, '')
    .slice(0, MAX_KEY_LENGTH - 4)
    .replace(/-+$/, '');
  const base = slug && slug !== 'goal' ? slug : fallback;
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** The number of a participant key (`p12` -> 12): participants are listed in the order they joined. */
export const participantNumber = (key: string) => Number(key.slice(1));

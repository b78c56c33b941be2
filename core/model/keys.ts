import { GOAL_NODE_ID } from './decision-model';

const MAX_KEY_LENGTH = 64;

/**
 * A key for a new element when the facilitator gave none: the slug of its English (or first) name, or
 * `fallback` for names without Latin letters, made unique with -2, -3 ... Azerbaijani ı and ə have no
 * decomposition to a Latin base letter, so they are mapped by hand.
 */
export function deriveKey(name: { readonly en?: string; readonly ru?: string; readonly az?: string }, taken: ReadonlySet<string>, fallback: string): string {
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
  const base = slug && slug !== GOAL_NODE_ID ? slug : fallback;
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

import 'server-only';
import { AppError } from '~/server/errors';

/**
 * How deep a tRPC input may nest. The deepest real input (an exported session's criteria tree, four levels, or
 * a stored result's matrices) stays under 20; superjson and zod walk inputs recursively, so a few thousand levels
 * would overflow the stack before any contract is checked.
 */
export const MAX_INPUT_DEPTH = 64;

/**
 * Keys that would reach an object's prototype when an input is copied or parsed (superjson's copy and zod's object
 * parsing assign them, and `obj.__proto__ = 0.5` silently drops the entry), so a record such as
 * `strategyFit: {"__proto__": 0.5}` would lose data without a word. No key of the model may be one of them.
 */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const NULL_BYTE = '\u0000';

function describeText(text: string): string | null {
  if (text.includes(NULL_BYTE)) return 'contains a null byte (U+0000), which no text may hold';
  // A lone surrogate is half a character: PostgreSQL refuses it and JSON encoders replace it with U+FFFD.
  if (!text.isWellFormed()) return 'contains a lone surrogate (half of a UTF-16 character pair), which is not valid text';
  return null;
}

function fieldName(path: readonly (string | number)[]): string {
  return path.length ? path.join('.') : '(input)';
}

function refuse(path: readonly (string | number)[], reason: string): AppError {
  const field = fieldName(path);
  return new AppError('INVALID_INPUT', `${field}: ${reason}.`, { field });
}

/**
 * One walk over a raw (JSON-parsed) input before anything else reads it: refuses nesting beyond MAX_INPUT_DEPTH,
 * text with null bytes or lone surrogates (in values and keys), and prototype keys, each with the dotted path of
 * the field, as zod issues name theirs. Iterative, so it cannot overflow on the inputs it exists to refuse.
 */
export function checkUntrustedInput(value: unknown, basePath: readonly (string | number)[] = []): void {
  const stack: Array<{ value: unknown; path: readonly (string | number)[] }> = [{ value, path: basePath }];
  while (stack.length) {
    const { value: current, path } = stack.pop()!;
    if (typeof current === 'string') {
      const problem = describeText(current);
      if (problem) throw refuse(path, problem);
      continue;
    }
    if (current === null || typeof current !== 'object') continue;
    if (path.length - basePath.length >= MAX_INPUT_DEPTH) {
      throw refuse(path, `nests deeper than ${MAX_INPUT_DEPTH} levels`);
    }
    if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) stack.push({ value: current[i], path: [...path, i] });
      continue;
    }
    const keys = Object.keys(current);
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i]!;
      const keyPath = [...path, key];
      if (PROTOTYPE_KEYS.has(key)) throw refuse(keyPath, `"${key}" is not allowed as a key`);
      const problem = describeText(key);
      if (problem) throw refuse(path, `a key ${problem}`);
      stack.push({ value: (current as Record<string, unknown>)[key], path: keyPath });
    }
  }
}

/**
 * The same check on a superjson envelope (`{ json, meta }`, what the client sends): paths name fields of `json`,
 * the input the procedure sees.
 */
export function checkUntrustedEnvelope(envelope: unknown): void {
  if (envelope !== null && typeof envelope === 'object' && !Array.isArray(envelope) && 'json' in envelope) {
    const { json, ...rest } = envelope as { json: unknown };
    checkUntrustedInput(json);
    checkUntrustedInput(rest, ['(superjson)']);
    return;
  }
  checkUntrustedInput(envelope);
}

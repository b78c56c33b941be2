// use-intl's core (what next-intl is built on) has no React in it, so server code and plain Node processes can load it.
import { createTranslator } from 'use-intl/core';
import { type Locale, MESSAGE_NAMESPACES } from './config';

export type MessageNamespace = (typeof MESSAGE_NAMESPACES)[number];

/**
 * The message files of `locale`, keyed by namespace: what a page renders with, and what the server uses for the
 * texts it writes itself (the headers of exported tables are in the session's language, not the reader's).
 */
export async function loadMessages(
  locale: Locale,
  namespaces: readonly MessageNamespace[] = MESSAGE_NAMESPACES,
): Promise<Record<string, Record<string, unknown>>> {
  const parts = await Promise.all(
    namespaces.map(async (namespace) => [namespace, (await import(`../messages/${locale}/${namespace}.json`)).default] as const),
  );
  return Object.fromEntries(parts);
}

/** A translator without compile-time key checks: the keys are checked by tests/i18n-messages.test.ts instead. */
export type LooseTranslator = {
  (key: string, values?: Record<string, string | number | Date>): string;
  has(key: string): boolean;
};

/** Translators for texts the server writes in a language of its choosing, one per namespace path (`report.exports`). */
export async function loadTranslators<const N extends readonly string[]>(
  locale: Locale,
  namespaces: N,
): Promise<{ [K in keyof N]: LooseTranslator }> {
  const roots = [...new Set(namespaces.map((path) => path.split('.')[0] as MessageNamespace))];
  const messages = await loadMessages(locale, roots);
  return namespaces.map((namespace) => {
    // Keys are checked by the test of the message files, not by the compiler: these keys are built at run time.
    const translate = createTranslator({ locale, messages, namespace: namespace as never });
    const loose: LooseTranslator = Object.assign((key: string, values?: Record<string, string | number | Date>) => translate(key as never, values as never), {
      has: (key: string) => translate.has(key as never),
    });
    return loose;
  }) as {
    [K in keyof N]: LooseTranslator;
  };
}

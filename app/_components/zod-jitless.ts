/**
 * `z.config({ jitless: true })` for the browser, without loading zod. zod compiles its object parsers with
 * `new Function` where it may, and probes for that as it builds an object schema: under the pages'
 * Content-Security-Policy (no 'unsafe-eval', proxy.ts) the probe is a reported violation. The browser parses form
 * inputs only, so it does without.
 *
 * zod keeps its settings in one object on globalThis, shared by every copy of zod on a page, and creates it only
 * when it is missing (`globalThis.__zod_globalConfig`, zod/v4/core/core.js); `z.config` assigns into it. Setting
 * it here, before any page code runs (instrumentation-client.ts), keeps zod itself (its core alone is about 6 KB
 * gzip) out of the pages that build no schema, such as the questionnaire. tests/zod-jitless.test.ts checks that
 * zod still reads this object.
 */
export function configureZodJitless(): void {
  const scope = globalThis as typeof globalThis & { __zod_globalConfig?: Record<string, unknown> };
  Object.assign((scope.__zod_globalConfig ??= {}), { jitless: true });
}

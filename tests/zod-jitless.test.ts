import { describe, expect, it } from 'vitest';
import { configureZodJitless } from '~/app/_components/zod-jitless';

describe('zod in the browser without unsafe-eval', () => {
  it("sets jitless in the very object zod reads its settings from, before or after zod loads", async () => {
    configureZodJitless();
    const { z } = await import('zod');
    // z.config() with no argument returns zod's live settings object: the same object, with jitless on.
    expect(z.config()).toBe((globalThis as { __zod_globalConfig?: object }).__zod_globalConfig);
    expect(z.config().jitless).toBe(true);
  });
});

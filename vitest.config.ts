import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      '~': fileURLToPath(new URL('./', import.meta.url)),
      // Outside a React server bundle `server-only` throws on import; tests load server modules directly, as the
      // react-server export condition does for Next.
      'server-only': fileURLToPath(new URL('./node_modules/server-only/empty.js', import.meta.url)),
    },
  },
  test: {
    include: ['core/**/*.test.ts', 'server/**/*.test.ts', 'tests/**/*.test.ts', 'scripts/**/*.test.ts', 'i18n/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    globalSetup: ['tests/integration/global-setup.ts'],
    // Vitest runs files in (cores - 1) workers: one on a 2-core machine. The integration files spend much of their
    // time waiting on PostgreSQL and child processes, so two workers take about 91 s instead of 147 s here.
    maxWorkers: 2,
    setupFiles: ['tests/integration/check-server-error-leaks.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

import nextPlugin from '@next/eslint-plugin-next';
import drizzle from 'eslint-plugin-drizzle';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/** Framework imports that core/ must never make: it is pure and runs in the browser, the CLI and the server. */
const FRAMEWORKS = ['next', 'next/*', 'react', 'react/*', 'react-dom', '@trpc/*', 'drizzle-orm', 'drizzle-orm/*'];

export default tseslint.config(
  { ignores: ['.next/**', '.next-bench/**', 'node_modules/**', 'db/migrations/**', 'test-results/**', 'data/**', 'next-env.d.ts'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['core/**/*.ts'],
    ignores: ['core/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: [...FRAMEWORKS, '~/*', 'zod'], message: 'core/ is pure TypeScript: no frameworks, no app code (zod only in core/contracts).' }] },
      ],
      'no-restricted-globals': ['error', { name: 'Date', message: 'core/ is deterministic: pass time in.' }],
      'no-restricted-properties': ['error', { object: 'Math', property: 'random', message: 'core/ takes a seeded Rng (core/random.ts).' }],
    },
  },
  {
    files: ['core/contracts/**/*.ts'],
    ignores: ['core/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: [...FRAMEWORKS, '~/*'], message: 'contracts are shared by every layer.' }] }],
    },
  },
  {
    files: ['app/**/*.ts', 'app/**/*.tsx'],
    // The route handler is where the server is mounted.
    ignores: ['app/api/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['~/db/*', '~/server/services/*', '~/server/routers/*'], message: 'app/ talks to the server through tRPC only.' },
            { group: ['~/server/trpc/root'], allowTypeImports: true, message: 'app/ may import only the AppRouter type.' },
          ],
        },
      ],
    },
  },
  {
    files: ['server/routers/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['drizzle-orm', 'drizzle-orm/*', '~/db/*'], message: 'routers call services; no drizzle here.' }] }],
    },
  },
  {
    files: ['server/**/*.ts', 'db/**/*.ts'],
    plugins: { drizzle },
    rules: {
      'drizzle/enforce-delete-with-where': ['error', { drizzleObjectName: ['db', 'tx', 'ctx.db'] }],
      'drizzle/enforce-update-with-where': ['error', { drizzleObjectName: ['db', 'tx', 'ctx.db'] }],
    },
  },
  {
    files: ['app/**/*.tsx'],
    plugins: { '@next/next': nextPlugin, 'react-hooks': reactHooks },
    rules: {
      ...nextPlugin.configs.recommended.rules,
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
);

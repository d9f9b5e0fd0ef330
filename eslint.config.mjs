// @ts-check
/**
 * Lint for the whole repository (`npm run lint`, part of `npm test`).
 * @see https://typescript-eslint.io/getting-started
 * @see https://nextjs.org/docs/app/api-reference/config/eslint
 */
import js from '@eslint/js';
import nextPlugin from '@next/eslint-plugin-next';
import drizzle from 'eslint-plugin-drizzle';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Not type-aware: recommendedTypeChecked took 67 s on the shared 2-core machine (budget 60 s).

export default tseslint.config(
  { ignores: ['.next/**', 'node_modules/**', 'e2e/test-results/**', 'db/migrations/**', '.data/**', 'next-env.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  nextPlugin.configs.recommended,
  nextPlugin.configs['core-web-vitals'],
  jsxA11y.flatConfigs.recommended,
  // React lives in app/ only; elsewhere `use` (Playwright fixtures) and `useTestDatabase` (vitest)
  // are not hooks, and the rules of hooks would misfire on them.
  { ...reactHooks.configs.flat.recommended, files: ['app/**/*.{ts,tsx}'] },
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { drizzle },
    rules: {
      // A delete or update without a WHERE rewrites every record: on this data that is a disaster.
      'drizzle/enforce-delete-with-where': ['error', { drizzleObjectName: ['db', 'tx'] }],
      'drizzle/enforce-update-with-where': ['error', { drizzleObjectName: ['db', 'tx'] }],
      // `_unused` marks a parameter a signature requires (e.g. useActionState's previous state).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }],
    },
  },
  {
    // next.config.js is CommonJS because Next loads it with require().
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Settings go through lib/env.ts, so a bad value fails at start with a clear message.
    files: ['app/**', 'lib/**', 'db/**'],
    // lib/test/ prepares the test databases (TEST_DB_NAME, a per-run DATABASE_URL): test-only settings.
    // Tests set up their own databases through the environment, as the runners pass it.
    ignores: ['lib/env.ts', 'lib/test/**', '**/*.test.ts'],
    rules: {
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: "Read settings from `env` in lib/env.ts (add new ones to its schema)." }],
    },
  },
);

import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Import boundaries (STYLE.md): domain → domain only; services → domain, db, contracts, i18n;
// server and cli → services, contracts (and config/db to wire things up); web → contracts, i18n.
/** @param {unknown[]} patterns */
const restrict = (patterns) => ({ 'no-restricted-imports': /** @type {const} */ (['error', { patterns }]) });

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'data', 'src/db/migrations', 'test-results', '.tmp', 'bin'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['eslint.config.js'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    ignores: ['src/domain/**/*.test.ts'],
    rules: restrict([
      {
        group: [
          '**/db/**',
          '**/services/**',
          '**/server/**',
          '**/cli/**',
          '**/web/**',
          '**/contracts/**',
          '**/config',
        ],
        message: 'domain is pure: it imports only domain',
      },
      {
        group: ['node:*', 'fs', 'path', 'pg', 'drizzle-orm*', '@electric-sql/*', 'fastify*'],
        message: 'domain does no I/O',
      },
    ]),
  },
  {
    files: ['src/services/**/*.ts'],
    rules: restrict([
      { group: ['**/server/**', '**/cli/**', '**/web/**'], message: 'services do not know HTTP, CLI or web' },
    ]),
  },
  {
    files: ['src/server/**/*.ts', 'src/cli/**/*.ts'],
    rules: restrict([
      { group: ['**/web/**'], message: 'server and cli do not import the web app' },
      {
        group: ['**/db/schema*', '**/db/schema/**', 'drizzle-orm', 'drizzle-orm/*'],
        message: 'no SQL in routes: call a service',
      },
    ]),
  },
  {
    files: ['src/web/**/*.{ts,tsx}'],
    rules: restrict([
      {
        group: ['**/domain/**', '**/services/**', '**/server/**', '**/db/**', '**/cli/**', '**/config'],
        message: 'web imports only contracts and i18n',
      },
      {
        // The contracts hold zod schemas: values from them would put zod into the browser bundle.
        group: ['**/contracts/*', '!**/contracts/*-constants'],
        allowTypeImports: true,
        message: 'web takes only types from contracts (values from a zod-free *-constants module)',
      },
    ]),
  },
  {
    files: ['src/web/**/*.test.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['src/contracts/**/*.ts', 'src/i18n/**/*.ts'],
    rules: restrict([
      {
        group: ['**/services/**', '**/server/**', '**/db/**', '**/web/**', '**/cli/**'],
        message: 'contracts and i18n are leaves',
      },
    ]),
  },
  {
    files: ['**/*.test.ts', '**/*.e2e.ts', 'tests/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
    },
  },
);

// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * All that files under site/ may import from api/: the contracts, and pure rule modules that
 * import nothing server-only (no database, node:*, hono). tests/architecture.test.ts holds the
 * same list against the import graph, .astro files and what these modules import included.
 */
export const SITE_MAY_IMPORT_FROM_API = [
  'api/contracts/',
  'api/auth/rules.ts',
  'api/auth/session-user.ts',
  'api/catalog/ids.ts',
  'api/lib/same-origin.ts',
  'api/lib/today.ts',
  'api/objects/suggestions.ts',
  'api/reports/period.ts',
  'api/tracker/model.ts',
  'api/tracker/status-rules.ts',
];

/**
 * Only stores prepare SQL: api/<domain>/store.ts, api/<domain>/stores/*.ts, api/db/ (connection,
 * migrations, caches), the benchmark's raw-SQL floor in scripts/bench/ and tests. Handlers, services,
 * the CLI and seeders call stores (issue 16 item 2).
 */
export const MAY_PREPARE_SQL = ['api/**/store.ts', 'api/**/stores/*.ts', 'api/db/**', 'scripts/bench/**', '**/*.test.ts', '**/test-*.ts', 'tests/**'];

/** Calls that prepare SQL: db.prepare(…), prepareCached(db, …) and a store's prepared(…). */
export const PREPARE_SQL_SELECTORS = [
  "CallExpression[callee.property.name='prepare']",
  "CallExpression[callee.name='prepareCached']",
  "CallExpression[callee.name='prepared']",
];

const allowed = SITE_MAY_IMPORT_FROM_API.map((p) => p.slice('api/'.length).replaceAll('.', '\\.') + (p.endsWith('/') ? '' : '$')).join('|');

export default tseslint.config(
  { ignores: ['dist/', '.astro/', 'node_modules/', 'data/', 'bench/', 'coverage/', '**/*.astro'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', fetch: 'readonly', document: 'readonly', window: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-console': 'off',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  {
    files: ['**/*.ts'],
    ignores: MAY_PREPARE_SQL,
    rules: {
      'no-restricted-syntax': [
        'error',
        ...PREPARE_SQL_SELECTORS.map((selector) => ({
          selector,
          message: "Only a store prepares SQL (api/<domain>/store.ts or api/<domain>/stores/*.ts): call the table's store.",
        })),
      ],
    },
  },
  {
    files: ['site/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: `^(\\.\\./)+api/(?!(${allowed}))`,
              message: 'The site imports from api/ only api/contracts/ and the pure modules listed in eslint.config.js (no server code).',
            },
          ],
        },
      ],
    },
  },
);

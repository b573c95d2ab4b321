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
  'api/lib/same-origin.ts',
  'api/lib/today.ts',
  'api/reports/period.ts',
  'api/tracker/model.ts',
  'api/tracker/status-rules.ts',
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

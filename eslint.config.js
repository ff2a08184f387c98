// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const NODE_BUILTINS = {
  group: [
    'node:*',
    'fs',
    'path',
    'os',
    'crypto',
    'zlib',
    'child_process',
    'worker_threads',
    'http',
    'url',
    'stream',
  ],
  message: 'core is pure: no Node built-ins (use a port).',
};
const ELECTRON = {
  group: ['electron', 'electron/*'],
  message: 'Only src-main/electron and src-main/preload may import electron.',
};
const SQLITE = { group: ['sqlite3'], message: 'Only src-main/node opens SQLite.' };
const UI = {
  group: ['react', 'react-dom', 'react-dom/*', 'ol', 'ol/*', 'antd', 'antd/*'],
  message: 'UI libraries belong to src-renderer.',
};

/** @param {string} message @param {string[]} group */
const layer = (group, message) => ({ group, message });

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      '.tsbuild/**',
      'release/**',
      'test-results/**',
      'playwright-report/**',
      'tests/bench/.data/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unnecessary-condition': ['error', { allowConstantLoopConditions: true }],
      'no-console': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['src-main/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            NODE_BUILTINS,
            ELECTRON,
            SQLITE,
            UI,
            layer(
              ['**/api/*', '**/services/*', '**/node/*', '**/harness/*', '**/cli/*'],
              'core imports nothing outside core.',
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['src-main/api/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            NODE_BUILTINS,
            ELECTRON,
            SQLITE,
            UI,
            layer(
              ['**/services/*', '**/node/*', '**/harness/*', '**/cli/*', '**/electron/*'],
              'api is the contract: it imports only core model types.',
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['src-main/services/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ELECTRON,
            SQLITE,
            UI,
            layer(
              ['**/node/*', '**/harness/*', '**/cli/*', '**/electron/*'],
              'services get adapters injected; they do not import them.',
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['src-main/node/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ELECTRON,
            UI,
            layer(
              ['**/services/*', '**/harness/*', '**/cli/*', '**/electron/*'],
              'adapters implement core ports only.',
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['src-main/harness/**/*.ts', 'src-main/cli/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [ELECTRON, UI, SQLITE] }] },
  },
  {
    files: ['src-main/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            NODE_BUILTINS,
            SQLITE,
            UI,
            layer(
              ['**/core/*', '**/services/*', '**/node/*'],
              'the preload is a thin bridge: electron + api types only.',
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            NODE_BUILTINS,
            ELECTRON,
            SQLITE,
            {
              regex: 'src-main/(?!api/)',
              message: 'the renderer imports only the contract (src-main/api), never main-process code.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['tests/**/*.ts', 'tests/**/*.mjs'],
    languageOptions: { globals: { ...globals.node } },
  },
);

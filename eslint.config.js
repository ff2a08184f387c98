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

const SCAN_INDEPENDENT = {
  group: ['**/release/*', '**/release', '**/raster/*', '**/formats/*/write*', '**/release-service*'],
  message: 'the scanner must not share code with the release transforms or writers (ADR 0178).',
};

/** @param {string} message @param {string[]} group */
const layer = (group, message) => ({ group, message });
/** Import patterns for sibling folders of src-main. @param {string[]} folders */
const OUTER = (folders) => folders.map((f) => `**/${f}/*`);
/** What core may not import: it is pure and gets everything through its ports. */
const CORE_RULES = [
  NODE_BUILTINS,
  ELECTRON,
  SQLITE,
  UI,
  layer(
    OUTER(['api', 'services', 'node', 'hosting', 'harness', 'cli', 'electron']),
    'core imports nothing outside core.',
  ),
  layer(['**/resources/**'], 'core gets resources (EPSG table, profiles) from an adapter, as arguments.'),
];
/** What the adapters may not import. */
const NODE_RULES = [
  ELECTRON,
  UI,
  layer(OUTER(['services', 'hosting', 'harness', 'cli', 'electron']), 'adapters implement core ports only.'),
];

/** One folder's import restrictions. @param {string[]} files @param {unknown[]} patterns */
const restrict = (files, patterns) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns }] },
});

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
  restrict(['src-main/core/**/*.ts'], CORE_RULES),
  restrict(
    ['src-main/api/**/*.ts'],
    [
      NODE_BUILTINS,
      ELECTRON,
      SQLITE,
      UI,
      layer(
        OUTER(['services', 'node', 'hosting', 'harness', 'cli', 'electron']),
        'api is the contract: it imports only core model types.',
      ),
    ],
  ),
  restrict(
    ['src-main/services/**/*.ts'],
    [
      ELECTRON,
      SQLITE,
      UI,
      layer(
        OUTER(['node', 'hosting', 'harness', 'cli', 'electron']),
        'services get adapters injected; they do not import them.',
      ),
    ],
  ),
  restrict(['src-main/node/**/*.ts'], NODE_RULES),
  restrict(
    ['src-main/hosting/**/*.ts'],
    [
      ELECTRON,
      UI,
      SQLITE,
      layer(OUTER(['harness', 'cli', 'electron']), 'hosting is shared by the hosts, not one of them.'),
    ],
  ),
  // ADR 0178: the re-scan is independent of what it checks, so it cannot reach the release code.
  // The later entry for a folder replaces the earlier one's patterns, so the scanner's repeat them.
  restrict(['src-main/core/scan/**/*.ts'], [...CORE_RULES, SCAN_INDEPENDENT]),
  restrict(['src-main/node/scan/**/*.ts'], [...NODE_RULES, SCAN_INDEPENDENT]),
  restrict(['src-main/harness/**/*.ts', 'src-main/cli/**/*.ts'], [ELECTRON, UI, SQLITE]),
  restrict(
    ['src-main/preload/**/*.ts'],
    [
      NODE_BUILTINS,
      SQLITE,
      UI,
      layer(
        OUTER(['core', 'services', 'node', 'hosting']),
        'the preload is a thin bridge: electron + api types only.',
      ),
    ],
  ),
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

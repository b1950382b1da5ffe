// @ts-check
/**
 * Lint rules, including the process boundaries of docs/architecture.md. The boundaries are enforced here,
 * not by goodwill: tests/unit/lint-boundaries.test.ts proves each rule fails on a forbidden import.
 */
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import { builtinModules } from 'node:module';

const builtinMessage = 'Node built-ins are not available in this runtime (docs/architecture.md: import boundaries).';
// Exact names, not gitignore-style patterns: a pattern 'domain' would also match '../domain'.
const nodeBuiltinPaths = builtinModules.map((name) => ({ name, message: builtinMessage }));
const nodeBuiltinPatterns = [{ group: ['node:*'], message: builtinMessage }];

/** Packages that tie code to one runtime: never allowed in src/shared. */
const runtimePackages = [
  'electron', 'better-sqlite3', 'drizzle-orm', 'drizzle-orm/*', 'fastify', 'fastify/*', '@fastify/*',
  'pg', '@electric-sql/pglite', '@electric-sql/pglite/*', 'ws', 'react', 'react-dom', 'react-dom/*',
  '@mantine/*', 'pdfjs-dist', 'pdfjs-dist/*', 'i18next', 'react-i18next', 'electron-updater',
];

/** @param {string[]} folders @param {string} why */
const folderBan = (folders, why) =>
  folders.map((folder) => ({
    group: [`**/${folder}`, `**/${folder}/**`, `@/${folder}/**`],
    message: `${why} (docs/architecture.md: import boundaries).`,
  }));

export default tseslint.config(
  {
    ignores: [
      'out/**', 'dist/**', 'node_modules/**', '.native/**', 'test-results/**', 'playwright-report/**',
      'reports/**', 'coverage/**', 'tests/fixtures/**', '.tmp/**', '.data/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error', 'info'] }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    // No import circles anywhere in src: a circle makes module order decide which value is undefined.
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.mjs', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.mjs', '.js', '.json'] })],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    files: ['src/shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', {
        paths: nodeBuiltinPaths,
        patterns: [
          ...nodeBuiltinPatterns,
          { group: runtimePackages, message: 'src/shared imports nothing runtime-specific (docs/architecture.md: import boundaries).' },
          ...folderBan(['main', 'renderer', 'server', 'preload', 'render'], 'src/shared imports only src/shared'),
        ],
      }],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', {
        paths: [...nodeBuiltinPaths, { name: 'electron', message: 'The renderer talks only to window.werkbank.' }],
        patterns: [
          ...nodeBuiltinPatterns,
          { group: ['better-sqlite3', 'drizzle-orm', 'drizzle-orm/*', 'fastify', 'pg', '@electric-sql/*', 'ws'],
            message: 'The renderer never sees SQL or servers: it talks only to window.werkbank.' },
          ...folderBan(['main', 'host', 'server', 'preload'], 'The renderer talks only to window.werkbank'),
        ],
      }],
      'no-restricted-globals': ['error', 'require', 'process', '__dirname', 'Buffer'],
    },
  },
  {
    files: ['src/main/host/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'The data host is plain Node: it runs in a utilityProcess and in tests.' }],
        patterns: [
          { group: ['electron/*', 'electron-updater'], message: 'The data host never imports electron.' },
          ...folderBan(['renderer', 'preload', 'server'], 'The data host imports only shared and host code'),
        ],
      }],
    },
  },
  {
    files: ['src/main/**/*.ts'],
    ignores: ['src/main/host/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [...folderBan(['renderer', 'server'], 'The main process imports shared code, never the UI or the server')],
      }],
    },
  },
  {
    // Templates and PDF rendering (letters, messages): plain Node, used by both the data host and the central API.
    files: ['src/render/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'Letters are rendered the same in the host and on the server, without Electron.' }],
        patterns: [...folderBan(['main', 'renderer', 'server', 'preload'], 'src/render imports only shared code')],
      }],
    },
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: nodeBuiltinPaths,
        patterns: [
          ...nodeBuiltinPatterns,
          ...folderBan(['main', 'renderer', 'server'], 'The preload imports only electron and shared code'),
        ],
      }],
    },
  },
  {
    files: ['src/server/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'The central API runs without Electron.' }],
        patterns: [...folderBan(['main', 'renderer', 'preload'], 'The server never imports main or renderer')],
      }],
    },
  },
  {
    files: ['tests/**/*.ts', 'scripts/**/*.{ts,mjs,cjs}', '*.config.{ts,mjs}'],
    rules: { 'no-console': 'off' },
  },
  {
    // CommonJS on purpose (see the file): require is how it imports.
    files: ['scripts/**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);

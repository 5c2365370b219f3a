// @ts-check
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

/** Folder boundaries from STYLE.md, enforced as lint rules. */
const restrict = (patterns) => ({
  'no-restricted-imports': ['error', { patterns }],
})
const serverOnly = ['ws', 'better-sqlite3', 'ioredis', 'pino', 'prom-client', 'node:*']
/** react-konva's main entry brings Konva's full build: canvas components come from client/canvas/konva.ts. */
const fullKonva = {
  regex: '^react-konva$',
  message: "Import canvas components from client/canvas/konva (Konva's core and the shapes the board draws).",
}
const uiLibs = ['react', 'react-dom', 'react-konva', 'konva', '@tiptap/*']

export default tseslint.config(
  {
    ignores: ['dist/**', 'node_modules/**', 'data/**', 'test-results/**', 'playwright-report/**', '.tmp/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['client/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-hooks/refs': 'off',
      'react-hooks/set-state-in-effect': 'off',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: restrict([
      { group: [...uiLibs, ...serverOnly], message: 'shared/ imports only yjs, lib0, zod and itself.' },
      { group: ['**/client/**', '**/server/**'], message: 'shared/ never imports client/ or server/.' },
    ]),
  },
  {
    files: ['server/**/*.ts'],
    rules: restrict([
      { group: ['**/client/**', ...uiLibs], message: 'server/ never imports client/ or UI libraries.' },
    ]),
  },
  {
    files: ['client/**/*.{ts,tsx}'],
    rules: restrict([
      {
        group: ['**/server/**', ...serverOnly],
        message: 'client/ never imports server/ or server libraries.',
      },
      fullKonva,
    ]),
  },
  {
    files: ['client/canvas/**/*.{ts,tsx}', 'client/panels/**/*.{ts,tsx}'],
    rules: restrict([
      { group: ['**/server/**', ...serverOnly], message: 'client/ never imports server/.' },
      {
        group: ['yjs', 'y-websocket', 'y-protocols/*', '**/sync/**', '**/sync'],
        message:
          'canvas/ and panels/ read snapshots and call commands; they never touch Y types or the socket.',
      },
      fullKonva,
    ]),
  },
  {
    files: ['client/**/*.{ts,tsx}'],
    ignores: ['client/sync/**'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'WebSocket', message: 'Only client/sync/ touches the socket.' },
      ],
    },
  },
)

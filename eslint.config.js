// ESLint flat config: typescript-eslint's recommended rules plus the import-direction rules of
// CONTRIBUTING.md ("Layout"). The boundary rules are what keeps the card bundle free of server code
// and the domain free of I/O, so they are errors, not warnings.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { importX, createNodeResolver } from 'eslint-plugin-import-x';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';

const TS_EXTENSIONS = ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'];
const API_CLIENT = ['@hubspot/api-client', '@hubspot/api-client/*'];

/** Each layer's allowed bare imports; relative imports are policed by no-restricted-paths below. */
const onlyRelative = (message) => ({ patterns: [{ regex: '^(?!\\.)', message }] });

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'coverage/**', 'test/fixtures/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': TS_EXTENSIONS,
      'import-x/resolver-next': [createNodeResolver({ extensions: TS_EXTENSIONS })],
    },
    rules: {
      // Style findings are warnings so that work in progress does not fail `npm run check`;
      // the boundary and cycle rules below are errors.
      '@typescript-eslint/no-unused-vars': ['warn', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-useless-escape': 'warn',
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      'import-x/no-restricted-paths': ['error', {
        zones: [
          {
            target: './src/kernel',
            from: './src',
            except: ['./kernel'],
            message: 'src/kernel is the pure ground every side stands on: it imports nothing.',
          },
          {
            target: './src/domain',
            from: './src',
            except: ['./domain', './kernel'],
            message: 'src/domain is pure: it imports nothing outside src/domain (and src/kernel).',
          },
          {
            target: ['./src/app', './src/extensions', './src/contracts'],
            from: ['./src/server', './src/domain', './src/sandbox'],
            message: 'Card code (src/app, src/extensions, src/contracts) is uploaded to HubSpot and must not import server, domain or sandbox code.',
          },
          {
            target: './src/contracts',
            from: './src',
            except: ['./contracts', './kernel'],
            message: 'src/contracts imports only zod, other contracts files and src/kernel.',
          },
          {
            target: './src/sandbox',
            from: './src/server',
            message: 'The sandbox stands in for HubSpot; it must not import the app it is standing in for.',
          },
          {
            target: './src/workspace',
            from: './src/server',
            message: 'The workspace stands in for HubSpot\'s UI; it talks to the backend over HTTP like HubSpot, never by importing it.',
          },
          {
            target: './src/server',
            from: './src/workspace',
            message: 'Only src/server/embedded (the embedded default of npm start) mounts the workspace; it is never part of the product.',
          },
          {
            target: './src/server',
            from: './src/sandbox',
            message: 'Only src/server/embedded (the embedded default of npm start) may start the sandbox; production code talks to HubSpot through the gateway.',
          },
        ],
      }],
    },
  },
  {
    // The embedded default starts the sandbox in-process; of the zones above only server ← sandbox targets it.
    files: ['src/server/embedded/**/*.{ts,tsx}'],
    rules: { 'import-x/no-restricted-paths': 'off' },
  },
  {
    files: ['src/domain/**/*.{ts,tsx}', 'src/kernel/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', onlyRelative('src/domain imports no packages and no node:* modules (pass I/O in as arguments).')],
    },
  },
  {
    files: ['src/contracts/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ regex: '^(?!zod(/|$)|\\.)', message: 'src/contracts imports only zod.' }],
      }],
    },
  },
  {
    // Everything in src except the gateway (and the folders already limited more tightly above).
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/server/hubspot/**', 'src/domain/**', 'src/kernel/**', 'src/contracts/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: API_CLIENT, message: 'Only src/server/hubspot/** talks to @hubspot/api-client (the gateway).' }],
      }],
    },
  },
  {
    files: ['src/app/**/*.{ts,tsx}', 'src/extensions/**/*.{ts,tsx}', 'src/contracts/**/*.{ts,tsx}', 'src/kernel/**/*.{ts,tsx}', 'src/workspace/browser/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // Card code is React: only the two core hook rules (the compiler rules are experimental).
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
  },
  {
    files: ['src/app/**/*.{ts,tsx}', 'src/extensions/**/*.{ts,tsx}'],
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    files: ['scripts/**', 'src/server/cli/**', 'bench/**'],
    rules: { 'no-console': 'off' },
  },
);

// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';
import { readdirSync } from 'node:fs';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];
const nativeOrMain = [
  'electron',
  'keytar',
  'better-sqlite3',
  'conf',
  'electron-store',
  'ws',
  'openai',
  '@anthropic-ai/sdk',
  '@google/genai',
];

/**
 * Layer rules (DESIGN.md, Layers). tests/unit/layerRules.test.ts proves each one fires.
 * - core: never electron;
 * - renderer: nothing from main but types, no Node module, no native or main-only package;
 * - preload: only src/shared (and electron itself, which it exists to wrap);
 * - shared: no other layer.
 * And one usage writer: only src/main/core/usage/UsageWriter.ts writes ledger rows and headroom.
 * Renderer features (DESIGN.md, Renderer feature folders): outside its folder a feature is reached
 * through its index.ts only; shared UI and lib import no feature; nothing but the entry imports app/.
 */
const rendererSrc = './src/renderer/src';
const rendererFeatures = readdirSync(`${rendererSrc}/features`, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const featureZones = rendererFeatures.map((feature) => ({
  target: [
    ...rendererFeatures
      .filter((other) => other !== feature)
      .map((other) => `${rendererSrc}/features/${other}`),
    `${rendererSrc}/app`,
    `${rendererSrc}/main.tsx`,
  ],
  from: `${rendererSrc}/features/${feature}`,
  except: ['./index.ts'],
  message: `Only features/${feature}/index.ts is public: import what it exports, or expose it there.`,
}));
const sharedGroundZones = [
  {
    target: [`${rendererSrc}/components`, `${rendererSrc}/lib`],
    from: [`${rendererSrc}/features`, `${rendererSrc}/app`],
    message: 'Shared UI and lib are common ground: they import no feature and not the app shell.',
  },
  {
    target: `${rendererSrc}/features`,
    from: `${rendererSrc}/app`,
    message: 'Features do not import the app shell; app/ composes them.',
  },
];
/** Languages: what the hard-coded text rule looks for, and where it does not look yet. */
// Latin letters (× and ÷ are not), and CJK: an icon glyph like × or ● may stay in code.
const letters = '/[A-Za-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u024F\\u4E00-\\u9FFF]/';
const textProps = '/^(aria-label|title|placeholder|alt|content|label)$/';
const uiTextMessage =
  "User-facing text comes from a catalogue: t('key') with the words in src/shared/locales/{en,zh-CN,de}.";
/**
 * Renderer files the rule skips. Empty: every component's words are in the catalogues. A file
 * put here must say why in a comment.
 */
const untranslatedRendererFiles = [];
export default tseslint.config(
  {
    ignores: [
      'tests/lint-fixtures/**',
      'out/**',
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'bench-results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    languageOptions: { globals: { ...globals.node } },
    settings: { 'import-x/resolver': { typescript: true, node: true } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['src/main/core/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'src/main/core is runtime-agnostic: no electron import (DESIGN.md).',
            },
          ],
        },
      ],
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './src/main/core',
              from: './src/renderer',
              message: 'core must not import the renderer.',
            },
            {
              target: './src/main/core',
              from: './src/preload',
              message: 'core must not import the preload.',
            },
            {
              target: './src/main/core',
              from: './src/harness',
              message: 'core must not import the harness.',
            },
            {
              target: './src/main/core',
              from: './src/cli',
              message: 'core must not import the CLI.',
            },
            {
              target: './src/main/core',
              from: './src/main',
              except: ['./core'],
              message: 'core must not import the Electron shell.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [...nodeBuiltins, ...nativeOrMain].map((name) => ({
            name,
            message:
              'The renderer runs in a sandboxed page: no Node module or main-process package.',
          })),
          patterns: [
            {
              group: ['**/main/**', '**/main', '**/preload/**', '**/cli/**', '**/harness/**'],
              allowTypeImports: true,
              message:
                'The renderer talks to main only through lib/api.ts; it may import main types only.',
            },
          ],
        },
      ],
      'import-x/no-restricted-paths': ['error', { zones: [...featureZones, ...sharedGroundZones] }],
      'no-restricted-properties': [
        'error',
        {
          object: 'window',
          property: 'api',
          message: 'Only src/renderer/src/lib/api.ts touches window.api.',
        },
      ],
    },
  },
  {
    files: ['src/renderer/src/lib/api.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './src/preload',
              from: './src',
              except: ['./shared', './preload'],
              message: 'The preload imports only src/shared.',
            },
          ],
        },
      ],
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!electron$|\\.)',
              message: 'The preload imports only src/shared (and electron).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './src/shared',
              from: './src',
              except: ['./shared'],
              message: 'shared imports no other layer.',
            },
          ],
        },
      ],
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^(?!zod$|\\.)', message: 'src/shared imports nothing but zod.' }] },
      ],
    },
  },
  {
    // One usage writer (DESIGN.md, The usage writer): ledger rows and headroom are written there only.
    files: ['src/**/*.ts'],
    ignores: ['src/main/core/usage/UsageWriter.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...['callee.object.name', 'callee.object.property.name'].map((object) => ({
          selector: `CallExpression[callee.property.name='record'][${object}=/^(ledger|rateLimits)$/]`,
          message:
            'Usage rows and rate-limit headroom are written by UsageWriter only (one save policy).',
        })),
      ],
    },
  },
  {
    // Languages (issue 19): every word a person reads in the renderer comes from a catalogue
    // (src/shared/locales), so text between JSX tags and literal aria-label/title/placeholder/alt
    // values fail. tests/lint-fixtures/renderer-hardcoded-text.tsx proves it fires.
    files: ['src/renderer/src/**/*.tsx'],
    ignores: untranslatedRendererFiles,
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: `JSXText[value=${letters}]`,
          message: uiTextMessage,
        },
        ...[
          'Literal',
          'JSXExpressionContainer > Literal',
          'JSXExpressionContainer > TemplateLiteral > TemplateElement',
        ].map((node) => ({
          selector: `JSXAttribute[name.name=${textProps}] > ${node}[value${node.endsWith('TemplateElement') ? '.raw' : ''}=${letters}]`,
          message: uiTextMessage,
        })),
      ],
    },
  },
  {
    // Small parts (DESIGN.md, Conventions): a file over 400 lines or a function over 80 is split
    // by concern, the renderer's components included.
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      'max-lines': ['error', { max: 400 }],
      'max-lines-per-function': ['error', { max: 80, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    // Playwright fixtures that need no other fixture are written `async ({}, use) => …`.
    files: ['tests/e2e/**/*.ts'],
    rules: { 'no-empty-pattern': 'off' },
  },
  {
    files: ['src/harness/bridge.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
);

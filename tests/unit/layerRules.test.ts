import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const fixturesDir = join(root, 'tests/lint-fixtures');

/** Each fixture says where it pretends to live; it is linted as if it were there, with the real config. */
async function lintFixture(name: string) {
  const code = readFileSync(join(fixturesDir, name), 'utf8');
  const target = /^\/\/ lint-as: (\S+)/.exec(code)?.[1];
  if (!target) throw new Error(`${name} has no lint-as header`);
  const eslint = new ESLint({ cwd: root });
  const [result] = await eslint.lintText(code, { filePath: join(root, target) });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

const breaking: [string, RegExp][] = [
  ['core-imports-electron.ts', /no-restricted-imports: .*no electron/],
  ['renderer-imports-main.ts', /no-restricted-imports: .*main types only/],
  ['renderer-imports-node.ts', /no-restricted-imports: .*no Node module/],
  ['renderer-imports-fs.ts', /no-restricted-imports: .*no Node module/],
  ['renderer-touches-window-api.ts', /no-restricted-properties: .*lib\/api\.ts/],
  ['preload-imports-main.ts', /no-restricted-paths: .*only src\/shared/],
  ['preload-imports-package.ts', /no-restricted-imports: .*only src\/shared/],
  ['shared-imports-main.ts', /no-restricted-paths: .*no other layer/],
  ['core-writes-ledger.ts', /no-restricted-syntax: .*written by UsageWriter only/],
  ['core-long-function.ts', /max-lines-per-function: /],
  ['renderer-long-component.tsx', /max-lines-per-function: /],
  [
    'renderer-feature-imports-internals.ts',
    /no-restricted-paths: .*features\/chat\/index\.ts is public/,
  ],
  [
    'renderer-app-imports-internals.ts',
    /no-restricted-paths: .*features\/chat\/index\.ts is public/,
  ],
  ['renderer-lib-imports-feature.ts', /no-restricted-paths: .*import no feature/],
  ['renderer-feature-imports-app.ts', /no-restricted-paths: .*do not import the app shell/],
  ['renderer-hardcoded-text.tsx', /no-restricted-syntax: User-facing text comes from a catalogue/],
];

const allowed = [
  'renderer-imports-main-type.ts',
  'renderer-feature-imports-public.ts',
  'renderer-translated-text.tsx',
];

// The first ESLint run loads the TypeScript resolver: seconds on 2 busy cores, more than 5 s default.
describe('layer rules', { timeout: 30_000 }, () => {
  it('has a test for every fixture', () => {
    const tested = new Set([...breaking.map(([name]) => name), ...allowed]);
    expect(readdirSync(fixturesDir).sort()).toEqual([...tested].sort());
  });

  it.each(breaking)('%s makes lint fail', async (fixture, rule) => {
    const messages = await lintFixture(fixture);
    expect(
      messages.some((m) => rule.test(m)),
      messages.join('\n'),
    ).toBe(true);
  });

  it('fails each hard-coded word: text between tags, a literal aria-label, a title expression', async () => {
    const messages = await lintFixture('renderer-hardcoded-text.tsx');
    expect(messages.filter((m) => m.includes('comes from a catalogue'))).toHaveLength(3);
  });

  // Main's types; another feature's index.ts, shared UI, lib and src/shared.
  it.each(allowed)('%s passes lint', async (fixture) => {
    expect(await lintFixture(fixture)).toEqual([]);
  });
});

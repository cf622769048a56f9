import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeConnection } from '../../src/main/core/profiles/connectionProbe';
import { envKeyNames } from '../../src/main/core/profiles/envProfile';
import type { ProviderModule } from '../../src/main/core/providers/ProviderModule';
import { allProviders, providers } from '../../src/main/core/providers/registry';
import { providerTypes, type ProviderType } from '../../src/main/core/providers/types';
import { startEmulator, type Emulator } from '../emulator/server';
import { ask, emulatorTarget, runEngine } from '../support/engineRun';

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({ defaultTokens: 5 });
});
afterAll(() => emulator.close());

/**
 * Types whose responses carry no rate-limit headers at all: neither @google/genai's types nor
 * Google's docs name any for the Gemini API, so its module reads none (rateLimitFrom: null).
 */
const noRateLimitHeaders = new Set<ProviderType>(['gemini']);

/** Every piece a module must have, as the interface names them. */
const pieces: (keyof ProviderModule)[] = [
  'type',
  'label',
  'keyOptional',
  'createAdapter',
  'rateLimitFrom',
  'connectionTest',
  'profiles',
  'environment',
];

describe('provider registry', () => {
  it('has one module for every provider type, filed under its own type', () => {
    expect(Object.keys(providers).sort()).toEqual([...providerTypes].sort());
    for (const type of providerTypes) {
      const module: ProviderModule = providers[type];
      expect(module.type).toBe(type);
      for (const piece of pieces) expect(module[piece], `${type}.${piece}`).toBeDefined();
      expect(module.label.trim()).not.toBe('');
    }
    expect(allProviders().map((p) => p.type)).toEqual([...providerTypes]);
  });

  it('names a distinct key variable per type, each one known to the crash log', () => {
    const variables = allProviders().map((p) => p.environment.keyVariable);
    expect(new Set(variables).size).toBe(providerTypes.length);
    const all = allProviders().flatMap((p) => p.environment.keyVariables);
    for (const p of allProviders())
      expect(p.environment.keyVariables).toContain(p.environment.keyVariable);
    // No variable read by two types: a key meant for one provider never goes to another.
    expect(new Set(all).size).toBe(all.length);
    expect([...envKeyNames].sort()).toEqual([...all].sort());
  });

  it.each(providerTypes)(
    '%s: its module answers a chat and reads its rate limits',
    async (type) => {
      const target = emulatorTarget(emulator, type);
      const run = await runEngine(target, ask(target, `registry ${type} [tokens=3]`));
      expect(run.error).toBeUndefined();
      expect(run.finish.finishReason).toBe('stop');
      expect(run.text.length).toBeGreaterThan(0);
      // The module's own header family: the emulator sends each dialect's documented names.
      if (noRateLimitHeaders.has(type)) expect(run.rateLimit).toBeUndefined();
      else expect(run.rateLimit?.requests?.limit).toBeGreaterThan(0);
      const call = emulator.requests.findLast((r) =>
        JSON.stringify(r.body).includes(`registry ${type}`),
      );
      expect(call).toBeDefined();
    },
  );

  it.each(providerTypes)('%s: its module runs the connection test', async (type) => {
    const target = emulatorTarget(emulator, type);
    const report = await probeConnection({
      profile: { ...target.profile, headers: [], authMethod: 'apiKey' },
      apiKey: target.apiKey,
      bearerToken: null,
      headers: {},
    });
    expect(report).toMatchObject({ ok: true, step: 'done' });
  });
});

/** Where provider knowledge may live: the modules and the registry, nowhere else. */
const providerHome = /^src\/main\/core\/providers\/(\w+Provider|registry|ProviderModule)\.ts$/;
/** The renderer names no type at all, not even as a fallback: it reads providerKinds.ts. */
const quotedType = /(['"])(openai|anthropic|azure|openai-compatible|gemini)\1/;
/** A provider type named as a string in code (comments are not code). */
const namedType =
  /(['"])(anthropic|azure|openai-compatible|gemini)\1|[=!]==\s*'openai'\b|case 'openai'/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('nothing else branches on the provider type', () => {
  it('no file in main, the CLI, the harness or the renderer names a provider type outside its module', () => {
    const root = join(import.meta.dirname, '../..');
    const offenders: string[] = [];
    // The renderer reads what it shows of each type from src/shared/providerKinds.ts.
    for (const dir of ['src/main', 'src/cli', 'src/harness', 'src/renderer']) {
      for (const file of sourceFiles(join(root, dir))) {
        const path = relative(root, file).replaceAll('\\', '/');
        if (providerHome.test(path)) continue;
        readFileSync(file, 'utf8')
          .split('\n')
          .forEach((line, i) => {
            const code = line.replace(/\/\/.*$|^\s*\*.*$/, '');
            const named = path.startsWith('src/renderer/') ? quotedType : namedType;
            if (named.test(code)) offenders.push(`${path}:${i + 1}: ${line.trim()}`);
          });
      }
    }
    expect(offenders).toEqual([]);
  });
});

export type { ProviderType };

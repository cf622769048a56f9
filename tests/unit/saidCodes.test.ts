/**
 * Main's words as codes (issue 19): every code main (or the renderer) names has a text in every
 * catalogue, every text in the errors catalogue is named somewhere, the English is built from
 * the English catalogue, and the renderer shows a code in the language in use.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { catalogues } from '../../src/shared/locales';
import { uiLanguages } from '../../src/shared/locales/languages';
import { englishText, said, spoken } from '../../src/shared/said';
import { ipcErrorText, saidText, setUiLanguage } from '../../src/renderer/src/lib/i18n';
import { probeConnection } from '../../src/main/core/profiles/connectionProbe';
import { plainErrorMessage } from '../../src/renderer/src/features/chat/lib/errorAdvice';
import { i18n } from '../../src/renderer/src/lib/i18n';
import type { ResolvedTarget } from '../../src/main/core/profiles/resolveTarget';

const root = resolve(import.meta.dirname, '../..');
const groups = Object.keys(catalogues.en.errors);
const pluralSuffix = /_(zero|one|two|few|many|other)$/;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

const sources = () =>
  ['src/main', 'src/shared', 'src/cli', 'src/renderer/src'].flatMap((dir) =>
    files(join(root, dir)),
  );
const code = `((?:${groups.join('|')})\\.[\\w.]+)`;

/**
 * The codes main can send: in each file that speaks through shared/said, a literal given to
 * `spoken(…)`/`said(…)` or chosen in a table or a ternary (`? 'engine.timeout.idle'`,
 * `ECONNREFUSED: 'engine.network.refused'`); in the renderer, an `'errors:…'` key.
 */
function sentCodes(): Map<string, string> {
  const found = new Map<string, string>();
  const inMain = new RegExp(`(?:spoken\\(|said\\(|[?:])\\s*'${code}'`, 'g');
  const inRenderer = new RegExp(`'errors:${code}'`, 'g');
  for (const file of sources()) {
    const text = readFileSync(file, 'utf8');
    const renderer = file.includes('/src/renderer/');
    if (!renderer && !text.includes('shared/said')) continue;
    for (const match of text.matchAll(renderer ? inRenderer : inMain))
      found.set(match[1]!, file.slice(root.length + 1));
  }
  return found;
}

/** Any literal that could be a code, anywhere: what a key must be named by to be alive. */
function anyLiterals(): Set<string> {
  const literal = new RegExp(`['\`](?:errors:)?${code}['\`]`, 'g');
  return new Set(
    sources().flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(literal)].map((m) => m[1]!),
    ),
  );
}

function leafKeys(node: unknown, prefix = ''): string[] {
  return Object.entries(node as Record<string, unknown>).flatMap(([key, value]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return typeof value === 'string' ? [path.replace(pluralSuffix, '')] : leafKeys(value, path);
  });
}

describe('the codes main sends', () => {
  const codes = sentCodes();

  it('are found in the sources (the scan sees them)', () => {
    expect(codes.size).toBeGreaterThan(80);
    expect(codes.has('probe.keyRefused')).toBe(true);
    expect(codes.has('engine.network.refused')).toBe(true);
  });

  it.each(uiLanguages)('each has a text in the %s errors catalogue', (language) => {
    const keys = new Set(leafKeys(catalogues[language].errors));
    const missing = [...codes].filter(([code]) => !keys.has(code));
    expect(missing).toEqual([]);
  });

  it('every English text is a code some source names (no dead keys)', () => {
    const named = anyLiterals();
    const unused = leafKeys(catalogues.en.errors).filter((key) => !named.has(key));
    expect(unused).toEqual([]);
  });
});

describe('englishText', () => {
  it('fills parameters, nested sentences and plural forms from the English catalogue', () => {
    const inner = said('probe.serverSaid', { detail: 'Incorrect API key' });
    expect(englishText(said('probe.keyRefused', { status: 401, serverSaid: inner }))).toBe(
      'The server refused the key (HTTP 401). Check the API key for this profile. The server said: "Incorrect API key"',
    );
    expect(englishText(said('notice.savedAfterAll', { count: 1 }))).toMatch(
      /^Saved after all: 1 save that/,
    );
    expect(englishText(said('notice.savedAfterAll', { count: 3 }))).toMatch(
      /^Saved after all: 3 saves that/,
    );
    expect(spoken('engine.stopped')).toEqual({
      message: 'Stopped.',
      said: { code: 'engine.stopped' },
    });
  });
});

describe('saidText in the renderer', () => {
  afterEach(() => {
    setUiLanguage('en');
  });

  it('shows a code in the language in use, the provider’s own words as they came', () => {
    const words = spoken('probe.keyRefused', {
      status: 401,
      serverSaid: said('probe.serverSaid', { detail: 'Incorrect API key provided' }),
    });
    expect(saidText(words.said, words.message)).toBe(words.message);
    setUiLanguage('de');
    const german = saidText(words.said, words.message);
    expect(german).toContain('Der Server hat den Schlüssel abgelehnt (HTTP 401)');
    expect(german).toContain('„Incorrect API key provided“');
    setUiLanguage('zh-CN');
    expect(saidText(words.said, words.message)).toContain('服务器拒绝了该密钥（HTTP 401）');
  });

  it('falls back to the English main sent: no code (an older row), or a code this build lacks', () => {
    setUiLanguage('de');
    expect(saidText(undefined, 'Old English words.')).toBe('Old English words.');
    const unknown = { code: 'engine.fromANewerVersion' } as unknown as Parameters<
      typeof saidText
    >[0];
    expect(saidText(unknown, 'Newer English words.')).toBe('Newer English words.');
    expect(ipcErrorText({ message: 'Plain.', said: spoken('backup.gone').said })).toBe(
      'Diese Sicherung ist nicht mehr vorhanden.',
    );
  });

  it('a stored answer’s error (JSON in SQLite) shows in the language chosen after it was saved', () => {
    const stored = JSON.parse(
      JSON.stringify({ kind: 'network', status: null, ...spoken('engine.network.refused') }),
    );
    setUiLanguage('zh-CN');
    const t = i18n.getFixedT('zh-CN', 'chat');
    expect(plainErrorMessage(t, stored)).toBe('网络错误：连接被拒绝（服务器是否在该地址运行？）。');
    setUiLanguage('de');
    expect(plainErrorMessage(i18n.getFixedT('de', 'chat'), stored)).toMatch(/^Netzwerkfehler:/);
  });
});

describe('the connection test', () => {
  it('sends its report with a code whose parameters are scrubbed of the key', async () => {
    const key = 'sk-test-0123456789abcdef';
    const target = {
      profile: {
        id: 'p',
        name: 'P',
        type: 'openai',
        baseUrl: 'http://127.0.0.1:9/v1',
        defaultModel: 'gpt-4o',
        authMethod: 'apiKey',
      },
      apiKey: key,
      bearerToken: null,
      headers: {},
    } as unknown as ResolvedTarget;
    const report = await probeConnection(target, {
      fetch: async () =>
        new Response(JSON.stringify({ error: { message: `Incorrect API key ${key}` } }), {
          status: 401,
        }),
    });
    expect(report.said?.code).toBe('probe.keyRefused');
    expect(JSON.stringify(report)).not.toContain(key);
    expect(report.message).toContain('[redacted]');
  });
});

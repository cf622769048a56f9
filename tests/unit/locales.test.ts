import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogues, namespaces } from '../../src/shared/locales';
import {
  matchSystemLanguage,
  resolveLanguage,
  uiLanguages,
} from '../../src/shared/locales/languages';

const pluralSuffix = /_(zero|one|two|few|many|other)$/;

/** Every leaf of a catalogue as "path" -> text, plural forms folded into one key. */
function leaves(node: unknown, prefix = ''): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') {
      const base = path.replace(pluralSuffix, '');
      out.set(base, [...(out.get(base) ?? []), value]);
    } else {
      for (const [k, v] of leaves(value, path)) out.set(k, [...(out.get(k) ?? []), ...v]);
    }
  }
  return out;
}

const variables = (texts: string[]) =>
  [
    ...new Set(
      texts.flatMap((text) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1])),
    ),
  ].sort();

const others = uiLanguages.filter((language) => language !== 'en');

describe('catalogues', () => {
  it('has a folder per language and a file per namespace, nothing else', () => {
    const root = resolve(import.meta.dirname, '../../src/shared/locales');
    for (const language of uiLanguages) {
      const files = readdirSync(join(root, language)).sort();
      expect(files).toEqual(namespaces.map((ns) => `${ns}.json`).sort());
    }
  });

  describe.each(others)('%s', (language) => {
    it.each(namespaces)('%s has exactly the English keys', (ns) => {
      const english = [...leaves(catalogues.en[ns]).keys()].sort();
      const translated = [...leaves(catalogues[language][ns]).keys()].sort();
      expect(translated).toEqual(english);
    });

    it.each(namespaces)('%s uses the same {{variables}} as English in every text', (ns) => {
      const english = leaves(catalogues.en[ns]);
      const translated = leaves(catalogues[language][ns]);
      for (const [key, texts] of english) {
        expect(variables(translated.get(key) ?? []), `${ns}:${key}`).toEqual(variables(texts));
      }
    });

    it.each(namespaces)('%s has no empty text and no untranslated copy of long English', (ns) => {
      const english = leaves(catalogues.en[ns]);
      for (const [key, texts] of leaves(catalogues[language][ns])) {
        for (const text of texts) expect(text.trim(), `${ns}:${key}`).not.toBe('');
        // Short labels (OK, JSON, Tokens) may be the same word; a sentence left in English is a gap.
        const same = texts.filter((text) => text.length > 24 && english.get(key)?.includes(text));
        expect(same, `${ns}:${key}`).toEqual([]);
      }
    });
  });

  it('has every plural form a language needs (English and German: one and other)', () => {
    for (const language of ['en', 'de'] as const) {
      for (const ns of namespaces) {
        const keys = Object.keys(flat(catalogues[language][ns]));
        for (const key of keys.filter((k) => k.endsWith('_other')))
          expect(keys, `${language} ${ns}:${key}`).toContain(key.replace(/_other$/, '_one'));
      }
    }
  });
});

function flat(node: unknown, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out[path] = value;
    else Object.assign(out, flat(value, path));
  }
  return out;
}

describe('the system language', () => {
  it('picks the first language we have, Chinese (Simplified) and German by region too', () => {
    expect(matchSystemLanguage(['zh-CN'])).toBe('zh-CN');
    expect(matchSystemLanguage(['zh-Hans-SG', 'en'])).toBe('zh-CN');
    expect(matchSystemLanguage(['de-AT', 'en-US'])).toBe('de');
    expect(matchSystemLanguage(['fr-FR', 'de-DE'])).toBe('de');
    expect(matchSystemLanguage(['en-GB', 'de'])).toBe('en');
  });

  it('falls back to English for a language we lack, Traditional Chinese included', () => {
    expect(matchSystemLanguage(['fr-FR'])).toBe('en');
    expect(matchSystemLanguage(['zh-TW'])).toBe('en');
    expect(matchSystemLanguage([])).toBe('en');
  });

  it('lets a chosen language win over the system', () => {
    expect(resolveLanguage('de', ['zh-CN'])).toBe('de');
    expect(resolveLanguage('system', ['zh-CN'])).toBe('zh-CN');
  });
});

/**
 * Syntax highlighting with highlight.js core and the languages models write most, registered
 * one by one so the bundle does not carry all ~190 grammars. No eval, no inline script: CSP-safe.
 */
import hljs from 'highlight.js/lib/core';
import bash from 'highlight.js/lib/languages/bash';
import c from 'highlight.js/lib/languages/c';
import cpp from 'highlight.js/lib/languages/cpp';
import csharp from 'highlight.js/lib/languages/csharp';
import css from 'highlight.js/lib/languages/css';
import diff from 'highlight.js/lib/languages/diff';
import go from 'highlight.js/lib/languages/go';
import java from 'highlight.js/lib/languages/java';
import javascript from 'highlight.js/lib/languages/javascript';
import json from 'highlight.js/lib/languages/json';
import kotlin from 'highlight.js/lib/languages/kotlin';
import markdown from 'highlight.js/lib/languages/markdown';
import php from 'highlight.js/lib/languages/php';
import python from 'highlight.js/lib/languages/python';
import ruby from 'highlight.js/lib/languages/ruby';
import rust from 'highlight.js/lib/languages/rust';
import sql from 'highlight.js/lib/languages/sql';
import swift from 'highlight.js/lib/languages/swift';
import typescript from 'highlight.js/lib/languages/typescript';
import xml from 'highlight.js/lib/languages/xml';
import yaml from 'highlight.js/lib/languages/yaml';

const languages = {
  bash,
  c,
  cpp,
  csharp,
  css,
  diff,
  go,
  java,
  javascript,
  json,
  kotlin,
  markdown,
  php,
  python,
  ruby,
  rust,
  sql,
  swift,
  typescript,
  xml,
  yaml,
};
for (const [name, language] of Object.entries(languages)) hljs.registerLanguage(name, language);
hljs.registerAliases(['sh', 'shell', 'zsh', 'console'], { languageName: 'bash' });
hljs.registerAliases(['html', 'svg'], { languageName: 'xml' });

/**
 * Highlighted blocks by language and source, least recently used first: scrolling back over a
 * long chat remounts code blocks already seen, and highlighting 100 lines costs milliseconds.
 * Bounded by the characters (source and HTML) it holds, about 4 MB.
 */
const cache = new Map<string, string>();
const cacheLimitChars = 2_000_000;
let cachedChars = 0;

function remember(key: string, html: string): void {
  cache.set(key, html);
  cachedChars += key.length + html.length;
  for (const [oldest, oldHtml] of cache) {
    if (cachedChars <= cacheLimitChars) break;
    cache.delete(oldest);
    cachedChars -= oldest.length + oldHtml.length;
  }
}

/** Escaped HTML with hljs spans, or null when the language is unknown (shown as plain text). */
export function highlightCode(code: string, language: string): string | null {
  if (!language || !hljs.getLanguage(language)) return null;
  const key = `${language}\0${code}`;
  const cached = cache.get(key);
  if (cached !== undefined) {
    cache.delete(key);
    cache.set(key, cached);
    return cached;
  }
  // hljs escapes every character of the source: the result contains only its own <span>s.
  const html = hljs.highlight(code, { language, ignoreIllegals: true }).value;
  remember(key, html);
  return html;
}

/** A label for the code block header: the name the model wrote, lightly tidied. */
export function languageLabel(language: string): string {
  return language ? language.toLowerCase() : 'text';
}

/**
 * Web search, knowledge bases and MCP sign-in speak in codes (issue 19 after issues 17 and 20):
 * what they send shows in the language in use, the provider's own words as they came, and the
 * English beside it is unchanged for the CLI and the logs.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { spoken } from '../../src/shared/said';
import { saidText, setUiLanguage } from '../../src/renderer/src/lib/i18n';
import { openLoopbackCallback } from '../../src/main/core/tools/oauthLoopback';
import { failureSpoken } from '../../src/main/core/tools/mcpFailure';

afterEach(() => {
  setUiLanguage('en');
});

describe('codes of the features merged after the first pass', () => {
  it('the web search Test counts its results in each language (plural forms)', () => {
    const one = spoken('search.results', { name: 'Tavily', count: 1 });
    const three = spoken('search.results', { name: 'Tavily', count: 3 });
    expect(one.message).toBe('Tavily answered with 1 result.');
    expect(three.message).toBe('Tavily answered with 3 results.');
    setUiLanguage('de');
    expect(saidText(one.said, one.message)).toBe('Tavily hat mit 1 Ergebnis geantwortet.');
    expect(saidText(three.said, three.message)).toBe('Tavily hat mit 3 Ergebnissen geantwortet.');
    setUiLanguage('zh-CN');
    expect(saidText(three.said, three.message)).toBe('Tavily 返回了 3 条结果。');
  });

  it('a refused search keeps the provider’s words as they came inside the translated sentence', () => {
    const words = spoken('search.keyRefused', {
      name: 'Brave Search',
      said: spoken('search.itSaid', { detail: 'Invalid subscription token' }).said,
    });
    expect(words.message).toBe(
      'Brave Search refused the key (401). Check it in Settings › Web search. It said: "Invalid subscription token"',
    );
    setUiLanguage('de');
    const german = saidText(words.said, words.message);
    expect(german).toContain('hat den Schlüssel abgelehnt (401)');
    expect(german).toContain('„Invalid subscription token“');
  });

  it('a sign-in that times out says so in the person’s language, the limit a sentence inside', async () => {
    const loopback = await openLoopbackCallback({ state: 's', timeoutMs: 30 });
    const error = await loopback.code.then(
      () => null,
      (reason: unknown) => reason,
    );
    const words = failureSpoken(error, 1000);
    expect(words.message).toBe('The sign-in was not completed within 1 s; sign in again.');
    expect(words.said.code).toBe('tools.oauth.timedOut');
    setUiLanguage('de');
    expect(saidText(words.said, words.message)).toBe(
      'Die Anmeldung wurde nicht innerhalb von 1 s abgeschlossen; melden Sie sich erneut an.',
    );
    setUiLanguage('zh-CN');
    expect(saidText(words.said, words.message)).toBe('登录未在 1 秒内完成；请重新登录。');
  });

  it('an indexing failure nests the embeddings server’s sentence, both translated', () => {
    const inner = spoken('knowledge.noAnswer', { seconds: 60 });
    const words = spoken('knowledge.searchFailed', { detail: inner.said });
    expect(words.message).toBe(
      'The knowledge base could not be searched: The embeddings server sent no answer within 60 s.',
    );
    setUiLanguage('de');
    expect(saidText(words.said, words.message)).toBe(
      'Die Wissensdatenbank konnte nicht durchsucht werden: Der Embeddings-Server hat innerhalb von 60 s nicht geantwortet.',
    );
  });
});

import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '../../../src/renderer/src/features/chat/store/chatStore';
import {
  canContinue,
  describeFinish as describeFinishIn,
  describeMessageStats as describeMessageStatsIn,
} from '../../../src/renderer/src/features/chat/lib/messageStats';
import {
  errorAdvice as errorAdviceIn,
  plainErrorMessage as plainErrorMessageIn,
} from '../../../src/renderer/src/features/chat/lib/errorAdvice';
import { i18n } from '../../../src/renderer/src/lib/i18n';
import type { ProviderError } from '../../../src/shared/stream';
import { setCostEstimator } from '../../../src/renderer/src/lib/cost';

// The notices' words in English (the other languages hold the same keys: locales.test.ts).
const english = i18n.getFixedT('en', 'chat');
const errorAdvice = (error: ProviderError) => errorAdviceIn(english, error);
const plainErrorMessage = (error: ProviderError) => plainErrorMessageIn(english, error);
const describeFinish = (message: ChatMessage) => describeFinishIn(english, message);
const describeMessageStats = (message: ChatMessage) => describeMessageStatsIn(english, message);

const answer = (extra: Partial<ChatMessage>): ChatMessage => ({
  id: 'a',
  role: 'assistant',
  parts: [{ type: 'text', text: 'Hello' }],
  streaming: false,
  ...extra,
});

describe('message footer', () => {
  it('marks estimated usage with ~ and shows speed and time to first token', () => {
    const message = answer({
      model: 'gpt-4o-mini',
      usage: { inputTokens: 1200, outputTokens: 300, totalTokens: 1500, source: 'estimated' },
      timing: { ttftMs: 420, totalMs: 3420 },
    });
    expect(describeMessageStats(message)).toBe(
      'gpt-4o-mini · ~1,200 in · ~300 out · first token 420 ms · 100 tok/s',
    );
  });

  it('writes the time to first token with the language’s unit (毫秒 in Chinese)', () => {
    const message = answer({ timing: { ttftMs: 46, totalMs: 3420 } });
    expect(describeMessageStatsIn(i18n.getFixedT('zh-CN', 'chat'), message)).toContain(
      '首个 token 46 毫秒',
    );
  });

  it('counts the provider’s web searches, billed apart from tokens', () => {
    const usage = {
      inputTokens: 10,
      outputTokens: 5,
      totalTokens: 15,
      source: 'provider' as const,
    };
    expect(describeMessageStats(answer({ usage: { ...usage, webSearchCalls: 1 } }))).toBe(
      '10 in · 5 out · 1 web search',
    );
    expect(describeMessageStats(answer({ usage: { ...usage, webSearchCalls: 3 } }))).toContain(
      '3 web searches',
    );
    expect(describeMessageStats(answer({ usage }))).not.toContain('search');
  });

  it('shows cost only when a price is known, never a made-up 0', () => {
    const message = answer({
      model: 'm',
      usage: { inputTokens: 1000, outputTokens: 1000, totalTokens: 2000, source: 'provider' },
    });
    expect(describeMessageStats(message)).not.toContain('$');
    setCostEstimator((model) => (model === 'm' ? 0.0123 : null));
    expect(describeMessageStats(message)).toContain('$0.01');
    setCostEstimator(() => null);
  });

  it('says finishes in words and offers Continue only where the answer was cut short', () => {
    expect(describeFinish(answer({ finishReason: 'length' }))).toBe('Cut off at max tokens');
    expect(describeFinish(answer({ finishReason: 'content_filter' }))).toBe(
      'Stopped by the content filter',
    );
    expect(describeFinish(answer({ finishReason: 'cancelled' }))).toBe('Stopped');
    const interrupted = answer({
      finishReason: 'error',
      error: { kind: 'interrupted', status: null, message: 'Connection closed' },
    });
    expect(describeFinish(interrupted)).toBe('Interrupted');
    expect(canContinue(interrupted)).toBe(true);
    expect(canContinue(answer({ finishReason: 'length' }))).toBe(true);
    expect(canContinue(answer({ finishReason: 'stop' }))).toBe(false);
    // Stopped by the person mid-way: the rest can still be asked for; an empty stop cannot.
    expect(canContinue(answer({ finishReason: 'cancelled' }))).toBe(true);
    expect(canContinue(answer({ finishReason: 'cancelled', parts: [] }))).toBe(false);
  });
});

describe('error messages', () => {
  it('never shows an HTML page or a stack', () => {
    const html = {
      kind: 'server' as const,
      status: 502,
      message: '<!DOCTYPE html><html><body><h1>Bad Gateway</h1></body></html>',
    };
    expect(plainErrorMessage(html)).toBe(
      'The server answered with a web page instead of an API response (HTTP 502).',
    );
    const stack = {
      kind: 'network' as const,
      status: null,
      message: 'fetch failed\n    at node:internal/deps/undici:1:1',
    };
    expect(plainErrorMessage(stack)).toBe('fetch failed');
  });

  it('says what to do', () => {
    expect(errorAdvice({ kind: 'auth', status: 401, message: 'Incorrect API key' })).toMatch(
      /API key/,
    );
    expect(
      errorAdvice({ kind: 'rate_limit', status: 429, message: 'Slow down', retryAfterMs: 2500 }),
    ).toBe('Too many requests: try again in 3 s.');
  });

  it('adds nothing to a timeout message that already names its remedy, but advises a 504', () => {
    const ours =
      'OpenAI sent nothing for 60 s, so Switchboard stopped waiting. Try again, or raise the response timeout in Settings › Profiles.';
    expect(errorAdvice({ kind: 'timeout', status: null, message: ours })).toBeNull();
    expect(errorAdvice({ kind: 'timeout', status: 504, message: 'Gateway Timeout' })).toMatch(
      /too long/,
    );
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { capAttempts } from '../../../src/main/core/store/ExchangeStore';
import type { Store } from '../../../src/main/core/store/Store';
import { curlCommand, shellQuote } from '../../../src/shared/curl';
import type { ExchangeAttemptView } from '../../../src/shared/exchanges';
import { noSettings, tempStore } from './helpers';

let current: Store | null = null;
afterEach(() => current?.close());

const request = {
  attempt: 1,
  method: 'POST',
  url: 'http://127.0.0.1:9/v1/chat/completions',
  headers: { authorization: 'Bearer [redacted]', 'content-type': 'application/json' },
  body: '{"model":"m","stream":true}',
  atMs: 0,
};

function attemptWith(events: number, size = 100): ExchangeAttemptView {
  return {
    request,
    events: Array.from({ length: events }, (_, i) => ({
      attempt: 1,
      event: null,
      data: 'x'.repeat(size),
      atMs: i,
    })),
  };
}

function withAnswer() {
  const { store, clock } = tempStore();
  current = store;
  const conversation = store.conversations.create({ title: 't', settings: noSettings });
  const message = store.messages.append({
    conversationId: conversation.id,
    parentId: null,
    role: 'assistant',
    content: 'a',
  });
  const save = (events = 1) =>
    store.exchanges.save({
      messageId: message.id,
      provider: 'openai',
      model: 'm',
      stream: true,
      attempts: [attemptWith(events)],
      timing: { ttftMs: 1, totalMs: 2 },
    });
  return { store, clock, conversation, message, save };
}

describe('ExchangeStore', () => {
  it('caps an exchange, keeping the request and the first events, and marks the cut', () => {
    const capped = capAttempts([attemptWith(1000, 1000)], 100_000);
    expect(Buffer.byteLength(capped.json)).toBeLessThanOrEqual(100_000);
    expect(capped.truncated).toBe(true);
    expect(capped.attempts[0]!.request).toEqual(request);
    expect(capped.attempts[0]!.events.length).toBeGreaterThan(50);
    expect(capped.attempts[0]!.events[0]!.atMs).toBe(0);
    expect(capAttempts([attemptWith(3)]).truncated).toBe(false);
  });

  it('reads exchanges per answer and deletes them with the conversation', () => {
    const { store, conversation, message, save } = withAnswer();
    save();
    save();
    expect(store.exchanges.forMessage(message.id).map((e) => e.attempts[0]!.request.url)).toEqual([
      request.url,
      request.url,
    ]);
    store.db.prepare('DELETE FROM conversations WHERE id = ?').run(conversation.id);
    expect(store.exchanges.forMessage(message.id)).toEqual([]);
  });

  it('prunes by age, then the oldest until the rest fit the size limit', () => {
    const { store, clock, message, save } = withAnswer();
    clock.set(1_000);
    save();
    clock.set(10 * 86_400_000);
    const kept = [save(50), save(50), save(50)];
    const size = store.exchanges.forMessage(message.id).at(-1)!.sizeBytes;
    expect(store.exchanges.prune({ keepDays: 5, maxBytes: 1e9 })).toBe(1);
    expect(store.exchanges.prune({ keepDays: 5, maxBytes: size * 2 })).toBe(1);
    expect(store.exchanges.forMessage(message.id).map((e) => e.id)).toEqual(kept.slice(1));
  });
});

describe('curlCommand', () => {
  it('puts the key variable where the redacted credential was, and quotes the body for sh', () => {
    const body = `{"content":"it's $HOME"}`;
    const command = curlCommand({ ...request, body }, 'openai');
    expect(command).toContain('-H "authorization: Bearer $OPENAI_API_KEY"');
    expect(command).toContain(`--data-raw ${shellQuote(body)}`);
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
    const azure = curlCommand({ ...request, headers: { 'api-key': '[redacted]' } }, 'azure');
    expect(azure).toContain('-H "api-key: $AZURE_OPENAI_API_KEY"');
    const anthropic = curlCommand(
      { ...request, headers: { 'x-api-key': '[redacted]' } },
      'anthropic',
    );
    expect(anthropic).toContain('-H "x-api-key: $ANTHROPIC_API_KEY"');
  });
});

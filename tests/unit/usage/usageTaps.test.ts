import { describe, expect, it } from 'vitest';
import type { StreamEvent } from '../../../src/shared/stream';
import type { ConnectionReport } from '../../../src/shared/profiles';
import type { ProviderTarget } from '../../../src/main/core/providers/types';
import { recordProbe } from '../../../src/main/core/usage/recordProbe';
import { UsageWriter } from '../../../src/main/core/usage/UsageWriter';
import { tempStore } from '../store/helpers';

const report = (over: Partial<ConnectionReport>): ConnectionReport => ({
  ok: true,
  step: 'done',
  message: 'ok',
  url: 'https://api.example.test/v1/models',
  method: 'GET',
  status: 200,
  durationMs: 42,
  models: [],
  ...over,
});

describe('usage taps', () => {
  it('counts a test connection that reached a server, and not one stopped before any request', async () => {
    const { store } = tempStore();
    const usage = new UsageWriter(store);
    const probe = {
      profile: {
        id: 'p1',
        name: 'P',
        type: 'openai' as const,
        headers: [],
        authMethod: 'apiKey' as const,
      },
    };
    await recordProbe(async () => report({}), usage)(probe);
    await recordProbe(async () => report({ ok: false, step: 'auth', status: 401 }), usage)(probe);
    await recordProbe(async () => report({ ok: false, step: 'config', url: '' }), usage)(probe);
    const rows = store.db
      .prepare('SELECT kind, profile_id, provider, outcome, duration_ms, cost FROM usage_ledger')
      .all();
    expect(rows).toEqual([
      {
        kind: 'test',
        profile_id: 'p1',
        provider: 'openai',
        outcome: 'ok',
        duration_ms: 42,
        cost: null,
      },
      {
        kind: 'test',
        profile_id: 'p1',
        provider: 'openai',
        outcome: 'error:auth',
        duration_ms: 42,
        cost: null,
      },
    ]);
  });

  it("counts the usage a test's billed chat call reported, with the model that answered", async () => {
    const { store } = tempStore();
    store.ledger.usePrices(() => ({
      model: 'm',
      provider: 'openai',
      inputPerMTok: 1_000_000,
      cachedInputPerMTok: 0,
      outputPerMTok: 2_000_000,
    }));
    const usage = {
      inputTokens: 7,
      cachedInputTokens: 3,
      outputTokens: 16,
      reasoningTokens: 12,
      totalTokens: 23,
      source: 'provider' as const,
    };
    const billed = report({ method: 'POST', billed: { model: 'gpt-5-mini', usage } });
    await recordProbe(
      async () => billed,
      new UsageWriter(store),
    )({
      profile: { name: 'P', type: 'openai', headers: [], authMethod: 'apiKey' },
    });
    const rows = store.db
      .prepare(
        'SELECT model, input_tokens, cached_input_tokens, output_tokens, reasoning_tokens, cost FROM usage_ledger',
      )
      .all();
    // 4 uncached at $1 a token, 3 cached at $0, 16 out at $2: $36.
    expect(rows).toEqual([
      {
        model: 'gpt-5-mini',
        input_tokens: 7,
        cached_input_tokens: 3,
        output_tokens: 16,
        reasoning_tokens: 12,
        cost: 36,
      },
    ]);
  });

  it('keeps the last rate-limit budgets per profile, without raw headers, and passes every event on', async () => {
    const { store } = tempStore();
    const events: StreamEvent[] = [
      {
        type: 'rateLimit',
        rateLimit: {
          requests: { limit: 10, remaining: 1 },
          headers: { 'x-ratelimit-limit-requests': '10' },
        },
      },
      { type: 'text', text: 'hi' },
    ];
    const engine = async function* () {
      yield* events;
    };
    const target = {
      profile: { id: 'p1', type: 'openai' },
      apiKey: null,
    } as unknown as ProviderTarget;
    const seen: StreamEvent[] = [];
    for await (const event of new UsageWriter(store).tapEngine(engine)(
      target,
      { model: 'm', messages: [] },
      {},
    ))
      seen.push(event);
    expect(seen).toEqual(events);
    expect(store.rateLimits.list()).toMatchObject([
      { profileId: 'p1', provider: 'openai', info: { requests: { limit: 10, remaining: 1 } } },
    ]);
    expect(JSON.stringify(store.rateLimits.list())).not.toContain('x-ratelimit');
  });
});

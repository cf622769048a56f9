import { messageText } from '../../../src/shared/messageParts';
import { afterEach, describe, expect, it } from 'vitest';
import { CompareService } from '../../../src/main/core/compare/CompareService';
import { tokensPerSecond } from '../../../src/main/core/compare/compareModels';
import type { ChatRequest, ProviderProfile } from '../../../src/main/core/providers/types';
import type { Store } from '../../../src/main/core/store/Store';
import type { CompareStreamBatch } from '../../../src/shared/compare';
import type { StreamEvent } from '../../../src/shared/stream';
import { findPrice } from '../../../src/shared/pricing';
import { tempStore } from './helpers';
import { fixedProfiles } from '../../support/fixedProfiles';

let current: Store | null = null;
afterEach(() => current?.close());

const profiles: Record<string, ProviderProfile> = {
  a: { id: 'a', name: 'A', type: 'openai', baseUrl: 'http://a', defaultModel: 'gpt-4o-mini' },
  b: { id: 'b', name: 'B', type: 'anthropic', baseUrl: 'http://b', defaultModel: 'x-unpriced' },
};

/** Answers with the model's name in 4 words, reporting 10 in / 4 out and 100 ms after 20 ms. */
async function* engine(_t: unknown, request: ChatRequest): AsyncIterable<StreamEvent> {
  for (const word of ['I', 'am', request.model, '.']) yield { type: 'text', text: `${word} ` };
  yield {
    type: 'usage',
    usage: { inputTokens: 10, outputTokens: 4, totalTokens: 14, source: 'provider' },
  };
  yield {
    type: 'finish',
    finishReason: 'stop',
    providerFinishReason: 'stop',
    timing: { ttftMs: 20, totalMs: 100 },
  };
}

describe('CompareService', () => {
  it('runs each column, sends its figures last, and continues a column as a conversation', async () => {
    const { store } = tempStore();
    current = store;
    const batches: CompareStreamBatch[] = [];
    const compare = new CompareService({
      profiles: fixedProfiles(Object.values(profiles).map((profile) => ({ profile, apiKey: 'k' }))),
      emit: (batch) => batches.push(batch),
      store,
      engine,
    });
    const started = compare.start({
      prompt: 'Who are you?',
      lanes: [
        { profileId: 'a', model: 'gpt-4o-mini' },
        { profileId: 'b', model: 'x-unpriced' },
      ],
      stream: true,
    });
    expect(started.lanes.map((l) => l.profileName)).toEqual(['A', 'B']);
    await compare.idle();
    const last = [0, 1].map((lane) => batches.filter((b) => b.lane === lane).at(-1)!.figures!);
    expect(last[0]).toMatchObject({ text: 'I am gpt-4o-mini . ', ttftMs: 20, tokensPerSecond: 50 });
    expect(last[0]!.cost).toBeGreaterThan(0);
    expect(last[1]!.cost).toBeNull();
    // Each column is a billed call: one ledger row each, priced where the model has a price.
    const rows = () =>
      store.db
        .prepare('SELECT kind, model, output_tokens, cost FROM usage_ledger ORDER BY model')
        .all() as { kind: string; model: string; output_tokens: number; cost: number | null }[];
    expect(rows().map((r) => [r.kind, r.model, r.output_tokens])).toEqual([
      ['compare', 'gpt-4o-mini', 4],
      ['compare', 'x-unpriced', 4],
    ]);
    expect(rows()[0]!.cost).toBeGreaterThan(0);
    expect(rows()[1]!.cost).toBeNull();

    const { conversationId } = compare.continueAsConversation(started.compareId, 1);
    const conversation = store.conversations.get(conversationId)!;
    expect(conversation).toMatchObject({ profileId: 'b', model: 'x-unpriced' });
    const thread = store.messages.thread(conversationId, conversation.currentLeafId);
    expect(thread.map((m) => [m.role, messageText(m.parts), m.status])).toEqual([
      ['user', 'Who are you?', 'done'],
      ['assistant', 'I am x-unpriced . ', 'done'],
    ]);
    expect(thread[1]!.timing?.ttftMs).toBe(20);
    // Continuing makes no new call, so it adds no row.
    expect(rows()).toHaveLength(2);
  });

  it("prices each column as the ledger does, with the person's own prices first", async () => {
    const { store } = tempStore();
    current = store;
    // As the composition root does: settings overrides first, shipped prices after.
    const overrides = [
      {
        model: 'x-unpriced',
        provider: 'anthropic' as const,
        inputPerMTok: 1000,
        cachedInputPerMTok: null,
        outputPerMTok: 2000,
      },
      {
        model: 'gpt-4o-mini',
        provider: 'openai' as const,
        inputPerMTok: 0,
        cachedInputPerMTok: null,
        outputPerMTok: 500,
      },
    ];
    store.ledger.usePrices((model) => findPrice(model, overrides));
    const batches: CompareStreamBatch[] = [];
    const compare = new CompareService({
      profiles: fixedProfiles(Object.values(profiles).map((profile) => ({ profile, apiKey: 'k' }))),
      emit: (batch) => batches.push(batch),
      store,
      engine,
    });
    compare.start({
      prompt: 'Price me',
      lanes: [
        { profileId: 'a', model: 'gpt-4o-mini' },
        { profileId: 'b', model: 'x-unpriced' },
      ],
      stream: true,
    });
    await compare.idle();
    const costs = [0, 1].map(
      (lane) => batches.filter((b) => b.lane === lane).at(-1)!.figures!.cost,
    );
    // 4 out at $500/MTok; 10 in at $1000 + 4 out at $2000 per MTok.
    expect(costs[0]).toBeCloseTo(0.002, 10);
    expect(costs[1]).toBeCloseTo(0.018, 10);
    const ledger = store.db
      .prepare('SELECT model, cost FROM usage_ledger ORDER BY model')
      .all() as { model: string; cost: number }[];
    expect(ledger.map((r) => r.cost)).toEqual(costs);
  });

  it('tokens per second count the time after the first token', () => {
    expect(tokensPerSecond(40, 200, 1200)).toBe(40);
    expect(tokensPerSecond(0, 200, 1200)).toBeNull();
    expect(tokensPerSecond(10, null, 500)).toBe(20);
  });
});

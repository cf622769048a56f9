/**
 * A knowledge collection across one answer, through the whole core over the emulator: the
 * composer's meter holds room for the passages a question may bring (and warns when that room
 * does not fit), and an answer with tool steps searches the collection once, not once per step.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src/main/core/createCore';
import { tokenizerFor } from '../../src/main/core/context/tokenCounter';
import type { EventPayloads } from '../../src/shared/ipc';
import type { IndexProgress } from '../../src/shared/knowledge';
import { citationParts } from '../../src/shared/messageParts';
import { rangeOfDays } from '../../src/main/core/usage/usageReport';
import { startEmulator, type Emulator } from '../emulator/server';
import { writeCorpus } from '../support/knowledgeCorpus';

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({ defaultTokens: 4, defaultRate: 0 });
});
afterAll(async () => {
  await emulator?.close();
});

const open: { core: Core; dir: string }[] = [];
afterEach(async () => {
  for (const { core, dir } of open.splice(0)) {
    await core.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

/** A core over the emulator with a 10-document collection indexed (gpt-4: an 8,192 window). */
async function withCollection() {
  const dir = mkdtempSync(join(tmpdir(), 'sb-kb-answer-'));
  const progress: IndexProgress[] = [];
  const core = createCore({
    dataDir: dir,
    env: {
      OPENAI_BASE_URL: emulator.url,
      OPENAI_API_KEY: 'sk-kb-5678abcd',
      SWITCHBOARD_MODEL: 'gpt-4',
    },
    appInfo: {
      name: 'Switchboard',
      version: '0.0.0',
      platform: process.platform,
      shell: 'harness',
    },
    emit: <E extends keyof EventPayloads>(event: E, payload: EventPayloads[E]) => {
      if (event === 'knowledgeProgress') progress.push(payload as IndexProgress);
    },
  });
  open.push({ core, dir });
  const folder = join(dir, 'docs');
  const facts = writeCorpus(folder, 10);
  const { profiles } = await core.handlers.listProfiles({});
  const collection = await core.handlers.createKnowledgeCollection({
    ...{ name: 'Products', folder, profileId: profiles[0]!.id, model: 'emu-embed' },
  });
  const end = Date.now() + 15_000;
  while (!progress.some((p) => p.collectionId === collection.id && p.state === 'done')) {
    if (Date.now() > end) throw new Error('the collection did not finish indexing');
    await new Promise((r) => setTimeout(r, 10));
  }
  return { core, facts, collectionId: collection.id };
}

type ChatBody = { messages: { role: string; content: string }[] };

const chatCallsWith = (marker: string) =>
  emulator.requests.filter(
    (r) => r.path.endsWith('/chat/completions') && JSON.stringify(r.body).includes(marker),
  );
const embeddingCallsWith = (marker: string) =>
  emulator.requests.filter(
    (r) => r.path.endsWith('/embeddings') && JSON.stringify(r.body).includes(marker),
  );

describe('the context meter with a knowledge collection', () => {
  it('holds room for the passages, at least what a question really sends, and warns when it does not fit', async () => {
    const { core, facts, collectionId } = await withCollection();
    const measure = (draft: string, knowledge?: string[]) =>
      core.handlers.measureContext({
        conversationId: null,
        draft,
        ...(knowledge ? { knowledge } : {}),
      });
    const bare = await measure('How long is the warranty?');
    const held = await measure('How long is the warranty?', [collectionId]);
    expect(bare.passageTokens).toBe(0);
    expect(held.usedTokens).toBe(bare.usedTokens);
    expect(held.passageTokens).toBeGreaterThan(50);

    // Every question's passages fit in the room held for them (counted as sent, system block).
    const { count } = await tokenizerFor('gpt-4');
    for (const fact of facts.slice(0, 3)) {
      const question = `What is the warranty on the ${fact.name} ${fact.thing}?`;
      await core.handlers.sendMessage({
        text: question,
        settings: { model: null, systemPrompt: null, parameters: { knowledge: [collectionId] } },
      });
      await core.chat.idle();
      const body = chatCallsWith(question).find(
        (r) => (r.body as ChatBody).messages.at(-1)?.content === question,
      )!.body as ChatBody;
      const system = body.messages.find((m) => m.role === 'system')!.content;
      expect(system).toContain('<passage n="1"');
      expect(count(system) + 3).toBeLessThanOrEqual(held.passageTokens);
    }

    // A draft that fits alone but not with the passages' room: the meter says it will not fit.
    const room = 8192 - bare.usedTokens;
    const draft = 'How long is the warranty?' + ' alpha'.repeat(room - held.passageTokens / 2);
    const alone = await measure(draft);
    const withPassages = await measure(draft, [collectionId]);
    expect(alone.usedTokens).toBeLessThanOrEqual(8192);
    expect(alone.fits).toBe(true);
    expect(withPassages.fits).toBe(false);
  });
});

describe('one answer with tool steps', () => {
  it('searches the collection once and sends its passages with every step', async () => {
    const { core, facts, collectionId } = await withCollection();
    await core.handlers.saveSearchSettings({
      settings: {
        ...(await core.handlers.getSearchSettings({})).settings,
        provider: 'searxng',
        searxngUrl: `${emulator.origin}/searxng`,
        askFirst: false,
      },
    });
    const fact = facts[4]!;
    const question = `Warranty of the ${fact.name} ${fact.thing}? [tool=web_search tool_args={"query":"warranty"} tool_rounds=2]`;
    const sent = await core.handlers.sendMessage({
      text: question,
      settings: {
        model: null,
        systemPrompt: null,
        parameters: { knowledge: [collectionId], webSearch: true },
      },
    });
    await core.chat.idle();
    // Three provider calls (two with tool calls, then the answer), one embedding of the question.
    const steps = chatCallsWith(fact.name).filter((r) => (r.body as { tools?: unknown }).tools);
    expect(steps).toHaveLength(3);
    // (The documents' own embeddings, made while indexing, name the product too: not counted.)
    expect(embeddingCallsWith(`Warranty of the ${fact.name}`)).toHaveLength(1);
    for (const step of steps) {
      const system = (step.body as ChatBody).messages.find((m) => m.role === 'system')!.content;
      expect(system).toContain(`source="${fact.file}"`);
    }
    const thread = await core.handlers.getConversation({ conversationId: sent.conversationId });
    const answer = thread.messages.find((m) => m.id === sent.assistantMessageId)!;
    expect(answer.finishReason).toBe('stop');
    const urls = citationParts(answer.parts).map((c) => c.url);
    expect(urls.filter((url) => url.startsWith('document:'))).toHaveLength(
      new Set(urls.filter((url) => url.startsWith('document:'))).size,
    );
    expect(urls.some((url) => url.startsWith('document:'))).toBe(true);
    expect(urls.some((url) => url.startsWith('http'))).toBe(true);
    // Both searches are in the usage ledger, rows of this answer (SearXNG: no fee known).
    const report = await core.handlers.getUsageReport(rangeOfDays(1, Date.now() + 1, 0));
    expect(report.bySearchProvider).toMatchObject([
      { key: 'searxng', searches: 2, searchCost: null, unpricedSearches: 2, calls: 0 },
    ]);
  });
});

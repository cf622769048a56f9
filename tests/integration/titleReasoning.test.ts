/**
 * The auto-title call on reasoning models, over real loopback HTTP to the emulator. With
 * `cap_tokens=1` the emulator spends the request's max tokens on reasoning first, as OpenAI's
 * reasoning models and Gemini 2.5 do, so a 24-token title call comes back empty, cut at the limit;
 * the title call asks such a model for the lowest effort, with room to think.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChatService } from '../../src/main/core/chat/ChatService';
import type { ProviderTarget, ProviderType } from '../../src/main/core/providers/types';
import { openStore, type Store } from '../../src/main/core/store/Store';
import { startEmulator, type Emulator } from '../emulator/server';
import { emulatorTarget, runEngine, taggedPrompt as tag } from '../support/engineRun';
import { fixedProfiles } from '../support/fixedProfiles';

let emulator: Emulator;
let store: Store;
beforeAll(async () => {
  emulator = await startEmulator();
  store = openStore({ dataDir: mkdtempSync(join(tmpdir(), 'switchboard-titles-')) });
});
afterAll(async () => {
  store?.close();
  await emulator?.close();
});

const TITLE_SYSTEM = 'You name conversations.';
type Body = Record<string, unknown> & { generationConfig?: Record<string, unknown> };

function targetFor(type: ProviderType, model: string, api?: 'chat' | 'responses'): ProviderTarget {
  const base = emulatorTarget(emulator, type);
  return { ...base, profile: { ...base.profile, defaultModel: model, ...(api ? { api } : {}) } };
}

/**
 * One first exchange through ChatService (auto-title on); the saved title and the title call. A
 * model that does not reason is asked without reasoning=N (the emulator would send it anyway).
 */
async function titled(target: ProviderTarget, directives = 'tokens=5 reasoning=40 cap_tokens=1') {
  const chat = new ChatService({ profiles: fixedProfiles([target]), emit: () => {}, store });
  const { prompt, marker } = tag(directives);
  const sent = chat.send({ text: prompt });
  await chat.idle();
  const title = store.conversations.get(sent.conversationId)?.title;
  const calls = emulator.requests.filter((r) => JSON.stringify(r.body).includes(marker));
  const titleCalls = calls.filter((r) => JSON.stringify(r.body).includes(TITLE_SYSTEM));
  expect(titleCalls).toHaveLength(1);
  return { title, prompt, body: titleCalls[0]!.body as Body };
}

describe('auto-title on reasoning models', () => {
  it('the emulator cuts a 24-token call whose reasoning eats the budget: empty text, length', async () => {
    const target = targetFor('openai', 'gpt-5-mini');
    const { prompt } = tag('tokens=5 reasoning=40 cap_tokens=1');
    const run = await runEngine(target, {
      model: 'gpt-5-mini',
      maxTokens: 24,
      messages: [{ role: 'user', content: prompt }],
    });
    expect(run.text).toBe('');
    expect(run.finish.finishReason).toBe('length');
  });

  it('gpt-5 on Chat Completions: minimal effort, room to think, no temperature, and a title', async () => {
    const { title, prompt, body } = await titled(targetFor('openai', 'gpt-5-mini', 'chat'));
    expect(title).toMatch(/^You said: /);
    expect(title).not.toBe(prompt);
    expect(body).toMatchObject({ reasoning_effort: 'minimal', max_completion_tokens: 1048 });
    expect(body).not.toHaveProperty('temperature');
  });

  it('o3 on the Responses API: reasoning.effort low (its least), max_output_tokens, a title', async () => {
    const { title, body } = await titled(targetFor('openai', 'o3', 'responses'));
    expect(title).toMatch(/^You said: /);
    expect(body).toMatchObject({ reasoning: { effort: 'low' }, max_output_tokens: 1048 });
    expect(body).not.toHaveProperty('temperature');
  });

  it('Gemini 2.5 Flash: thinking budget 0, maxOutputTokens with room, a title', async () => {
    const { title, body } = await titled(targetFor('gemini', 'gemini-2.5-flash'));
    expect(title).toMatch(/^You said: /);
    expect(body.generationConfig).toMatchObject({
      maxOutputTokens: 1048,
      thinkingConfig: { includeThoughts: true, thinkingBudget: 0 },
    });
    expect(body.generationConfig).not.toHaveProperty('temperature');
  });

  it('Claude that thinks only when asked: no thinking at all, 24 tokens as before', async () => {
    const { title, body } = await titled(
      targetFor('anthropic', 'claude-sonnet-4-5'),
      'tokens=5 cap_tokens=1',
    );
    expect(title).toMatch(/^You said: /);
    expect(body).toMatchObject({ max_tokens: 24, temperature: 0.2 });
    expect(body).not.toHaveProperty('thinking');
    expect(body).not.toHaveProperty('output_config');
  });

  it('Claude whose thinking is always on: the low effort, room to think, a title', async () => {
    const { title, body } = await titled(targetFor('anthropic', 'claude-fable-5'));
    expect(title).toMatch(/^You said: /);
    expect(body).toMatchObject({ max_tokens: 1048, output_config: { effort: 'low' } });
    expect(body).not.toHaveProperty('temperature');
  });

  it('a model that does not reason keeps the plain 24-token call', async () => {
    const { title, body } = await titled(
      targetFor('openai', 'gpt-4.1-mini', 'chat'),
      'tokens=5 cap_tokens=1',
    );
    expect(title).toMatch(/^You said: /);
    expect(body).toMatchObject({ max_completion_tokens: 24, temperature: 0.2 });
    expect(body).not.toHaveProperty('reasoning_effort');
  });
});

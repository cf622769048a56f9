/**
 * A knowledge collection in a chat, through the whole core (the handler table the app and the
 * harness use): made from a folder over IPC, indexed against the emulator's embeddings, attached
 * to a conversation in its settings; the question's best passages reach the model with their
 * sources, and the stored answer lists the documents used as its citations.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src/main/core/createCore';
import type { EventPayloads } from '../../src/shared/ipc';
import { documentPathOf, type IndexProgress } from '../../src/shared/knowledge';
import { citationParts } from '../../src/shared/messageParts';
import { startEmulator, type Emulator } from '../emulator/server';
import { writeCorpus } from '../support/knowledgeCorpus';

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator();
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

function start() {
  const dir = mkdtempSync(join(tmpdir(), 'sb-kb-chat-'));
  const progress: IndexProgress[] = [];
  const core = createCore({
    dataDir: dir,
    env: {
      OPENAI_BASE_URL: emulator.url,
      OPENAI_API_KEY: 'sk-kb-1234abcd',
      SWITCHBOARD_MODEL: 'emu-1',
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
  return { core, dir, progress };
}

type ChatBody = { messages: { role: string; content: string }[] };

/** The chat call that asked `question` itself (not the title call made after it). */
function callAsking(question: string): ChatBody {
  const call = emulator.requests.find(
    (r) =>
      r.path.endsWith('/chat/completions') &&
      (r.body as ChatBody).messages.at(-1)?.content === question,
  );
  return call!.body as ChatBody;
}

async function until(check: () => boolean, timeoutMs = 15_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('a knowledge collection in a chat', () => {
  it('sends the best passages with their sources and lists the documents used under the answer', async () => {
    const { core, dir, progress } = start();
    const folder = join(dir, 'docs');
    const facts = writeCorpus(folder, 40);
    const { profiles } = await core.handlers.listProfiles({});
    const profileId = profiles[0]!.id;
    const collection = await core.handlers.createKnowledgeCollection({
      ...{ name: 'Products', folder, profileId, model: 'emu-embed' },
    });
    await until(() => progress.some((p) => p.collectionId === collection.id && p.state === 'done'));
    const overview = await core.handlers.listKnowledge({});
    expect(overview.collections[0]).toMatchObject({ name: 'Products', documentCount: 40 });

    const fact = facts[13]!;
    const question = `How long is the warranty on the ${fact.name} ${fact.thing}? [tokens=3]`;
    const sent = await core.handlers.sendMessage({
      text: question,
      settings: { model: null, systemPrompt: null, parameters: { knowledge: [collection.id] } },
    });
    await core.chat.idle();
    const chat = callAsking(question);
    const system = chat.messages.find((m) => m.role === 'system')!.content;
    expect(system).toContain(`source="${fact.file}"`);
    expect(system).toContain(`warranty of ${fact.years} years`);
    // Nothing of the collection goes to the provider but the passages.
    expect(JSON.stringify(chat)).not.toContain(collection.id);

    const thread = await core.handlers.getConversation({ conversationId: sent.conversationId });
    const answer = thread.messages.find((m) => m.id === sent.assistantMessageId)!;
    const sources = citationParts(answer.parts);
    expect(sources[0]).toEqual({
      type: 'citation',
      title: fact.file.split('/').at(-1),
      url: expect.stringMatching(/^document:/),
    });
    expect(documentPathOf(sources[0]!.url)).toBe(join(folder, fact.file));
    // The conversation keeps its collection for the next question.
    expect(thread.conversation.parameters.knowledge).toEqual([collection.id]);
  });

  it('a conversation without collections sends its question as before, with no sources', async () => {
    const { core } = start();
    const sent = await core.handlers.sendMessage({ text: 'Plain question [tokens=2]' });
    await core.chat.idle();
    const messages = callAsking('Plain question [tokens=2]').messages;
    expect(messages.map((m) => m.role)).toEqual(['user']);
    const thread = await core.handlers.getConversation({ conversationId: sent.conversationId });
    expect(thread.messages.flatMap((m) => citationParts(m.parts))).toEqual([]);
  });

  it('an embeddings server failing at question time ends the answer with a message saying so', async () => {
    const { core, dir, progress } = start();
    const folder = join(dir, 'docs');
    writeCorpus(folder, 3);
    const { profiles } = await core.handlers.listProfiles({});
    const collection = await core.handlers.createKnowledgeCollection({
      // Indexed by the first request; every one after it (the question's) fails with a 500.
      ...{ name: 'P', folder, profileId: profiles[0]!.id, model: 'emu-embed-fault500after1' },
    });
    await until(() => progress.some((p) => p.state === 'done'));
    const sent = await core.handlers.sendMessage({
      text: 'What is in my documents?',
      settings: { model: null, systemPrompt: null, parameters: { knowledge: [collection.id] } },
    });
    await core.chat.idle();
    const thread = await core.handlers.getConversation({ conversationId: sent.conversationId });
    const answer = thread.messages.find((m) => m.id === sent.assistantMessageId)!;
    expect(answer.finishReason).toBe('error');
    expect(answer.error?.message).toMatch(
      /knowledge base could not be searched: The embeddings server failed/,
    );
    expect(answer.error?.said).toMatchObject({
      code: 'knowledge.searchFailed',
      params: { detail: { code: 'knowledge.serverFailed' } },
    });
    // The question is kept, to ask again once the server is back.
    expect(thread.messages.some((m) => m.role === 'user')).toBe(true);
  });

  it('a refused collection folder is an answer with a message, not a throw', async () => {
    const { core, dir } = start();
    const { profiles } = await core.handlers.listProfiles({});
    await expect(
      core.handlers.createKnowledgeCollection({
        ...{ name: 'X', folder: join(dir, 'nowhere'), profileId: profiles[0]!.id, model: 'm' },
      }),
    ).rejects.toMatchObject({ code: 'invalid_request' });
  });
});

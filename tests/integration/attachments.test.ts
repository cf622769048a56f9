/**
 * Attachments over loopback HTTP: a question with an image, a PDF and a text file, sent through
 * the chat service and the real engine to the emulator, arrives in each dialect's documented
 * shape (docs/ENGINE.md, "Attachments"); a model without vision gets a clear message, before
 * the request when that is known and from the provider's 400 otherwise; sizes past the limits
 * are refused before any request.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachedEngine } from '../../src/main/core/attachments/attachedEngine';
import { AttachmentService } from '../../src/main/core/attachments/AttachmentService';
import { AttachmentStore } from '../../src/main/core/attachments/AttachmentStore';
import { ChatService } from '../../src/main/core/chat/ChatService';
import { CompareService } from '../../src/main/core/compare/CompareService';
import { ExchangeRecorder } from '../../src/main/core/providers/exchange';
import { streamChat } from '../../src/main/core/providers/streamChat';
import { curlCommand } from '../../src/shared/curl';
import type { ProviderTarget, UserTurn } from '../../src/main/core/providers/types';
import { openStore, type Store } from '../../src/main/core/store/Store';
import type { AttachmentView } from '../../src/shared/attachments';
import { startEmulator, type Emulator } from '../emulator/server';
import { noisyPng, pdfSaying, pngOf } from '../support/attachmentFiles';
import { ask, callsWith, emulatorTarget, taggedPrompt } from '../support/engineRun';
import { fixedProfiles } from '../support/fixedProfiles';

let emulator: Emulator;
let store: Store;
let service: AttachmentService;
let picked: AttachmentView[];
beforeAll(async () => {
  emulator = await startEmulator();
  const dir = mkdtempSync(join(tmpdir(), 'sb-attach-'));
  store = openStore({ dataDir: dir });
  service = new AttachmentService(new AttachmentStore(() => store.db, join(dir, 'attachments')));
  picked = [
    await service.attach('chart.png', await pngOf(64, 32)),
    await service.attach('paper.pdf', pdfSaying('Hello from the PDF')),
    await service.attach('notes.md', Buffer.from('# Notes\n```js\nlet a = 1;\n```\n')),
  ];
});
afterAll(async () => {
  store?.close();
  await emulator?.close();
});

function chatOver(target: ProviderTarget): ChatService {
  return new ChatService({
    store,
    autoTitle: false,
    profiles: fixedProfiles([target]),
    emit: () => undefined,
    engine: attachedEngine(streamChat, service.files),
    attachments: service,
  });
}

const picks = (views: AttachmentView[]) => views.map(({ id, name }) => ({ id, name }));

/** Sends the three attachments and returns the one request body the emulator got. */
async function sendAll(target: ProviderTarget, views = picked) {
  const chat = chatOver(target);
  const { marker, prompt } = taggedPrompt('tokens=3');
  const ids = chat.send({ text: prompt, attachments: picks(views) });
  await chat.idle();
  const calls = callsWith(emulator, marker);
  return { chat, ids, calls, body: (calls[0]?.body ?? {}) as Record<string, unknown> };
}

const b64 = expect.stringMatching(/^[A-Za-z0-9+/]+=*$/);
const pngUrl = expect.stringMatching(/^data:image\/png;base64,[A-Za-z0-9+/]+=*$/);
const pdfUrl = expect.stringMatching(/^data:application\/pdf;base64,[A-Za-z0-9+/]+=*$/);
const inlineNotes = expect.stringContaining('Attached file: notes.md\n````\n# Notes\n```js');
const extracted = expect.stringContaining(
  'Attached file: paper.pdf (text extracted from the PDF)\n```\n[page 1]\nHello from the PDF',
);

describe('each dialect carries each attachment kind in its documented shape', () => {
  it('OpenAI Chat Completions: text, image_url data URL, file with file_data', async () => {
    const target = emulatorTarget(emulator, 'openai');
    target.profile.api = 'chat';
    const { calls, body, ids } = await sendAll(target);
    expect(calls).toHaveLength(1);
    const [user] = body.messages as { content: unknown[] }[];
    expect(user!.content).toEqual([
      { type: 'text', text: inlineNotes },
      { type: 'image_url', image_url: { url: pngUrl } },
      { type: 'file', file: { filename: 'paper.pdf', file_data: pdfUrl } },
    ]);
    expect(store.messages.get(ids.userMessageId)!.parts.map((p) => p.type)).toEqual([
      'image',
      'file',
      'file',
      'text',
    ]);
    expect(store.messages.get(ids.assistantMessageId)).toMatchObject({ finishReason: 'stop' });
  });

  it('OpenAI Responses: input_text, input_image (detail auto), input_file', async () => {
    const target = emulatorTarget(emulator, 'openai');
    target.profile.api = 'responses';
    const { body } = await sendAll(target);
    const [user] = body.input as { content: unknown[] }[];
    expect(user!.content).toEqual([
      { type: 'input_text', text: inlineNotes },
      { type: 'input_image', image_url: pngUrl, detail: 'auto' },
      { type: 'input_file', filename: 'paper.pdf', file_data: pdfUrl },
    ]);
  });

  it.each(['azure', 'openai-compatible'] as const)(
    '%s Chat Completions: the image as image_url, the PDF as its extracted text',
    async (type) => {
      const { body, ids } = await sendAll(emulatorTarget(emulator, type));
      const [user] = body.messages as { content: { type: string; text?: string }[] }[];
      expect(user!.content.map((part) => part.type)).toEqual(['text', 'image_url']);
      expect(user!.content[0]!.text).toEqual(extracted);
      expect(user!.content[0]!.text).toEqual(inlineNotes);
      const file = store.messages.get(ids.userMessageId)!.parts[1];
      expect(file).toMatchObject({ type: 'file', name: 'paper.pdf', sentAs: 'extracted-text' });
    },
  );

  it('Anthropic: image and document blocks (base64 sources) before the text', async () => {
    const { body } = await sendAll(emulatorTarget(emulator, 'anthropic'));
    const [user] = body.messages as { content: unknown[] }[];
    expect(user!.content).toEqual([
      { type: 'image', source: { type: 'base64', media_type: 'image/png', data: b64 } },
      {
        type: 'document',
        source: { type: 'base64', media_type: 'application/pdf', data: b64 },
        title: 'paper.pdf',
      },
      expect.objectContaining({ type: 'text', text: inlineNotes }),
    ]);
  });

  it('Gemini: inlineData parts for the image and the PDF, then the text', async () => {
    const { body } = await sendAll(emulatorTarget(emulator, 'gemini'));
    const [user] = body.contents as { parts: unknown[] }[];
    expect(user!.parts).toEqual([
      { inlineData: { mimeType: 'image/png', data: b64 } },
      { inlineData: { mimeType: 'application/pdf', data: b64 } },
      { text: inlineNotes },
    ]);
  });
});

describe('attachments across the answer actions and limits', () => {
  it('a large image is scaled to the provider limit; regenerate sends it again', async () => {
    const big = await service.attach('wide.png', await pngOf(3200, 1000));
    const target = emulatorTarget(emulator, 'anthropic');
    const { chat, ids, body } = await sendAll(target, [big]);
    const data = (body.messages as { content: { source?: { data: string } }[] }[])[0]!.content[0]!
      .source!.data;
    const meta = await sharp(Buffer.from(data, 'base64')).metadata();
    expect([meta.width, meta.height]).toEqual([1568, 490]);
    const before = emulator.requests.length;
    chat.regenerate({ conversationId: ids.conversationId, messageId: ids.assistantMessageId });
    await chat.idle();
    const again = emulator.requests.slice(before).map((r) => JSON.stringify(r.body));
    expect(again).toHaveLength(1);
    expect(again[0]).toContain('"type":"image"');
  });

  it('edit and resend keeps the attachments with the new text; continue sends them again', async () => {
    const target = emulatorTarget(emulator, 'openai');
    target.profile.api = 'chat';
    const { chat, ids } = await sendAll(target, [picked[0]!]);
    const { marker, prompt } = taggedPrompt('tokens=3');
    const edited = chat.edit({
      conversationId: ids.conversationId,
      messageId: ids.userMessageId,
      text: prompt,
    });
    await chat.idle();
    expect(store.messages.get(edited.userMessageId)!.parts).toMatchObject([
      { type: 'image', attachmentId: picked[0]!.id },
      { type: 'text', text: prompt },
    ]);
    expect(JSON.stringify(callsWith(emulator, marker)[0]!.body)).toContain('"type":"image_url"');
    const before = emulator.requests.length;
    chat.continue({ conversationId: ids.conversationId, messageId: edited.assistantMessageId });
    await chat.idle();
    const continued = emulator.requests.slice(before);
    expect(continued).toHaveLength(1);
    expect(JSON.stringify(continued[0]!.body)).toContain('"type":"image_url"');
  });

  it.each(['openai', 'anthropic', 'gemini'] as const)(
    '%s: a retried call (429, then 200) carries the attachments again',
    async (type) => {
      const target = emulatorTarget(emulator, type);
      target.profile.api = 'chat';
      const chat = chatOver(target);
      const { marker, prompt } = taggedPrompt('tokens=2 fault=429 times=1 retry_after_ms=50');
      const ids = chat.send({ text: prompt, attachments: picks([picked[0]!]) });
      await chat.idle();
      const calls = callsWith(emulator, marker).map((call) => JSON.stringify(call.body));
      expect(calls).toHaveLength(2);
      expect(calls[1]).toBe(calls[0]);
      expect(calls[0]).toMatch(/"image_url"|"type":"image"|"inlineData"/);
      expect(store.messages.get(ids.assistantMessageId)).toMatchObject({ finishReason: 'stop' });
    },
  );

  it("a file's sending is told for the profile picked for the message, not the chat's old one", async () => {
    const chat = new ChatService({
      store,
      autoTitle: false,
      profiles: fixedProfiles([
        emulatorTarget(emulator, 'openai'),
        emulatorTarget(emulator, 'openai-compatible'),
      ]),
      emit: () => undefined,
      engine: attachedEngine(streamChat, service.files),
      attachments: service,
    });
    const first = chat.send({ text: 'Start [tokens=2]' });
    await chat.idle();
    const { marker, prompt } = taggedPrompt('tokens=2');
    const ids = chat.send({
      conversationId: first.conversationId,
      profileId: 'openai-compatible',
      text: prompt,
      attachments: picks([picked[1]!]),
    });
    await chat.idle();
    expect(store.messages.get(ids.userMessageId)!.parts[0]).toMatchObject({
      sentAs: 'extracted-text',
    });
    expect(JSON.stringify(callsWith(emulator, marker)[0]!.body)).toContain('Hello from the PDF');
  });

  it('a model known not to see is told so, and nothing is sent', async () => {
    const target = emulatorTarget(emulator, 'openai');
    target.profile.defaultModel = 'gpt-3.5-turbo';
    const { calls, ids } = await sendAll(target, [picked[0]!]);
    expect(calls).toHaveLength(0);
    const answer = store.messages.get(ids.assistantMessageId)!;
    expect(answer.finishReason).toBe('error');
    expect(answer.error?.message).toMatch(/^gpt-3\.5-turbo cannot see images, so nothing was sent/);
    // The question and its image are kept, to be regenerated with another model.
    expect(store.messages.get(ids.userMessageId)!.parts[0]).toMatchObject({ type: 'image' });
  });

  it.each(['openai', 'anthropic', 'gemini'] as const)(
    '%s: a model that refuses images with a 400 gets that explained',
    async (type) => {
      const target = emulatorTarget(emulator, type);
      target.profile.defaultModel = type === 'gemini' ? 'gemini-text-only' : 'emu-text-only';
      target.profile.api = 'chat';
      const { calls, ids } = await sendAll(target, [picked[0]!]);
      expect(calls).toHaveLength(1);
      const answer = store.messages.get(ids.assistantMessageId)!;
      expect(answer.error?.kind).toBe('bad_request');
      expect(answer.error?.message).toMatch(
        /could not take the attached image \(the provider said/,
      );
    },
  );

  it('past the limits: refused with a message, before anything is stored or sent', async () => {
    await expect(service.attach('huge.txt', Buffer.alloc(21 * 1024 * 1024, 97))).rejects.toThrow(
      /huge\.txt is 21\.0 MB; one attachment can be at most 20\.0 MB/,
    );
    const nine = await Promise.all(
      [98, 99, 100, 101].map((byte) => service.attach(`${byte}.txt`, Buffer.alloc(9 << 20, byte))),
    );
    const chat = chatOver(emulatorTarget(emulator, 'openai'));
    const before = emulator.requests.length;
    const messages = store.db.prepare('SELECT count(*) AS n FROM messages').get();
    expect(() => chat.send({ text: 'all four', attachments: picks(nine) })).toThrow(
      /These attachments come to 36\.0 MB; one message can carry at most 32\.0 MB/,
    );
    expect(emulator.requests.length).toBe(before);
    expect(store.db.prepare('SELECT count(*) AS n FROM messages').get()).toEqual(messages);
  });

  it('a binary file no provider takes is refused by its content, whatever its name', async () => {
    const bytes = Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    await expect(service.attach('looks-like.txt', bytes)).rejects.toThrow(
      /looks-like\.txt: Switchboard can attach images \(PNG, JPEG, WebP, GIF\), PDFs and text/,
    );
  });
});

describe('compare', () => {
  it('sends the attachments to every column, and a column continued as a chat keeps them', async () => {
    const targets = [emulatorTarget(emulator, 'openai'), emulatorTarget(emulator, 'anthropic')];
    targets[0]!.profile.api = 'chat';
    const compare = new CompareService({
      profiles: fixedProfiles(targets),
      emit: () => undefined,
      store,
      engine: attachedEngine(streamChat, service.files),
      attachments: service,
    });
    const { marker, prompt } = taggedPrompt('tokens=2');
    const started = compare.start({
      prompt,
      lanes: targets.map((t) => ({ profileId: t.profile.id, model: t.profile.defaultModel })),
      stream: true,
      attachments: picks([picked[0]!]),
    });
    await compare.idle();
    const bodies = callsWith(emulator, marker).map((call) => JSON.stringify(call.body));
    expect(bodies).toHaveLength(2);
    expect(bodies.some((b) => b.includes('"type":"image_url"'))).toBe(true);
    expect(bodies.some((b) => b.includes('"type":"image","source"'))).toBe(true);
    const { conversationId } = compare.continueAsConversation(started.compareId, 1);
    const [question] = store.messages.allOf(conversationId);
    expect(question!.parts).toMatchObject([
      { type: 'image', attachmentId: picked[0]!.id },
      { type: 'text', text: prompt },
    ]);
  });
});

describe('a usage estimate counts the images', () => {
  it('adds width × height / 750 tokens per image when the provider reports no usage', async () => {
    const chat = chatOver(emulatorTarget(emulator, 'openai-compatible'));
    const image = await service.attach('square.png', await pngOf(750, 100));
    const plain = chat.send({ text: 'Count me [usage=none tokens=2]' });
    const withImage = chat.send({
      text: 'Count me [usage=none tokens=2]',
      attachments: picks([image]),
    });
    await chat.idle();
    const usageOf = (id: string) => store.messages.get(id)!.usage!;
    expect(usageOf(plain.assistantMessageId).source).toBe('estimated');
    expect(usageOf(withImage.assistantMessageId).source).toBe('estimated');
    expect(
      usageOf(withImage.assistantMessageId).inputTokens -
        usageOf(plain.assistantMessageId).inputTokens,
    ).toBe(100);
  });
});

describe('the inspector sees attachment payloads abbreviated', () => {
  it.each(['openai', 'anthropic', 'gemini'] as const)(
    '%s: type, size and hash in place of the base64; Copy as cURL reads the body from a file',
    async (type) => {
      const target = emulatorTarget(emulator, type);
      target.profile.api = 'chat';
      const png = await noisyPng(120, 80);
      const recorder = new ExchangeRecorder();
      const { prompt } = taggedPrompt('tokens=2');
      const request = ask(target, prompt);
      (request.messages[0] as UserTurn).attached = [
        {
          type: 'image',
          attachmentId: picked[0]!.id,
          name: 'chart.png',
          mimeType: 'image/png',
          size: png.length,
        },
      ];
      const big = await service.attach('inspected.png', png);
      (request.messages[0] as UserTurn).attached![0]!.attachmentId = big.id;
      const engine = attachedEngine(streamChat, service.files);
      for await (const event of engine(target, request, { observer: recorder })) void event;
      const body = recorder.attempts[0]!.request.body!;
      const hash = big.id.slice(0, 16);
      const size = `${(png.length / 1024).toFixed(1)} KB`;
      expect(body).not.toMatch(/[A-Za-z0-9+/]{256,}/);
      expect(body).toContain(
        type === 'openai'
          ? `<attachment image/png ${size} sha256:${hash}…>`
          : `"data":"<attachment ${size} sha256:${hash}…>"`,
      );
      const curl = curlCommand(recorder.attempts[0]!.request, type);
      expect(curl).toMatch(/^# The inspector abbreviated this body's attachments/);
      expect(curl).toContain('--data-binary @request-body.json');
    },
  );
});

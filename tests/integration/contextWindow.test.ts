/**
 * The context window through the real core, the contract and the emulator on loopback: the
 * meter's figures (gpt-4's own tokenizer and window), the recent-only policy at send, and a
 * summary made once with a model call, counted in usage, editable, read in place of what it
 * summarizes.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src/main/core/createCore';
import { registerIpc } from '../../src/main/ipc';
import { createApi } from '../../src/preload/createApi';
import type { SwitchboardApi } from '../../src/shared/api';
import { SUMMARY_PREAMBLE } from '../../src/shared/context';
import type { IpcResult } from '../../src/shared/result';
import { startEmulator, type Emulator } from '../emulator/server';
import { pngOf } from '../support/attachmentFiles';
import { createMemoryIpcPair } from '../support/memoryIpc';

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({ defaultTokens: 8, defaultRate: 0 });
});
afterAll(async () => {
  await emulator?.close();
});

function start(model: string): { core: Core; api: SwitchboardApi } {
  const core = createCore({
    dataDir: mkdtempSync(join(tmpdir(), 'switchboard-context-')),
    env: {
      OPENAI_BASE_URL: emulator.url,
      OPENAI_API_KEY: 'sk-context-0000',
      SWITCHBOARD_MODEL: model,
    },
    appInfo: {
      name: 'Switchboard',
      version: '0.0.0',
      platform: process.platform,
      shell: 'harness',
    },
    emit: () => {},
  });
  const pair = createMemoryIpcPair();
  registerIpc(pair.main, core.handlers, { isTrustedSender: () => true });
  return { core, api: createApi(pair.renderer) };
}

function value<T>(result: IpcResult<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

interface SentBody {
  messages: { role: string; content: string }[];
}
/** The chat requests the emulator saw (titles and summaries left out). */
function chatBodies(): SentBody[] {
  return emulator.requests
    .map((r) => r.body as SentBody)
    .filter((b) => {
      const first = b?.messages?.[0]?.content ?? '';
      return (
        !/You name conversations|faithful, compact summary/.test(
          JSON.stringify(b?.messages ?? []),
        ) && typeof first === 'string'
      );
    });
}

/** About 3,000 tokens of distinct words. */
const big = (tag: string) =>
  Array.from({ length: 1500 }, (_, i) => `${tag}${i} word`).join(' ') + ' [tokens=4 rate=0]';

describe('the context window', () => {
  it('measures with the model’s own tokenizer and window, and warns before a request that will not fit', async () => {
    const { core, api } = start('gpt-4');
    try {
      const sent = value(await api.sendMessage({ text: 'Hello there [tokens=4 rate=0]' }));
      await core.chat.idle();
      const small = value(
        await api.measureContext({ conversationId: sent.conversationId, draft: 'And now?' }),
      );
      expect(small).toMatchObject({
        windowTokens: 8192,
        exact: true,
        fits: true,
        policy: null,
        totalMessages: 2,
        sentMessages: 2,
      });
      expect(small.usedTokens).toBeGreaterThan(10);
      expect(small.usedTokens).toBeLessThan(60);
      const huge = value(
        await api.measureContext({
          conversationId: sent.conversationId,
          draft: big('a') + big('b') + big('c'),
        }),
      );
      expect(huge.fits).toBe(false);
      expect(huge.usedTokens).toBeGreaterThan(8192);
      // An unknown model: a count, marked as an estimate, and no limit made up.
      const unknown = value(
        await api.measureContext({ conversationId: null, draft: 'Hi', model: 'emu-1' }),
      );
      expect(unknown).toMatchObject({ windowTokens: null, exact: false, fits: true });
    } finally {
      await core.close();
    }
  });

  it('counts attachments as they would be sent: an image by its scaled size, a text file by its words, in the draft and in the thread', async () => {
    const { core, api } = start('gpt-4o');
    try {
      const image = value(
        await api.storeAttachment({
          name: 'wide.png',
          data: (await pngOf(3000, 1500)).toString('base64'),
        }),
      );
      const words = Array.from({ length: 400 }, (_, i) => `line${i}`).join('\n');
      const notes = value(
        await api.storeAttachment({
          name: 'notes.txt',
          data: Buffer.from(words).toString('base64'),
        }),
      );
      const base = { mimeType: image.mimeType, size: image.size };
      const imagePart = {
        type: 'image' as const,
        attachmentId: image.id,
        name: 'wide.png',
        ...base,
      };
      const filePart = {
        type: 'file' as const,
        attachmentId: notes.id,
        name: 'notes.txt',
        mimeType: notes.mimeType,
        size: notes.size,
        sentAs: 'inline-text' as const,
      };
      const bare = value(
        await api.measureContext({ conversationId: null, draft: 'What is this?' }),
      );
      expect(bare.exact).toBe(true);
      const withImage = value(
        await api.measureContext({
          conversationId: null,
          draft: 'What is this?',
          attachments: [imagePart],
        }),
      );
      // OpenAI's limit for an image is 2048 px on the long side: 2048 × 1024 / 750 ≈ 2,797.
      expect(withImage.usedTokens - bare.usedTokens).toBe(Math.ceil((2048 * 1024) / 750));
      expect(withImage.exact).toBe(false);
      const withFile = value(
        await api.measureContext({
          conversationId: null,
          draft: 'What is this?',
          attachments: [filePart],
        }),
      );
      expect(withFile.usedTokens - bare.usedTokens).toBeGreaterThan(400);

      // Sent, the question's attachments count in the thread as well.
      const sent = value(
        await api.sendMessage({
          text: 'What is this? [tokens=4 rate=0]',
          attachments: [
            { id: image.id, name: 'wide.png' },
            { id: notes.id, name: 'notes.txt' },
          ],
        }),
      );
      await core.chat.idle();
      const after = value(
        await api.measureContext({ conversationId: sent.conversationId, draft: 'And?' }),
      );
      expect(after.usedTokens).toBeGreaterThan(withImage.usedTokens + 400);
    } finally {
      await core.close();
    }
  });

  it('recent-only: sends the newest messages that fit, starting with a question, and keeps every one stored', async () => {
    const { core, api } = start('gpt-4');
    try {
      const first = value(await api.sendMessage({ text: big('one') }));
      await core.chat.idle();
      const conversationId = first.conversationId;
      value(await api.sendMessage({ conversationId, text: big('two') }));
      await core.chat.idle();
      const before = value(await api.measureContext({ conversationId, draft: big('three') }));
      expect(before.fits).toBe(false);
      value(await api.setContextPolicy({ conversationId, policy: 'recent' }));
      const planned = value(await api.measureContext({ conversationId, draft: big('three') }));
      expect(planned).toMatchObject({ policy: 'recent', fits: false, totalMessages: 4 });
      expect(planned.sentMessages).toBeLessThan(4);
      expect(planned.sentTokens).toBeLessThanOrEqual(8192);
      value(await api.sendMessage({ conversationId, text: big('three') }));
      await core.chat.idle();
      const body = chatBodies().at(-1)!;
      expect(body.messages[0]!.role).toBe('user');
      expect(body.messages.at(-1)!.content).toContain('three0 word');
      expect(JSON.stringify(body.messages)).not.toContain('one0 word');
      const thread = value(await api.getConversation({ conversationId }));
      expect(thread.messages).toHaveLength(6);
    } finally {
      await core.close();
    }
  });

  it('summary: made once by the model, counted in usage, editable, read in place of the older part', async () => {
    const { core, api } = start('gpt-4');
    try {
      const first = value(await api.sendMessage({ text: big('alpha') }));
      await core.chat.idle();
      const conversationId = first.conversationId;
      value(await api.sendMessage({ conversationId, text: big('beta') }));
      await core.chat.idle();
      const thread = value(await api.summarizeContext({ conversationId }));
      const summary = thread.messages.at(-1)!;
      expect(summary.role).toBe('system');
      expect(thread.messages).toHaveLength(5);
      expect(value(await api.getConversation({ conversationId })).conversation.contextPolicy).toBe(
        'summary',
      );
      const kinds = core.store.db
        .prepare("SELECT kind FROM usage_ledger WHERE kind = 'summary'")
        .all();
      expect(kinds).toHaveLength(1);
      // The summary request carried the whole thread, clipped to the window.
      const summaryBody = emulator.requests
        .map((r) => r.body as SentBody)
        .filter((b) => JSON.stringify(b?.messages ?? []).includes('faithful, compact summary'))
        .at(-1)!;
      expect(JSON.stringify(summaryBody)).toContain('alpha0 word');
      expect(JSON.stringify(summaryBody)).toContain('beta0 word');

      const edited = value(
        await api.editSummary({
          conversationId,
          messageId: summary.id,
          text: 'They talked about alpha and beta.',
        }),
      );
      expect(edited.messages.at(-1)!.parts).toEqual([
        { type: 'text', text: 'They talked about alpha and beta.' },
      ]);
      const after = value(await api.measureContext({ conversationId, draft: 'Go on' }));
      expect(after).toMatchObject({ fits: true, totalMessages: 0 });
      value(await api.sendMessage({ conversationId, text: 'Go on [tokens=4 rate=0]' }));
      await core.chat.idle();
      const body = chatBodies().at(-1)! as SentBody;
      expect(body.messages[0]).toMatchObject({ role: 'system' });
      expect(body.messages[0]!.content).toContain(
        `${SUMMARY_PREAMBLE}\nThey talked about alpha and beta.`,
      );
      expect(body.messages.slice(1)).toEqual([
        { role: 'user', content: 'Go on [tokens=4 rate=0]' },
      ]);
      // Nothing was dropped from the store: the summarized messages are all still there.
      expect(value(await api.getConversation({ conversationId })).messages).toHaveLength(7);
    } finally {
      await core.close();
    }
  });
});

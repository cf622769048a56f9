/**
 * Megabytes of text through the real core and the emulator on loopback: the context meter's
 * count of a run-on text file (the input gpt-tokenizer is quadratic on) answers in seconds,
 * marked as an estimate, so a send behind it is served: refused at once over the message
 * limit, answered under it.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src/main/core/createCore';
import { registerIpc } from '../../src/main/ipc';
import { createApi } from '../../src/preload/createApi';
import type { SwitchboardApi } from '../../src/shared/api';
import type { AttachmentView } from '../../src/shared/attachments';
import type { IpcResult } from '../../src/shared/result';
import { startEmulator, type Emulator } from '../emulator/server';
import { createMemoryIpcPair } from '../support/memoryIpc';

const MB = 1024 * 1024;
let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({ defaultTokens: 4, defaultRate: 0 });
});
afterAll(async () => {
  await emulator?.close();
});

function start(): { core: Core; api: SwitchboardApi } {
  const core = createCore({
    dataDir: mkdtempSync(join(tmpdir(), 'switchboard-bigtext-')),
    env: {
      OPENAI_BASE_URL: emulator.url,
      OPENAI_API_KEY: 'sk-bigtext-0000',
      SWITCHBOARD_MODEL: 'gpt-4o',
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

/** One line of letters without a space (a sequence exported as text), `size` bytes. */
function sequence(size: number): string {
  return 'gattaca'.repeat(Math.ceil(size / 7)).slice(0, size);
}

async function store(api: SwitchboardApi, name: string, size: number): Promise<AttachmentView> {
  const data = Buffer.from(sequence(size)).toString('base64');
  return value(await api.storeAttachment({ name, data }));
}

const partOf = (view: AttachmentView) => ({
  type: 'file' as const,
  attachmentId: view.id,
  name: view.name,
  mimeType: view.mimeType,
  size: view.size,
  sentAs: 'inline-text' as const,
});

describe('huge text attachments', () => {
  it('are measured in seconds as an estimate; over the limit refused at once, at it answered', async () => {
    const { core, api } = start();
    try {
      const one = await store(api, 'one.txt', 16 * MB);
      const two = await store(api, 'two.txt', 16 * MB);
      let started = performance.now();
      const report = value(
        await api.measureContext({
          conversationId: null,
          draft: 'What are these?',
          attachments: [partOf(one), partOf(two)],
        }),
      );
      // Unbounded, this count took minutes per megabyte and blocked every other request.
      expect(performance.now() - started).toBeLessThan(5_000);
      expect(report.exact).toBe(false);
      expect(report.usedTokens).toBeGreaterThan((32 * MB) / 8);
      // A draft pasted as one run: sampled too, and said to be an estimate.
      const pasted = value(
        await api.measureContext({ conversationId: null, draft: sequence(900_000) }),
      );
      expect(pasted.exact).toBe(false);

      const three = await store(api, 'three.txt', 1 * MB);
      started = performance.now();
      const refused = await api.sendMessage({
        text: 'What are these?',
        attachments: [one, two, three].map((view) => ({ id: view.id, name: view.name })),
      });
      expect(refused.ok).toBe(false);
      if (!refused.ok) {
        expect(refused.error.said?.code).toBe('attachments.messageTooLarge');
        expect(refused.error.message).toMatch(/^These attachments come to 33(\.0)? MB;/);
      }
      expect(performance.now() - started).toBeLessThan(2_000);

      const sent = value(
        await api.sendMessage({
          text: 'What are these? [tokens=4 rate=0]',
          attachments: [one, two].map((view) => ({ id: view.id, name: view.name })),
        }),
      );
      await core.chat.idle();
      expect(core.store.messages.get(sent.assistantMessageId)).toMatchObject({
        finishReason: 'stop',
      });
      // The question itself went with both files' text (the title request only quotes it).
      const asked = emulator.requests
        .map((request) => JSON.stringify(request.body))
        .filter((body) => !body.includes('You name conversations'));
      expect(asked.filter((body) => body.includes('Attached file: two.txt'))).toHaveLength(1);
    } finally {
      await core.close();
    }
  }, 60_000);
});

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChatService } from '../../src/main/core/chat/ChatService';
import { openStore, type Store } from '../../src/main/core/store/Store';
import { startEmulator, type Emulator } from '../emulator/server';
import { emulatorTarget } from '../support/engineRun';
import { fixedProfiles } from '../support/fixedProfiles';

let emulator: Emulator;
let store: Store;
beforeAll(async () => {
  emulator = await startEmulator();
  store = openStore({ dataDir: mkdtempSync(join(tmpdir(), 'sb-refusal-')) });
});
afterAll(async () => {
  store?.close();
  await emulator?.close();
});

describe('a refused answer, sent through the chat service over loopback HTTP', () => {
  it('is stored as a refusal, not as an empty answer', async () => {
    const target = emulatorTarget(emulator, 'openai');
    const chat = new ChatService({
      store,
      autoTitle: false,
      profiles: fixedProfiles([target]),
      emit: () => undefined,
    });
    const ids = chat.send({ text: 'Please [tokens=5 refusal=1]' });
    await chat.idle();
    const saved = store.messages.get(ids.assistantMessageId)!;
    expect(saved).toMatchObject({
      parts: [{ type: 'refusal', text: 'You said: Please.\n\nStreaming lets the ' }],
      finishReason: 'refusal',
      providerFinishReason: 'stop',
      status: 'done',
      error: null,
    });
    const row = store.db
      .prepare('SELECT outcome FROM usage_ledger WHERE message_id = ?')
      .get(ids.assistantMessageId);
    expect(row).toEqual({ outcome: 'refusal' });
  });
});

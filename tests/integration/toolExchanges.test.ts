import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChatService } from '../../src/main/core/chat/ChatService';
import { ExchangeCapture } from '../../src/main/core/exchanges/ExchangeCapture';
import { createMemoryPreferences } from '../../src/main/core/preferences/PreferencesStore';
import { SecretVault } from '../../src/main/core/secrets/SecretVault';
import { createMemoryKeyStore } from '../../src/main/core/secrets/memoryKeyStore';
import { openStore, type Store } from '../../src/main/core/store/Store';
import { ToolService } from '../../src/main/core/tools/ToolService';
import type { EventChannel, EventPayloads } from '../../src/shared/ipc';
import { startEmulator, type Emulator } from '../emulator/server';
import { emulatorTarget } from '../support/engineRun';
import { fixedProfiles } from '../support/fixedProfiles';
import { BIG_RESULT_CHARS } from '../mcp/testTools';
import { stdioTestServer } from '../support/mcpServers';

const SECRET = 'calc-secret-value-1234';
let emulator: Emulator;
let store: Store;
let tools: ToolService;
let chat: ChatService;

beforeAll(async () => {
  emulator = await startEmulator();
  store = openStore({ dataDir: mkdtempSync(join(tmpdir(), 'sb-tool-exchanges-')) });
  const emit = <E extends EventChannel>(event: E, payload: EventPayloads[E]) => {
    if (event !== 'toolApproval') return;
    const request = payload as EventPayloads['toolApproval'];
    setTimeout(() => tools.approvals.answer(request.approvalId, 'once'), 10);
  };
  tools = new ToolService({
    preferences: createMemoryPreferences(),
    vault: new SecretVault(createMemoryKeyStore()),
    emit,
  });
  await tools.save(stdioTestServer('calc'), { CALC_TOKEN: SECRET }, {});
  const capture = new ExchangeCapture(store.exchanges, createMemoryPreferences());
  chat = new ChatService({
    store,
    autoTitle: false,
    profiles: fixedProfiles([emulatorTarget(emulator, 'openai')]),
    emit,
    tools,
    capture,
  });
});
afterAll(async () => {
  await tools?.manager.stopAll();
  store?.close();
  await emulator?.close();
});

describe('the inspector sees each tool-loop step and its MCP messages', () => {
  it('saves each step as its own exchange with the JSON-RPC of its calls', async () => {
    const ids = chat.send({ text: 'Sum it [tool=add tool_args={"a":2,"b":40}]' });
    await chat.idle();
    const exchanges = store.exchanges.forMessage(ids.assistantMessageId);
    expect(exchanges.map((x) => x.step)).toEqual([1, 2]);
    // Each step's provider call is its own first attempt, not one more attempt of one exchange.
    expect(exchanges.map((x) => x.attempts.map((a) => a.request.attempt))).toEqual([[0], [0]]);
    expect(exchanges.every((x) => x.timing && x.timing.totalMs > 0)).toBe(true);
    const [first, second] = exchanges;
    expect(first!.toolCalls).toHaveLength(1);
    expect(second!.toolCalls).toEqual([]);
    const call = first!.toolCalls![0]!;
    expect(call).toMatchObject({ tool: 'calc__add', serverId: 'calc' });
    expect(call.messages.map((m) => m.direction)).toEqual(['sent', 'received']);
    const [request, response] = call.messages.map(
      (m) => JSON.parse(m.message) as Record<string, unknown>,
    );
    expect(request).toMatchObject({
      jsonrpc: '2.0',
      method: 'tools/call',
      params: { name: 'add', arguments: { a: 2, b: 40 } },
    });
    expect(response).toMatchObject({
      id: request!.id,
      result: { content: [{ type: 'text', text: 'The sum is 42.' }] },
    });
    // The second step's request carries the result back to the model.
    expect(second!.attempts[0]!.request.body).toContain('The sum is 42.');
  });

  it('strikes the server’s secret env values out of the captured messages', async () => {
    const ids = chat.send({ text: `Echo [tool=echo tool_args={"text":"${SECRET}"}]` });
    await chat.idle();
    const saved = store.messages.get(ids.assistantMessageId)!;
    // The tool itself got the value and said it back (the call is real) …
    expect(saved.parts[1]).toMatchObject({ type: 'tool-result', content: SECRET });
    // … but the inspector's copy of its JSON-RPC never holds it.
    const [first] = store.exchanges.forMessage(ids.assistantMessageId);
    const messages = first!.toolCalls![0]!.messages;
    expect(messages).toHaveLength(2);
    for (const message of messages) {
      expect(message.message).not.toContain(SECRET);
      expect(message.message).toContain('[redacted]');
    }
  });

  it('an answer with tools on that calls none is step 1, with no calls', async () => {
    const ids = chat.send({ text: 'Hello [tokens=3]' });
    await chat.idle();
    const exchanges = store.exchanges.forMessage(ids.assistantMessageId);
    expect(exchanges).toHaveLength(1);
    expect(exchanges[0]).toMatchObject({ step: 1, toolCalls: [] });
  });

  it('the result limit set in Settings › Tools applies to the next call, with no restart', async () => {
    tools.prefs.saveSettings({ ...tools.snapshot().settings, maxResultChars: 2000 });
    const ids = chat.send({ text: 'Big [tool=big]' });
    await chat.idle();
    const result = store.messages.get(ids.assistantMessageId)!.parts[1];
    expect(result).toMatchObject({ type: 'tool-result' });
    const content = (result as { content: string }).content;
    expect(content).toContain(`[Result cut: 2000 of ${BIG_RESULT_CHARS} characters shown.]`);
    expect(content.length).toBeLessThan(2100);
  });
});

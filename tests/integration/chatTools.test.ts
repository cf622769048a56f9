import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChatService } from '../../src/main/core/chat/ChatService';
import { createMemoryPreferences } from '../../src/main/core/preferences/PreferencesStore';
import { SecretVault } from '../../src/main/core/secrets/SecretVault';
import { createMemoryKeyStore } from '../../src/main/core/secrets/memoryKeyStore';
import { openStore, type Store } from '../../src/main/core/store/Store';
import { ToolService } from '../../src/main/core/tools/ToolService';
import type { EventChannel, EventPayloads } from '../../src/shared/ipc';
import { startEmulator, type Emulator } from '../emulator/server';
import { callsWith, emulatorTarget, taggedPrompt } from '../support/engineRun';
import { fixedProfiles } from '../support/fixedProfiles';
import { stdioTestServer } from '../support/mcpServers';

let emulator: Emulator;
let store: Store;
let tools: ToolService;
let chat: ChatService;
const approvals: EventPayloads['toolApproval'][] = [];
const settled: string[] = [];
let answer: 'once' | 'always' | 'deny' | 'wait' = 'once';
const notices: string[] = [];

beforeAll(async () => {
  emulator = await startEmulator();
  store = openStore({ dataDir: mkdtempSync(join(tmpdir(), 'sb-chat-tools-')) });
  const emit = <E extends EventChannel>(event: E, payload: EventPayloads[E]) => {
    if (event === 'toolApprovalSettled')
      settled.push((payload as EventPayloads['toolApprovalSettled']).approvalId);
    if (event !== 'toolApproval') return;
    const request = payload as EventPayloads['toolApproval'];
    approvals.push(request);
    if (answer !== 'wait')
      setTimeout(() => tools.approvals.answer(request.approvalId, answer as 'once'), 10);
  };
  tools = new ToolService({
    preferences: createMemoryPreferences(),
    vault: new SecretVault(createMemoryKeyStore()),
    emit,
    notices: { post: (m) => notices.push(typeof m === 'string' ? m : m.message) },
  });
  await tools.save(stdioTestServer('calc'), { CALC_TOKEN: 'not-for-the-renderer' }, {});
  await tools.save(stdioTestServer('broken', 'crash'), {}, {});
  chat = new ChatService({
    store,
    autoTitle: false,
    profiles: fixedProfiles([emulatorTarget(emulator, 'openai')]),
    emit,
    tools,
  });
});
afterAll(async () => {
  await tools?.manager.stopAll();
  store?.close();
  await emulator?.close();
});

describe('tools in a chat, through the chat service and a real MCP server', () => {
  it('asks before the call, stores call and result in the answer, counts each step under it', async () => {
    answer = 'once';
    const ids = chat.send({ text: 'Sum it [tool=add tool_args={"a":2,"b":40}]' });
    await chat.idle();
    const approval = approvals.at(-1)!;
    expect(approval).toMatchObject({
      conversationId: ids.conversationId,
      messageId: ids.assistantMessageId,
      serverName: 'calc',
      tool: { name: 'calc__add', description: 'Adds two numbers and says the sum.' },
      arguments: '{"a":2,"b":40}',
    });
    expect(settled).toContain(approval.approvalId);
    const saved = store.messages.get(ids.assistantMessageId)!;
    expect(saved.parts.map((part) => part.type)).toEqual(['tool-call', 'tool-result', 'text']);
    expect(saved.parts[1]).toMatchObject({ content: 'The sum is 42.', isError: false });
    expect(saved.finishReason).toBe('stop');
    // A server that would not start is left out, and the person is told why.
    expect(notices[0]).toMatch(
      /^Tool server "broken" is not running \(Could not start: .*\); its tools are left out until it is restarted/,
    );
    const rows = store.db
      .prepare(
        'SELECT outcome, input_tokens + output_tokens AS total FROM usage_ledger WHERE message_id = ? ORDER BY id',
      )
      .all(ids.assistantMessageId) as { outcome: string; total: number }[];
    expect(rows.map((row) => row.outcome)).toEqual(['tool_calls', 'stop']);
    expect(saved.usage?.totalTokens).toBe(rows[0]!.total + rows[1]!.total);

    // The next question carries the earlier steps back to the model as tool turns.
    const { prompt, marker } = taggedPrompt('tokens=3');
    chat.send({ conversationId: ids.conversationId, text: prompt });
    await chat.idle();
    const sent = callsWith(emulator, marker).at(-1)!.body as {
      messages: { role: string; tool_call_id?: string }[];
    };
    expect(sent.messages.map((m) => m.role)).toEqual([
      'user',
      'assistant',
      'tool',
      'assistant',
      'user',
    ]);
  });

  it('a denied call is not run; the model is told and the answer says so', async () => {
    answer = 'deny';
    const ids = chat.send({ text: 'Sum [tool=add tool_args={"a":1,"b":1}]' });
    await chat.idle();
    const saved = store.messages.get(ids.assistantMessageId)!;
    expect(saved.parts[0]).toMatchObject({ type: 'tool-call', status: 'denied' });
    expect(saved.parts.at(-1)).toMatchObject({
      type: 'text',
      text: expect.stringContaining('denied'),
    });
  });

  it('Stop while the card waits ends the answer as cancelled and takes the card away', async () => {
    answer = 'wait';
    const before = approvals.length;
    const ids = chat.send({ text: 'Sum [tool=add tool_args={"a":5,"b":5}]' });
    await expect.poll(() => approvals.length, { timeout: 10_000 }).toBe(before + 1);
    chat.stop(ids.streamId);
    await chat.idle();
    expect(settled).toContain(approvals.at(-1)!.approvalId);
    const saved = store.messages.get(ids.assistantMessageId)!;
    expect(saved.finishReason).toBe('cancelled');
    expect(saved.parts[0]).toMatchObject({ type: 'tool-call', status: 'denied' });
  });

  it('"Always allow" asks once for that tool, then never again; secrets stay out of preferences', async () => {
    answer = 'always';
    chat.send({ text: 'One [tool=echo tool_args={"text":"a"}]' });
    await chat.idle();
    const asked = approvals.length;
    const ids = chat.send({ text: 'Two [tool=echo tool_args={"text":"b"}]' });
    await chat.idle();
    expect(approvals.length).toBe(asked);
    // Told once, not at every answer: the failed server waits for its Restart.
    expect(notices).toHaveLength(1);
    expect(store.messages.get(ids.assistantMessageId)!.parts.at(-1)).toMatchObject({
      text: 'Tool said: b',
    });
    expect(JSON.stringify(tools.snapshot())).not.toContain('not-for-the-renderer');
    expect(tools.snapshot().servers[0]!.config.envNames).toEqual(['CALC_TOKEN']);
  });

  it('a new chat sent with a server turned off never offers its tools, from the first answer', async () => {
    answer = 'once';
    const asked = approvals.length;
    const ids = chat.send({ text: 'Sum [tool=add tool_args={"a":3,"b":3}]', toolsOff: ['calc'] });
    await chat.idle();
    expect(approvals.length).toBe(asked);
    const saved = store.messages.get(ids.assistantMessageId)!;
    expect(saved.parts.map((part) => part.type)).toEqual(['text']);
    expect(tools.prefs.offFor(ids.conversationId)).toEqual(['calc']);
  });
});

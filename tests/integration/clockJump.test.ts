import { messageText } from '../../src/shared/messageParts';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ChatService } from '../../src/main/core/chat/ChatService';
import { openStore, type Store } from '../../src/main/core/store/Store';
import type { EventPayloads } from '../../src/shared/ipc';
import type { StreamEvent } from '../../src/shared/stream';
import { startEmulator, type Emulator } from '../emulator/server';
import { emulatorTarget } from '../support/engineRun';
import { fixedProfiles } from '../support/fixedProfiles';

/**
 * The wall clock jumps while an answer streams (a person fixes the time, NTP steps it, a laptop
 * wakes in another time zone). Only Date is faked: performance.now, the timers, the HTTP to the
 * emulator and the SQLite file are all real, so whatever the core times with the monotonic
 * clock carries on, and whatever it stamps with the wall clock sees the jumps.
 */
const T0 = Date.parse('2026-03-10T12:00:00Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

let emulator: Emulator;
let store: Store;
let chat: ChatService;
const batches: StreamEvent[][] = [];

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
  vi.setSystemTime(T0);
  emulator = await startEmulator();
  store = openStore({ dataDir: mkdtempSync(join(tmpdir(), 'switchboard-clock-')) });
  const target = emulatorTarget(emulator, 'openai-compatible', null);
  chat = new ChatService({
    profiles: fixedProfiles([target]),
    emit: (event, payload: EventPayloads[typeof event]) => {
      if (event === 'chatStream') batches.push((payload as EventPayloads['chatStream']).events);
    },
    store,
    autoTitle: false,
  });
});

afterEach(async () => {
  await chat?.idle();
  store?.close();
  await emulator?.close();
  vi.useRealTimers();
  batches.length = 0;
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls the saved text while the answer streams; returns each distinct partial length seen. */
async function watchPartialSaves(messageId: string, jumps: { atMs: number; to: () => number }[]) {
  const seen: { length: number; afterJump: number }[] = [];
  const started = performance.now();
  let jumped = 0;
  // Bounded: the answer takes about 3 s; 15 s is far past any healthy run.
  while (performance.now() - started < 15_000) {
    const next = jumps[jumped];
    if (next && performance.now() - started >= next.atMs) {
      vi.setSystemTime(next.to());
      jumped++;
    }
    const message = store.messages.get(messageId);
    if (!message || message.status !== 'streaming') break;
    if (messageText(message.parts).length > (seen.at(-1)?.length ?? 0))
      seen.push({ length: messageText(message.parts).length, afterJump: jumped });
    await sleep(50);
  }
  return { seen, jumped };
}

describe('the wall clock jumps while an answer streams', () => {
  it('back 1 h, then forward 1 day: the answer completes, is saved whole, and its figures hold', async () => {
    const sent = chat.send({ text: 'Tell me about streaming [tokens=60 rate=20]' });
    const { seen, jumped } = await watchPartialSaves(sent.assistantMessageId, [
      { atMs: 900, to: () => Date.now() - HOUR },
      { atMs: 1900, to: () => Date.now() + DAY },
    ]);
    await chat.idle();
    expect(jumped).toBe(2);

    // Partial saves went on every ~500 ms, before and after each jump.
    expect(seen.length).toBeGreaterThanOrEqual(4);
    for (const phase of [0, 1, 2]) expect(seen.some((s) => s.afterJump === phase)).toBe(true);

    // Saved whole: every token, a normal stop, on the thread question → answer.
    const answer = store.messages.get(sent.assistantMessageId)!;
    expect(answer.status).toBe('done');
    expect(answer.finishReason).toBe('stop');
    expect(messageText(answer.parts)).toMatch(/^You said: Tell me about streaming\./);
    const streamed = batches
      .flat()
      .filter((e): e is Extract<StreamEvent, { type: 'text' }> => e.type === 'text')
      .map((e) => e.text)
      .join('');
    expect(messageText(answer.parts)).toBe(streamed);
    const thread = store.messages.pathTo(answer.id);
    expect(thread.map((m) => m.role)).toEqual(['user', 'assistant']);
    expect(thread[0]!.id).toBe(sent.userMessageId);
    // The store did see the jumps: asked at T0, the answer last written a day later.
    expect(thread[0]!.createdAt - T0).toBeLessThan(2000);
    expect(answer.updatedAt).toBeGreaterThan(T0 + DAY - HOUR);
    const detail = store.conversations.get(sent.conversationId)!;
    expect(detail.currentLeafId).toBe(answer.id);

    // Timing from the monotonic clock: non-negative and about the 3 s the answer took.
    const timing = answer.timing!;
    expect(timing.ttftMs).toBeGreaterThanOrEqual(0);
    expect(timing.ttftMs!).toBeLessThan(2000);
    expect(timing.totalMs).toBeGreaterThan(2500);
    expect(timing.totalMs).toBeLessThan(10_000);
    expect(timing.totalMs).toBeGreaterThanOrEqual(timing.ttftMs!);
    const outputTokens = answer.usage!.outputTokens;
    const tokensPerSecond = outputTokens / ((timing.totalMs - timing.ttftMs!) / 1000);
    expect(tokensPerSecond).toBeGreaterThan(10);
    expect(tokensPerSecond).toBeLessThan(40);

    // The usage row exists, with the same sane figures.
    const rows = store.db
      .prepare('SELECT * FROM usage_ledger WHERE message_id = ?')
      .all(answer.id) as {
      ttft_ms: number;
      duration_ms: number;
      outcome: string;
      output_tokens: number;
    }[];
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ outcome: 'stop', output_tokens: 60 });
    expect(rows[0]!.ttft_ms).toBeGreaterThanOrEqual(0);
    expect(rows[0]!.duration_ms).toBeCloseTo(timing.totalMs, 3);
  });

  it('back 1 h and left there: the conversation just used stays first in the sidebar', async () => {
    vi.setSystemTime(T0 - 30 * 60_000);
    const older = store.conversations.create({
      title: 'Asked half an hour ago',
      settings: {
        profileId: 'openai-compatible',
        model: 'emu-1',
        systemPrompt: null,
        parameters: {},
      },
    });
    vi.setSystemTime(T0);
    const sent = chat.send({ text: 'Now [tokens=30 rate=20]' });
    const { jumped } = await watchPartialSaves(sent.assistantMessageId, [
      { atMs: 600, to: () => Date.now() - HOUR },
    ]);
    await chat.idle();
    expect(jumped).toBe(1);
    expect(store.messages.get(sent.assistantMessageId)?.finishReason).toBe('stop');
    const list = store.conversations.list({ limit: 10 }).items.map((c) => c.id);
    expect(list).toEqual([sent.conversationId, older.id]);
  });
});

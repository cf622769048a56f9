import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src/main/core/createCore';
import { createMemoryPreferences } from '../../src/main/core/preferences/PreferencesStore';
import { createMemoryKeyStore } from '../../src/main/core/secrets/memoryKeyStore';
import { messageText } from '../../src/shared/messageParts';
import { startDavServer, type DavServer } from '../support/davServer';

const PASSPHRASE = 'correct horse battery staple';
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function server(): Promise<DavServer> {
  const dav = await startDavServer();
  cleanups.push(() => dav.stop());
  return dav;
}

/** One machine: its own data folder, preferences and keychain, synced to `dav`. */
async function machine(dav: DavServer, passphrase = PASSPHRASE) {
  const dataDir = mkdtempSync(join(tmpdir(), 'switchboard-sync-'));
  const preferences = createMemoryPreferences();
  const core: Core = createCore({
    dataDir,
    env: {},
    appInfo: {
      name: 'Switchboard',
      version: '0.0.0',
      platform: process.platform,
      shell: 'harness',
    },
    emit: () => undefined,
    preferences,
    keyStore: createMemoryKeyStore(),
    backupDelayMs: 600_000,
  });
  cleanups.push(async () => {
    await core.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  await core.handlers.saveSyncSettings({
    url: dav.url,
    username: 'sam',
    password: 'dav-secret',
    folder: 'Switchboard/history',
    intervalMinutes: 0,
    passphrase,
  });
  const settings = { profileId: null, model: null, systemPrompt: null, parameters: {} };
  return {
    core,
    dataDir,
    preferences,
    sync: () => core.handlers.syncNow({}),
    add(title: string, text: string): string {
      const c = core.store.conversations.create({ title, settings });
      core.store.messages.append({
        conversationId: c.id,
        parentId: null,
        role: 'user',
        content: text,
      });
      return c.id;
    },
    reply(conversationId: string, text: string): string {
      const all = core.store.messages.allOf(conversationId);
      const parent = all.at(-1)!.id;
      return core.store.messages.append({
        conversationId,
        parentId: parent,
        role: 'assistant',
        content: text,
      }).id;
    },
    titles: () =>
      core.store.conversations
        .list({ limit: 100 })
        .items.map((item) => item.title)
        .sort(),
    texts: (conversationId: string) =>
      core.store.messages
        .allOf(conversationId)
        .map((m) => messageText(m.parts))
        .sort(),
  };
}

describe('WebDAV sync between two machines (real server on 127.0.0.1)', () => {
  it('carries conversations across, with nothing readable on the server', async () => {
    const dav = await server();
    const a = await machine(dav);
    const b = await machine(dav);
    const id = a.add('Trip to Lisbon', 'Which trams go to Belém?');
    a.reply(id, 'Tram 15E runs from Praça da Figueira.');
    const first = await a.sync();
    expect(first.lastError).toBeNull();
    expect(first.lastSync?.uploaded).toBe(1);
    const second = await b.sync();
    expect(second.lastSync?.downloaded).toBe(1);
    expect(b.titles()).toEqual(['Trip to Lisbon']);
    expect(b.texts(id)).toEqual([
      'Tram 15E runs from Praça da Figueira.',
      'Which trams go to Belém?',
    ]);

    const files = await dav.files();
    expect([...files.keys()].some((path) => path.endsWith('/manifest.sbx'))).toBe(true);
    for (const [path, bytes] of files) {
      for (const secret of ['Lisbon', 'Belém', 'Tram 15E', PASSPHRASE, 'dav-secret', id])
        expect(bytes.includes(Buffer.from(secret)), `${secret} readable in ${path}`).toBe(false);
      expect(path).not.toContain('.upload-');
    }
    // The password and passphrase are in the keychain, not in preferences or the status.
    const status = JSON.stringify(second);
    expect(status).not.toContain('dav-secret');
    expect(status).not.toContain(PASSPHRASE);
    expect(JSON.stringify(a.preferences.get('sync.settings'))).not.toContain('dav-secret');
  });

  it('carries the attachments a message names, sealed and named so the server cannot tell them', async () => {
    const dav = await server();
    const a = await machine(dav);
    const b = await machine(dav);
    // A text file with a marker the server must not see, stored as the composer stores it.
    const bytes = Buffer.from('ATTACHED-SECRET line one\nline two\n');
    const view = await a.core.handlers.storeAttachment({
      name: 'notes.txt',
      data: bytes.toString('base64'),
    });
    const part = {
      type: 'file' as const,
      attachmentId: view.id,
      name: view.name,
      mimeType: view.mimeType,
      size: view.size,
      sentAs: 'inline-text' as const,
    };
    const settings = { profileId: null, model: null, systemPrompt: null, parameters: {} };
    const c = a.core.store.conversations.create({ title: 'With a file', settings });
    a.core.store.messages.append({
      conversationId: c.id,
      parentId: null,
      role: 'user',
      content: 'What does it say?',
      attachments: [part],
    });
    expect((await a.sync()).lastError).toBeNull();
    const files = await dav.files();
    const sent = [...files.keys()].filter((path) => path.includes('/attachments/'));
    expect(sent).toHaveLength(1);
    expect(sent[0]).not.toContain(part.attachmentId);
    for (const [path, content] of files)
      expect(content.includes(Buffer.from('ATTACHED-SECRET')), path).toBe(false);

    expect((await b.sync()).lastError).toBeNull();
    const [question] = b.core.store.messages.allOf(c.id);
    expect(question!.parts).toContainEqual(part);
    const onB = join(b.dataDir, 'attachments', part.attachmentId.slice(0, 2), part.attachmentId);
    expect(readFileSync(onB).equals(bytes)).toBe(true);
    // In step: nothing sent twice.
    const before = dav.requests.filter(
      (r) => r.startsWith('PUT') && r.includes('attachments'),
    ).length;
    await a.sync();
    await b.sync();
    const after = dav.requests.filter(
      (r) => r.startsWith('PUT') && r.includes('attachments'),
    ).length;
    expect(after).toBe(before);
  });

  it('merges edits made on both sides, keeps both versions of a clash, and carries a delete', async () => {
    const dav = await server();
    const a = await machine(dav);
    const b = await machine(dav);
    const shared = a.add('Shared', 'Question?');
    const doomed = a.add('Doomed', 'Delete me');
    await a.sync();
    await b.sync();

    // Both answer the same question: two sibling answers, no conflict.
    a.reply(shared, 'Answer from A');
    b.reply(shared, 'Answer from B');
    await a.sync();
    const merged = await b.sync();
    expect(merged.lastSync?.conflicts).toBe(0);
    await a.sync();
    for (const m of [a, b])
      expect(m.texts(shared)).toEqual(['Answer from A', 'Answer from B', 'Question?']);

    // The same message changed on both sides: the other machine's version becomes a copy.
    const question = a.core.store.messages.allOf(shared).find((m) => m.role === 'user')!.id;
    const edit = (m: typeof a, text: string) =>
      m.core.store.db
        .prepare('UPDATE messages SET parts = ?, updated_at = updated_at + 1 WHERE id = ?')
        .run(JSON.stringify([{ type: 'text', text }]), question);
    edit(a, 'Question, as A put it?');
    edit(b, 'Question, as B put it?');
    await a.sync();
    const clash = await b.sync();
    expect(clash.lastSync?.conflicts).toBe(1);
    await a.sync();
    for (const m of [a, b]) {
      expect(m.titles()).toEqual(['Doomed', 'Shared', 'Shared (from other machine)']);
      const all = m.core.store.conversations.list({ limit: 100 }).items;
      const texts = all.flatMap((c) => m.texts(c.id));
      expect(texts).toContain('Question, as A put it?');
      expect(texts).toContain('Question, as B put it?');
    }

    // A delete travels as a tombstone.
    a.core.store.conversations.softDelete(doomed);
    expect((await a.sync()).lastSync?.deletedThere).toBe(1);
    expect((await b.sync()).lastSync?.deletedHere).toBe(1);
    expect(b.titles()).toEqual(['Shared', 'Shared (from other machine)']);
    // And nothing keeps changing once both are in step.
    const quiet = await a.sync();
    expect(quiet.lastSync).toMatchObject({ uploaded: 0, downloaded: 0, conflicts: 0 });
  });

  it('an interrupted upload leaves the server as it was; the next sync finishes', async () => {
    const dav = await server();
    const a = await machine(dav);
    const b = await machine(dav);
    a.add('Before', 'one');
    await a.sync();
    const before = await dav.files();
    a.add('After', 'two');
    // The manifest's upload is cut mid-request.
    dav.cut = (method, path) => method === 'PUT' && path.includes('manifest.sbx.upload-');
    const failed = await a.sync();
    expect(failed.lastError?.kind).toBe('unreachable');
    expect(failed.lastError?.message).toMatch(/next sync/);
    const manifest = [...before.keys()].find((p) => p.endsWith('/manifest.sbx'))!;
    expect((await dav.files()).get(manifest)).toEqual(before.get(manifest));
    await b.sync();
    expect(b.titles()).toEqual(['Before']);

    dav.cut = null;
    expect((await a.sync()).lastError).toBeNull();
    await b.sync();
    expect(b.titles()).toEqual(['After', 'Before']);
  });

  it('a wrong passphrase is a clear error and changes nothing, here or there', async () => {
    const dav = await server();
    const a = await machine(dav);
    a.add('Private', 'secret plans');
    await a.sync();
    const before = await dav.files();
    const wrong = await machine(dav, 'not the passphrase');
    wrong.add('Other', 'mine');
    const status = await wrong.sync();
    expect(status.lastError?.kind).toBe('wrong_passphrase');
    expect(status.lastError?.message).toMatch(/passphrase does not open/);
    expect(wrong.titles()).toEqual(['Other']);
    expect(await dav.files()).toEqual(before);
  });

  it('the server going away mid-sync is a clear error; the next sync finishes', async () => {
    const dav = await server();
    const a = await machine(dav);
    const b = await machine(dav);
    a.add('First', 'x');
    a.add('Second', 'y');
    // Gone while the second conversation file is being uploaded.
    let puts = 0;
    dav.dieOn = (method, path) =>
      method === 'PUT' && path.includes('/conversations/') && ++puts === 2;
    const failed = await a.sync();
    expect(failed.lastError?.kind).toBe('unreachable');
    expect(failed.lastError?.message).toMatch(/could not be reached or went away/);
    dav.dieOn = null;
    await dav.restart();
    expect((await a.sync()).lastError).toBeNull();
    await b.sync();
    expect(b.titles()).toEqual(['First', 'Second']);
  });

  it('two machines syncing in the same moment lose nothing', async () => {
    const dav = await server();
    const a = await machine(dav);
    const b = await machine(dav);
    a.add('Shared', 'hello');
    await a.sync();
    await b.sync();
    a.add('From A', 'a');
    b.add('From B', 'b');
    // A's pass is held at its first upload while B syncs to the same folder.
    let held = false;
    dav.hold = (method, path) => {
      if (held || method !== 'PUT' || !path.includes('/conversations/')) return null;
      held = true;
      return b.sync().then((status) => expect(status.lastError).toBeNull());
    };
    const raced = await a.sync();
    expect(held).toBe(true);
    expect(raced.lastError).toBeNull();
    dav.hold = null;
    await b.sync();
    await a.sync();
    for (const m of [a, b]) expect(m.titles()).toEqual(['From A', 'From B', 'Shared']);
  });
});

import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AttachmentService } from '../../../src/main/core/attachments/AttachmentService';
import { AttachmentStore } from '../../../src/main/core/attachments/AttachmentStore';
import { openDatabase } from '../../../src/main/core/store/database';
import { migrations } from '../../../src/main/core/store/migrations';
import { messagePartsSchema } from '../../../src/shared/messagePartSchema';
import type { ImagePart } from '../../../src/shared/messageParts';
import { noSettings, tempStore } from './helpers';

function setup() {
  const { store, dir } = tempStore();
  const files = new AttachmentStore(() => store.db, join(dir, 'attachments'));
  return { store, dir, files, service: new AttachmentService(files) };
}

const imagePart = (attachmentId: string): ImagePart => ({
  type: 'image',
  attachmentId,
  name: 'a.png',
  mimeType: 'image/png',
  size: 3,
});

/** A question naming the attachment, in a conversation of its own. */
function questionWith(store: ReturnType<typeof setup>['store'], id: string) {
  const conversation = store.conversations.create({ title: 't', settings: noSettings });
  store.messages.append({
    conversationId: conversation.id,
    parentId: null,
    role: 'user',
    content: 'see',
    attachments: [imagePart(id)],
  });
  return conversation.id;
}

describe('migration 8: the attachments table', () => {
  it('adds the table to a version-7 history and keeps what was there', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'switchboard-mig8-')), 'switchboard.db');
    const v7 = openDatabase({ file, migrations: migrations.slice(0, 7), now: () => 1 });
    v7.db
      .prepare(`INSERT INTO conversations (id, created_at, updated_at) VALUES ('c', 1, 1)`)
      .run();
    v7.db.close();
    const v8 = openDatabase({ file, migrations: migrations.slice(0, 8), now: () => 2 });
    expect(v8.fromVersion).toBe(7);
    expect(v8.db.prepare('SELECT id FROM conversations').all()).toEqual([{ id: 'c' }]);
    v8.db.prepare(`INSERT INTO attachments VALUES (?, 'image/png', 3, 2)`).run('a'.repeat(64));
    expect(() =>
      v8.db.prepare(`INSERT INTO attachments VALUES ('short', 'image/png', 3, 2)`).run(),
    ).toThrow(/CHECK/);
    v8.db.close();
  });
});

describe('AttachmentStore', () => {
  it('stores the same bytes once, under their SHA-256, as attachments/ab/abcdef…', () => {
    const { files, dir } = setup();
    const first = files.put(Buffer.from('abc'), 'text/plain');
    const again = files.put(Buffer.from('abc'), 'text/plain');
    expect(first).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(again).toBe(first);
    expect(readdirSync(join(dir, 'attachments', 'ba'))).toEqual([first]);
    expect(files.ids()).toEqual([first]);
    expect(files.read(first)?.toString()).toBe('abc');
  });

  it('removes a file only once no message names it, after the purge committed', () => {
    const { store, files } = setup();
    const shared = files.put(Buffer.from('shared'), 'text/plain');
    const own = files.put(Buffer.from('own'), 'text/plain');
    const a = questionWith(store, shared);
    questionWith(store, shared);
    const b = questionWith(store, own);
    const named = files.namedBy([a, b]);
    expect(named.sort()).toEqual([shared, own].sort());
    // Soft-deleted (in the undo window): still named, so still kept.
    store.conversations.softDelete(b);
    expect(files.removeUnreferenced(named)).toBe(0);
    store.conversations.purge(a);
    store.conversations.purge(b);
    expect(files.removeUnreferenced(named)).toBe(1);
    expect(files.has(own)).toBe(false);
    expect(files.has(shared)).toBe(true);
  });

  it('sweeps at start what no message names: rows, files, half-written temporaries', () => {
    const { store, files, dir } = setup();
    const kept = files.put(Buffer.from('kept'), 'text/plain');
    const orphan = files.put(Buffer.from('orphan'), 'text/plain');
    questionWith(store, kept);
    // A crash between a file's write and its row, and a write cut short.
    const stray = 'f'.repeat(64);
    writeFileSync(join(dir, 'attachments', kept.slice(0, 2), 'x.part'), 'half');
    mkdirSync(join(dir, 'attachments', 'ff'));
    writeFileSync(files.fileOf(stray), 'written before its row');
    expect(files.sweep()).toBe(2);
    expect(files.ids()).toEqual([kept]);
    expect(files.has(orphan)).toBe(false);
    expect(files.has(stray)).toBe(false);
    expect(readdirSync(join(dir, 'attachments', kept.slice(0, 2)))).toEqual([kept]);
  });

  it('tidy keeps what a composer holds until it is sent', async () => {
    const { store, service } = setup();
    const view = await service.attach('n.txt', Buffer.from('note'));
    expect(service.tidy()).toBe(0);
    expect(service.files.has(view.id)).toBe(true);
    const conversation = questionWith(store, view.id);
    service.partsFor(
      [{ id: view.id, name: 'n.txt' }],
      { image: { maxEdge: 1, maxBytes: 1 }, readsPdf: () => true },
      {
        id: 'p',
        name: 'p',
        type: 'openai',
        baseUrl: '',
        defaultModel: 'm',
      },
    );
    store.conversations.purge(conversation);
    expect(service.tidy()).toBe(1);
    expect(existsSync(service.files.fileOf(view.id))).toBe(false);
  });
});

describe('image and file parts in saved files', () => {
  it('are taken by the part schema with a hash id, and refused without one', () => {
    const id = 'a'.repeat(64);
    const file = {
      type: 'file',
      attachmentId: id,
      name: 'p.pdf',
      mimeType: 'application/pdf',
      size: 9,
      sentAs: 'native',
    };
    expect(messagePartsSchema.parse([imagePart(id), file])).toHaveLength(2);
    expect(messagePartsSchema.safeParse([imagePart('../../etc/passwd')]).success).toBe(false);
    expect(messagePartsSchema.safeParse([{ ...file, sentAs: 'guessed' }]).success).toBe(false);
  });
});

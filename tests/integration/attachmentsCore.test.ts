/**
 * Attachments through the whole core (the handler table the app and the harness use): stored
 * by `storeAttachment`, carried by a JSON export and restored by its import into another data
 * folder, named in a Markdown export, removed when their conversation is purged and swept at
 * start when nothing names them.
 */
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src/main/core/createCore';
import type { IpcHandlers } from '../../src/shared/ipc';
import { startEmulator, type Emulator } from '../emulator/server';
import { pdfSaying, pngOf } from '../support/attachmentFiles';

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(async () => {
  await emulator?.close();
});

function start(dataDir: string): Core {
  return createCore({
    dataDir,
    env: {
      OPENAI_BASE_URL: emulator.url,
      OPENAI_API_KEY: 'sk-attach-0000',
      SWITCHBOARD_MODEL: 'emu-1',
    },
    appInfo: {
      name: 'Switchboard',
      version: '0.0.0',
      platform: process.platform,
      shell: 'harness',
    },
    emit: () => undefined,
  });
}

const files = (dataDir: string) => {
  const root = join(dataDir, 'attachments');
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .flatMap((prefix) => readdirSync(join(root, prefix)))
    .sort();
};

async function sendWithAttachments(handlers: IpcHandlers) {
  const image = await handlers.storeAttachment({
    name: 'chart.png',
    data: (await pngOf(30, 20)).toString('base64'),
  });
  const pdf = await handlers.storeAttachment({
    name: 'paper.pdf',
    data: pdfSaying('Portable').toString('base64'),
  });
  const sent = await handlers.sendMessage({
    text: 'Keep these [tokens=2]',
    attachments: [image, pdf].map(({ id, name }) => ({ id, name })),
  });
  return { image, pdf, sent };
}

describe('attachments across export, import, delete and restart', () => {
  it('a JSON export carries them and its import restores them in another data folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sb-attach-core-'));
    const core = start(dir);
    const { image, pdf, sent } = await sendWithAttachments(core.handlers);
    await core.chat.idle();
    expect(files(dir)).toEqual([image.id, pdf.id].sort());
    const json = await core.handlers.exportConversations({ format: 'json' });
    const body = JSON.parse(json.content) as {
      attachments: { id: string; mimeType: string; data: string }[];
    };
    expect(body.attachments.map((a) => [a.id, a.mimeType])).toEqual([
      [image.id, 'image/png'],
      [pdf.id, 'application/pdf'],
    ]);
    const md = await core.handlers.exportConversations({ format: 'markdown' });
    expect(md.content).toContain('_Attached: chart.png (image/png), paper.pdf (application/pdf)_');
    await core.close();

    const elsewhere = mkdtempSync(join(tmpdir(), 'sb-attach-core-'));
    const other = start(elsewhere);
    await other.handlers.importConversations({ content: json.content, duplicates: 'skip' });
    expect(files(elsewhere)).toEqual([image.id, pdf.id].sort());
    const thread = await other.handlers.getConversation({ conversationId: sent.conversationId });
    expect(thread.messages[0]!.parts.slice(0, 2)).toMatchObject([
      { type: 'image', attachmentId: image.id, name: 'chart.png' },
      { type: 'file', attachmentId: pdf.id, name: 'paper.pdf', sentAs: 'native' },
    ]);
    const full = await other.handlers.getAttachment({ id: image.id, size: 'full' });
    expect(full.dataUrl).toBe(`data:image/png;base64,${(await pngOf(30, 20)).toString('base64')}`);
    await other.close();

    // Bytes that do not match their id: the whole import is refused, nothing written.
    const tampered = JSON.stringify({
      ...body,
      attachments: [{ ...body.attachments[0], data: 'AAAA' }],
    });
    const third = start(mkdtempSync(join(tmpdir(), 'sb-attach-core-')));
    await expect(
      third.handlers.importConversations({ content: tampered, duplicates: 'skip' }),
    ).rejects.toThrow(/An attachment in this export is damaged/);
    expect((await third.handlers.listConversations({ limit: 10 })).items).toHaveLength(0);
    await third.close();
  });

  it('deleting a conversation removes its files once purged; a restart sweeps orphans', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sb-attach-core-'));
    const core = start(dir);
    const { sent } = await sendWithAttachments(core.handlers);
    await core.chat.idle();
    // A draft never sent stays through a delete (a composer holds it) …
    const draft = await core.handlers.storeAttachment({
      name: 'draft.txt',
      data: Buffer.from('draft').toString('base64'),
    });
    await core.handlers.deleteConversation({ conversationId: sent.conversationId });
    // … and the deleted conversation's files stay for its undo window.
    expect(files(dir)).toHaveLength(3);
    await core.close();
    // A crash between a purge and its files' removal, or a file written before its row.
    writeFileSync(join(dir, 'attachments', draft.id.slice(0, 2), `${draft.id}.x.part`), 'half');
    const restarted = start(dir);
    // At start the deleted conversation is purged and nothing names any file: all are swept.
    expect(files(dir)).toEqual([]);
    await restarted.close();
  });
});

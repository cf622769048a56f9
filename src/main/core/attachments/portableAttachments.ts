import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { IpcHandlers } from '../../../shared/ipc';
import { attachmentId } from '../../../shared/messagePartSchema';
import { HandlerError } from '../../../shared/result';
import type { AttachmentService } from './AttachmentService';
import { spoken } from '../../../shared/said';

type Portable = Pick<IpcHandlers, 'exportConversations' | 'importConversations'>;

/** One attachment as a JSON export carries it, beside the conversations that name it. */
const exportedAttachment = z.object({
  id: attachmentId,
  mimeType: z.string().min(1).max(200),
  data: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/),
});
const withAttachments = z.looseObject({ attachments: z.array(exportedAttachment).optional() });

/** Every attachment id the exported messages name, in order, once each. */
function namedIn(body: unknown): string[] {
  const ids = new Set<string>();
  JSON.stringify(body, (key, value: unknown) => {
    if (key === 'attachmentId' && typeof value === 'string') ids.add(value);
    return value;
  });
  return [...ids];
}

/**
 * A JSON export carries the attachments its messages name (`attachments`: id, type, base64),
 * so an import into another data folder restores them: each is checked against its SHA-256 and
 * stored before the conversations that name it. Markdown exports list them by name only.
 */
export function portableAttachments(handlers: Portable, service: AttachmentService): Portable {
  return {
    exportConversations: async (request) => {
      const file = await handlers.exportConversations(request);
      if (request.format !== 'json') return file;
      const body = JSON.parse(file.content) as Record<string, unknown>;
      const attachments = namedIn(body.conversations).flatMap((id) => {
        const record = service.record(id);
        const bytes = service.files.read(id);
        return record && bytes
          ? [{ id, mimeType: record.mimeType, data: bytes.toString('base64') }]
          : [];
      });
      if (attachments.length === 0) return file;
      return { ...file, content: JSON.stringify({ ...body, attachments }, null, 2) };
    },
    importConversations: async (request) => {
      restore(request.content, service);
      return handlers.importConversations(request);
    },
  };
}

/** Stores a file's attachments; one whose bytes do not match its id refuses the whole import. */
function restore(content: string, service: AttachmentService): void {
  let data: unknown;
  try {
    data = JSON.parse(content);
  } catch {
    return; // Not JSON: the import itself says so.
  }
  const parsed = withAttachments.safeParse(data);
  if (!parsed.success)
    throw new HandlerError('invalid_request', spoken('attachments.exportDamaged'));
  const decoded = (parsed.data.attachments ?? []).map((item) => ({
    ...item,
    bytes: Buffer.from(item.data, 'base64'),
  }));
  for (const item of decoded)
    if (createHash('sha256').update(item.bytes).digest('hex') !== item.id)
      throw new HandlerError('invalid_request', spoken('attachments.exportAttachmentDamaged'));
  for (const item of decoded) service.files.put(item.bytes, item.mimeType);
}

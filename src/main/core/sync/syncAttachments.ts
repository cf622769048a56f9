import { createHash } from 'node:crypto';
import type { RemoteFolder } from './remoteFolder';
import type { ConversationRecord } from './syncRecords';

/** What sync needs of the attachment files beside the history (`AttachmentStore`). */
export interface AttachmentFiles {
  has(id: string): boolean;
  read(id: string): Buffer | null;
  put(bytes: Uint8Array, mime: string): string;
}

/** Every attachment the messages of these conversations name, with its type (from the part). */
export function attachmentsNamedBy(records: Iterable<ConversationRecord>): Map<string, string> {
  const named = new Map<string, string>();
  for (const record of records)
    for (const message of record.messages) {
      const parts = message.row.parts;
      if (typeof parts !== 'string' || !parts.includes('attachmentId')) continue;
      for (const part of partsOf(parts))
        if (
          (part.type === 'image' || part.type === 'file') &&
          typeof part.attachmentId === 'string'
        )
          named.set(part.attachmentId, typeof part.mimeType === 'string' ? part.mimeType : '');
    }
  return named;
}

function partsOf(json: string): { type?: unknown; attachmentId?: unknown; mimeType?: unknown }[] {
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) ? (parsed as []) : [];
  } catch {
    return [];
  }
}

/**
 * Before the manifest names a conversation, the files its messages name are on the server, so
 * another machine never reads a message whose image is not there yet. Content-addressed: a file
 * already up (attached twice, or sent by the other machine) is not sent again.
 */
export async function uploadAttachments(
  records: readonly ConversationRecord[],
  folder: RemoteFolder,
  files: AttachmentFiles,
): Promise<number> {
  let sent = 0;
  for (const id of attachmentsNamedBy(records).keys()) {
    const bytes = files.read(id);
    if (!bytes || (await folder.hasAttachment(id))) continue;
    await folder.putAttachment(id, bytes);
    sent += 1;
  }
  return sent;
}

/**
 * Every file a message here (or one coming in) names but this machine lacks is fetched, checked
 * against its hash and stored, before the messages naming it are written; one the server lacks
 * (its machine has not synced it yet) is looked for again on the next pass.
 */
export async function fetchMissingAttachments(
  records: Iterable<ConversationRecord>,
  folder: RemoteFolder,
  files: AttachmentFiles,
): Promise<number> {
  let fetched = 0;
  for (const [id, mime] of attachmentsNamedBy(records)) {
    if (files.has(id)) continue;
    const bytes = await folder.attachment(id);
    if (!bytes || createHash('sha256').update(bytes).digest('hex') !== id) continue;
    files.put(bytes, mime || 'application/octet-stream');
    fetched += 1;
  }
  return fetched;
}

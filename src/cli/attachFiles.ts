import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { classifyAttachment } from '../main/core/attachments/classifyAttachment';
import type { AttachmentSource } from '../main/core/attachments/turnsWithAttachments';
import type { ProviderProfile } from '../main/core/providers/types';
import { attachmentLimits, formatBytes } from '../shared/attachments';
import { readsPdfNatively } from '../shared/attachmentSending';
import type { AttachmentPart } from '../shared/messageParts';
import { UsageError } from './args';

/**
 * `ask --attach FILE`: the files read and checked by the app's own rules (limits, kind by
 * content), as the question's attachment parts and the bytes behind them (held in memory; the
 * CLI stores nothing). Any refusal is a usage error (exit 2) before any request.
 */
export async function attachFiles(
  paths: readonly string[],
  profile: ProviderProfile,
): Promise<{ parts: AttachmentPart[]; source: AttachmentSource }> {
  if (paths.length > attachmentLimits.maxPerMessage)
    throw new UsageError(`--attach: at most ${attachmentLimits.maxPerMessage} files per message`);
  const bytesById = new Map<string, Buffer>();
  const parts: AttachmentPart[] = [];
  let total = 0;
  for (const path of paths) {
    const name = basename(path);
    const size = await stat(path).then(
      (info) => info.size,
      () => {
        throw new UsageError(`--attach: cannot read ${path}`);
      },
    );
    if (size > attachmentLimits.maxFileBytes)
      throw new UsageError(
        `--attach: ${name} is ${formatBytes(size)}; one attachment can be at most ${formatBytes(attachmentLimits.maxFileBytes)}`,
      );
    total += size;
    if (total > attachmentLimits.maxMessageBytes)
      throw new UsageError(
        `--attach: the files come to more than ${formatBytes(attachmentLimits.maxMessageBytes)}, the most one message can carry`,
      );
    const bytes = await readFile(path);
    const classified = await classifyAttachment(bytes, name);
    if ('problem' in classified) throw new UsageError(`--attach: ${classified.problem}`);
    const attachmentId = createHash('sha256').update(bytes).digest('hex');
    bytesById.set(attachmentId, bytes);
    const base = { attachmentId, name, mimeType: classified.mimeType, size };
    if (classified.kind === 'image') parts.push({ type: 'image', ...base });
    else {
      const native = classified.kind === 'pdf' && readsPdfNatively(profile);
      const sentAs =
        classified.kind === 'text' ? 'inline-text' : native ? 'native' : 'extracted-text';
      parts.push({ type: 'file', ...base, sentAs });
    }
  }
  return { parts, source: { read: (id) => bytesById.get(id) ?? null } };
}

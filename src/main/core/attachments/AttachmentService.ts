import {
  attachmentLimits,
  type AttachmentSending,
  type AttachmentView,
} from '../../../shared/attachments';
import type { AttachmentPart } from '../../../shared/messageParts';
import { HandlerError } from '../../../shared/result';
import type { AttachmentRules } from '../providers/ProviderModule';
import type { ProviderProfile } from '../providers/types';
import type { AttachmentStore } from './AttachmentStore';
import { classifyAttachment, kindOfMime } from './classifyAttachment';
import { imageFacts } from './imageScaling';
import { bytesAmount, spoken } from '../../../shared/said';

/** A stored attachment's row: what the parts of a question are made from. */
export interface AttachmentRecord {
  id: string;
  mimeType: string;
  size: number;
}

/**
 * Attaching: the bytes checked (size, kind by content), stored once by their hash, and the
 * view the composer's chip shows returned; and turning a composer's picks into message parts.
 */
export class AttachmentService {
  /** Attached this session and not yet in a message (a composer's chips): never tidied away. */
  private readonly drafts = new Set<string>();

  constructor(readonly files: AttachmentStore) {}

  /**
   * After a delete has committed (a conversation purged, an import replacing one): the files
   * no message names any more go, except those waiting in a composer.
   */
  tidy(): number {
    return this.files.removeUnreferenced(this.files.ids().filter((id) => !this.drafts.has(id)));
  }

  /** Stores one picked file; refused with a message past the limit or when no provider takes it. */
  async attach(name: string, bytes: Uint8Array): Promise<AttachmentView> {
    if (bytes.byteLength > attachmentLimits.maxFileBytes)
      throw new HandlerError(
        'invalid_request',
        spoken('attachments.fileTooLarge', {
          name,
          size: bytesAmount(bytes.byteLength),
          max: bytesAmount(attachmentLimits.maxFileBytes),
        }),
      );
    if (bytes.byteLength === 0)
      throw new HandlerError('invalid_request', spoken('attachments.empty', { name }));
    const classified = await classifyAttachment(bytes, name);
    if ('problem' in classified)
      throw new HandlerError('invalid_request', {
        message: classified.problem,
        said: classified.said,
      });
    const id = this.files.put(bytes, classified.mimeType);
    this.drafts.add(id);
    const view: AttachmentView = {
      id,
      kind: classified.kind,
      name,
      mimeType: classified.mimeType,
      size: bytes.byteLength,
    };
    if (classified.kind === 'image') {
      const facts = await imageFacts(bytes);
      if (facts) Object.assign(view, facts);
    }
    return view;
  }

  /** A stored attachment as a data URL, full size (an image opened from its thumbnail). */
  content(id: string): { mimeType: string; dataUrl: string } {
    const record = this.record(id);
    const bytes = this.files.read(id);
    if (!record || !bytes) throw new HandlerError('not_found', spoken('attachments.gone'));
    return {
      mimeType: record.mimeType,
      dataUrl: `data:${record.mimeType};base64,${bytes.toString('base64')}`,
    };
  }

  /** An image's thumbnail (made again from its bytes: a few ms, and nothing more to store). */
  async thumbnail(id: string): Promise<{ mimeType: string; dataUrl: string }> {
    const bytes = this.files.read(id);
    const facts = bytes ? await imageFacts(bytes) : null;
    if (!facts) throw new HandlerError('not_found', spoken('attachments.imageGone'));
    return { mimeType: 'image/webp', dataUrl: facts.thumbnail };
  }

  record(id: string): AttachmentRecord | null {
    const row = this.files.row(id);
    return row ? { id: row.id, mimeType: row.mime, size: row.size } : null;
  }

  /**
   * The parts a question's picks become, checked against the per-message limits before anything
   * is written or sent; `sentAs` says how each file goes to the profile answering it.
   */
  partsFor(
    picks: readonly { id: string; name: string }[],
    rules: AttachmentRules,
    profile: ProviderProfile,
  ): AttachmentPart[] {
    if (picks.length > attachmentLimits.maxPerMessage)
      throw new HandlerError(
        'invalid_request',
        spoken('attachments.tooMany', { max: attachmentLimits.maxPerMessage }),
      );
    const parts = picks.map((pick) => {
      const record = this.record(pick.id);
      if (!record || !this.files.has(pick.id))
        throw new HandlerError(
          'not_found',
          spoken('attachments.noLongerStored', { name: pick.name }),
        );
      const { mimeType, size } = record;
      const sending = sendingFor(kindOfMime(mimeType), rules, profile);
      const base = { attachmentId: record.id, name: pick.name, mimeType, size };
      return sending === 'image'
        ? { type: 'image' as const, ...base }
        : { type: 'file' as const, ...base, sentAs: sending };
    });
    const total = parts.reduce((sum, part) => sum + part.size, 0);
    if (total > attachmentLimits.maxMessageBytes)
      throw new HandlerError(
        'invalid_request',
        spoken('attachments.messageTooLarge', {
          total: bytesAmount(total),
          max: bytesAmount(attachmentLimits.maxMessageBytes),
        }),
      );
    // Named by a question from now on: no longer a composer's to keep.
    for (const part of parts) this.drafts.delete(part.attachmentId);
    return parts;
  }
}

/** How an attachment of this kind goes to this profile's provider. */
export function sendingFor(
  kind: AttachmentView['kind'],
  rules: AttachmentRules,
  profile: ProviderProfile,
): AttachmentSending {
  if (kind === 'image') return 'image';
  if (kind === 'text') return 'inline-text';
  return rules.readsPdf(profile) ? 'native' : 'extracted-text';
}

/**
 * The attachment channels (issue 16): spread into `invokeChannels` in ipc.ts, part of THE contract
 * like every other channel.
 */
import { attachmentLimits, type AttachmentView } from './attachments';
import { attachmentId } from './messagePartSchema';
import { z } from 'zod';
import { invoke } from './invokeChannel';

/** Base64 of at most one attachment's bytes (plus the slack of base64's 4/3). */
const MAX_ATTACHMENT_BASE64 = Math.ceil((attachmentLimits.maxFileBytes * 4) / 3) + 1024;

/**
 * Attachments (issue 16): the renderer sends a picked, dropped or pasted file's bytes as base64
 * (JSON carries it the same over Electron IPC and the harness's WebSocket) and gets its view.
 */
export const attachmentChannels = {
  storeAttachment: invoke<AttachmentView>()(
    z
      .object({
        name: z.string().trim().min(1).max(1000),
        data: z.string().max(MAX_ATTACHMENT_BASE64),
      })
      .strict(),
  ),
  /**
   * A stored attachment as a data URL: full size (an image opened from its thumbnail), or its
   * small thumbnail (a sent message's image after a reload).
   */
  getAttachment: invoke<{ mimeType: string; dataUrl: string }>()(
    z.object({ id: attachmentId, size: z.enum(['full', 'thumbnail']).default('full') }).strict(),
  ),
} as const;

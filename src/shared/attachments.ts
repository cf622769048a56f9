import type { FileSendMode } from './messageParts';

/**
 * Attachments as the renderer sees them: what the composer's chips and a sent message show.
 * The bytes stay in main (the data folder); the renderer holds ids, names and a thumbnail.
 */

/** The limits named in README ("Attachments"): past them the attachment is refused with a message. */
export const attachmentLimits = {
  /** One file, as picked: larger images are scaled down before sending, but this is what is read. */
  maxFileBytes: 20 * 1024 * 1024,
  /** Everything attached to one message together. */
  maxMessageBytes: 32 * 1024 * 1024,
  /** Attachments on one message. */
  maxPerMessage: 10,
} as const;

/** The kinds a stored attachment can be, found from its bytes (not only its name). */
export type AttachmentKind = 'image' | 'pdf' | 'text';

/** Image formats every provider with vision reads (OpenAI, Anthropic and Gemini alike). */
export const imageMimeTypes = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'] as const;

/** How the attachment will go (or went) to the current model, as the chip says it. */
export type AttachmentSending = 'image' | FileSendMode;

export interface AttachmentView {
  id: string;
  kind: AttachmentKind;
  name: string;
  mimeType: string;
  size: number;
  width?: number;
  height?: number;
  /** A small image (data URL, a few KB) for chips and sent messages; images only. */
  thumbnail?: string;
}

/** Bytes that are not a PDF, an image or text: no provider takes them, so they are refused. */
export const UNSUPPORTED_FILE =
  'Switchboard can attach images (PNG, JPEG, WebP, GIF), PDFs and text or code files; this file is none of these.';

/** A short size for chips: 512 B, 14 KB, 3.2 MB. */
export function formatBytes(size: number): string {
  if (size < 1024) return `${size} B`;
  if (size < 1024 * 1024) return `${Math.round(size / 1024)} KB`;
  return `${(size / (1024 * 1024)).toFixed(1)} MB`;
}

/** What the chip says about how a file goes to the model. */
export function sendingLabel(sending: AttachmentSending): string {
  switch (sending) {
    case 'image':
      return 'image';
    case 'native':
      return 'sent as PDF';
    case 'extracted-text':
      return 'text extracted';
    case 'inline-text':
      return 'sent as text';
  }
}

import { fileTypeFromBuffer } from 'file-type';
import { imageMimeTypes, UNSUPPORTED_FILE, type AttachmentKind } from '../../../shared/attachments';

export type Classified = { kind: AttachmentKind; mimeType: string } | { problem: string };

const PDF = 'application/pdf';

/** Text by its bytes: valid UTF-8 with no NUL (binary formats are full of them). */
function looksLikeText(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** A text file's type from its name where it says one, else plain text. */
function textMime(name: string): string {
  const ext = name.toLowerCase().split('.').at(-1) ?? '';
  const known: Record<string, string> = {
    md: 'text/markdown',
    csv: 'text/csv',
    json: 'application/json',
    html: 'text/html',
    xml: 'application/xml',
    svg: 'image/svg+xml',
  };
  return known[ext] ?? 'text/plain';
}

/**
 * What an attached file is, from its content (file-type's magic numbers), not its name: an image
 * a provider reads, a PDF, or text (code, Markdown, CSV, an SVG's XML); anything else is refused
 * with a message, never sent as garbage.
 */
export async function classifyAttachment(bytes: Uint8Array, name: string): Promise<Classified> {
  const sniffed = await fileTypeFromBuffer(bytes);
  if (sniffed) {
    if ((imageMimeTypes as readonly string[]).includes(sniffed.mime))
      return { kind: 'image', mimeType: sniffed.mime };
    if (sniffed.mime === PDF) return { kind: 'pdf', mimeType: PDF };
    // file-type reads a few text formats by their opening (XML); the bytes decide below.
    if (!looksLikeText(bytes)) return { problem: `${name}: ${UNSUPPORTED_FILE}` };
  }
  if (looksLikeText(bytes)) return { kind: 'text', mimeType: textMime(name) };
  return { problem: `${name}: ${UNSUPPORTED_FILE}` };
}

/** The kind of a stored attachment from its recorded type (set by classifyAttachment). */
export function kindOfMime(mimeType: string): AttachmentKind {
  if ((imageMimeTypes as readonly string[]).includes(mimeType)) return 'image';
  return mimeType === PDF ? 'pdf' : 'text';
}

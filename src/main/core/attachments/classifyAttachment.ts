import { fileTypeFromBuffer } from 'file-type';
import { imageMimeTypes, type AttachmentKind } from '../../../shared/attachments';
import { spoken, type Said } from '../../../shared/said';

export type Classified =
  { kind: AttachmentKind; mimeType: string } | { problem: string; said: Said };

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
    if (!looksLikeText(bytes)) return unsupported(name);
  }
  if (looksLikeText(bytes)) return { kind: 'text', mimeType: textMime(name) };
  return unsupported(name);
}

/** The kind of a stored attachment from its recorded type (set by classifyAttachment). */
export function kindOfMime(mimeType: string): AttachmentKind {
  if ((imageMimeTypes as readonly string[]).includes(mimeType)) return 'image';
  return mimeType === PDF ? 'pdf' : 'text';
}

function unsupported(name: string): { problem: string; said: Said } {
  const words = spoken('attachments.unsupported', { name });
  return { problem: words.message, said: words.said };
}

import { classifyAttachment } from '../attachments/classifyAttachment';
import { pdfText } from '../attachments/pdfText';
import { said, type Said } from '../../../shared/said';

/** A document's text, or why it has none (said as a code, kept as such in its row). */
export type Extracted = { text: string } | { problem: Said };

/**
 * A document's text, read by the attachments' own rules (file-type sniffing the bytes, unpdf for
 * PDFs): Markdown, plain text and code as they are, PDFs by their text layer. An image or a
 * binary file has no text to index and says so rather than being stored as noise.
 */
export async function extractText(bytes: Uint8Array, name: string): Promise<Extracted> {
  const kind = await classifyAttachment(bytes, name);
  if ('problem' in kind) return { problem: kind.said };
  if (kind.kind === 'image') return { problem: said('knowledge.docImage', { name }) };
  if (kind.kind === 'pdf') {
    try {
      return { text: await pdfText(bytes) };
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      return { problem: said('knowledge.docBadPdf', { name, detail }) };
    }
  }
  // A byte-order mark would start the first passage with an invisible character.
  return { text: new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '') };
}

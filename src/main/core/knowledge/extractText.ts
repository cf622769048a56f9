import { classifyAttachment } from '../attachments/classifyAttachment';
import { pdfText } from '../attachments/pdfText';

export type Extracted = { text: string } | { problem: string };

/**
 * A document's text, read by the attachments' own rules (file-type sniffing the bytes, unpdf for
 * PDFs): Markdown, plain text and code as they are, PDFs by their text layer. An image or a
 * binary file has no text to index and says so rather than being stored as noise.
 */
export async function extractText(bytes: Uint8Array, name: string): Promise<Extracted> {
  const kind = await classifyAttachment(bytes, name);
  if ('problem' in kind) return { problem: kind.problem };
  if (kind.kind === 'image') return { problem: `${name}: an image has no text to index.` };
  if (kind.kind === 'pdf') {
    try {
      return { text: await pdfText(bytes) };
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      return { problem: `${name}: the PDF could not be read (${detail}).` };
    }
  }
  // A byte-order mark would start the first passage with an invisible character.
  return { text: new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '') };
}

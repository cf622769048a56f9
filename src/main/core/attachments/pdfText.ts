import { extractText } from 'unpdf';

/**
 * A PDF's text, page by page, for a provider that cannot read PDFs itself (unpdf, PDF.js built
 * for servers). A PDF with no text layer (a scan) gives a note saying so rather than nothing.
 */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  // PDF.js takes ownership of the buffer it is given: a copy keeps the caller's bytes intact.
  const { totalPages, text } = await extractText(new Uint8Array(bytes), { mergePages: false });
  const pages = text.map((page, index) => `[page ${index + 1}]\n${page.trim()}`);
  const body = pages.join('\n\n').trim();
  if (text.every((page) => !page.trim()))
    return `(This PDF has ${totalPages} page(s) but no text layer, so no text could be extracted.)`;
  return body;
}

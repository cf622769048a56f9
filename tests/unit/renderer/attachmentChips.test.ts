import { describe, expect, it } from 'vitest';
import { base64Of, pastedName } from '../../../src/renderer/src/features/attachments/lib/readFile';
import {
  chipNote as chipNoteIn,
  sendingOf,
} from '../../../src/renderer/src/features/attachments/lib/sending';
import { i18n } from '../../../src/renderer/src/lib/i18n';
import type { AttachmentView } from '../../../src/shared/attachments';
import type { ProfileView } from '../../../src/shared/profiles';

// The chip's words in English; the catalogues' other languages are held to these keys.
const english = i18n.getFixedT('en', 'attachments');
const chipNote = (view: AttachmentView, profile: ProfileView | null) =>
  chipNoteIn(english, view, profile);

const profile = (type: ProfileView['type'], api?: 'chat' | 'responses') =>
  ({ id: type, name: type, type, ...(api ? { api } : {}) }) as ProfileView;
const pdf: AttachmentView = {
  id: 'p',
  kind: 'pdf',
  name: 'a.pdf',
  mimeType: 'application/pdf',
  size: 10,
};
const image = (width: number, height: number): AttachmentView => ({
  id: 'i',
  kind: 'image',
  name: 'a.png',
  mimeType: 'image/png',
  size: 1000,
  width,
  height,
});

describe('what a chip says about how its file goes', () => {
  it('a PDF: natively where the provider reads PDFs, else its text', () => {
    expect(chipNote(pdf, profile('anthropic'))).toBe('sent as PDF');
    expect(chipNote(pdf, profile('openai'))).toBe('sent as PDF');
    expect(chipNote(pdf, profile('openai-compatible'))).toBe('text extracted');
    expect(chipNote(pdf, profile('azure', 'chat'))).toBe('text extracted');
    expect(sendingOf(pdf, profile('azure', 'responses'))).toBe('native');
  });

  it("an image past the provider's edge says it will be scaled, to that provider's size", () => {
    expect(chipNote(image(1500, 900), profile('anthropic'))).toBe('image');
    expect(chipNote(image(2000, 900), profile('anthropic'))).toBe('scaled to 1568 px to send');
    expect(chipNote(image(2000, 900), profile('openai'))).toBe('image');
    expect(chipNote(image(4000, 900), profile('gemini'))).toBe('scaled to 3072 px to send');
  });

  it('a text file goes as text', () => {
    expect(chipNote({ ...pdf, kind: 'text', mimeType: 'text/plain' }, profile('gemini'))).toBe(
      'sent as text',
    );
  });
});

describe('reading picked and pasted files', () => {
  it('base64 of a file larger than one slice, exactly', async () => {
    const bytes = new Uint8Array(100_000).map((_, i) => (i * 7) % 256);
    expect(await base64Of(new Blob([bytes]))).toBe(Buffer.from(bytes).toString('base64'));
  });

  it('names a pasted image by the time, keeping a real name', () => {
    const at = new Date('2026-12-03T10:15:00Z');
    expect(pastedName(new File([], 'image.png', { type: 'image/png' }), at)).toBe(
      'pasted-image-20261203-101500.png',
    );
    expect(pastedName(new File([], 'shot.jpg', { type: 'image/jpeg' }), at)).toBe('shot.jpg');
  });
});

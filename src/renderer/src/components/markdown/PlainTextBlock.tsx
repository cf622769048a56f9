import type { PlainTextReason } from '../../lib/markdownBudget';

/** What the note under a plain-text block says, by why it is plain. */
export const plainTextNotes: Record<PlainTextReason | 'failed', string> = {
  nesting: 'Shown as plain text: this part is nested too deeply to format.',
  size: 'Shown as plain text: this part is too long or too dense to format quickly.',
  failed: 'Shown as plain text: this answer could not be formatted.',
};

interface PlainTextBlockProps {
  text: string;
  reason: keyof typeof plainTextNotes;
}

/** Markdown shown as it was written, with a quiet line saying why; nothing of it is lost. */
export function PlainTextBlock({ text, reason }: PlainTextBlockProps) {
  return (
    <div className="plain-block" data-plain-reason={reason}>
      <div className="plain-block-text">{text}</div>
      <p className="plain-block-note">{plainTextNotes[reason]}</p>
    </div>
  );
}

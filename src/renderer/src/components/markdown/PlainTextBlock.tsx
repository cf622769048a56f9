import type { PlainTextReason } from '../../lib/markdownBudget';
import { useTranslation } from '../../lib/i18n';

/** What the note under a plain-text block says, by why it is plain: chat catalogue keys. */
export const plainTextNotes: Record<PlainTextReason | 'failed', string> = {
  nesting: 'plainText.nesting',
  size: 'plainText.size',
  failed: 'plainText.failed',
};

interface PlainTextBlockProps {
  text: string;
  reason: keyof typeof plainTextNotes;
}

/** Markdown shown as it was written, with a quiet line saying why; nothing of it is lost. */
export function PlainTextBlock({ text, reason }: PlainTextBlockProps) {
  const { t } = useTranslation('chat');
  return (
    <div className="plain-block" data-plain-reason={reason}>
      <div className="plain-block-text">{text}</div>
      <p className="plain-block-note">{t(plainTextNotes[reason])}</p>
    </div>
  );
}

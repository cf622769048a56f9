import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from '../../../lib/i18n';

interface Props {
  title: string;
  /** Called with the new title only when it changed and is not blank. */
  onRename(title: string): void;
  onClose(): void;
}

/** A conversation's title being renamed in its row: Enter or leaving keeps it, Escape drops it. */
export function TitleEditor({ title, onRename, onClose }: Props) {
  const { t } = useTranslation('sidebar');
  const [draft, setDraft] = useState(title);

  const commit = () => {
    onClose();
    const next = draft.trim();
    if (next && next !== title) onRename(next);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') commit();
    if (event.key === 'Escape') onClose();
  };

  return (
    <input
      aria-label={t('title')}
      autoFocus
      value={draft}
      maxLength={200}
      onChange={(e) => setDraft(e.target.value)}
      onKeyDown={onKeyDown}
      onBlur={commit}
      className="min-w-0 flex-1 rounded border border-blue-500 bg-white px-1.5 py-0.5 text-sm dark:bg-zinc-900"
    />
  );
}

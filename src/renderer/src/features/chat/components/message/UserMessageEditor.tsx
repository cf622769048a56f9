import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from '../../../../lib/i18n';

interface UserMessageEditorProps {
  initial: string;
  onSave: (text: string) => void;
  onCancel: () => void;
  /** The save button's words (a question is sent again; a summary is only kept). */
  saveLabel?: string;
}

/** Edits a sent message in place; saving sends it again (what follows it is replaced). */
export function UserMessageEditor({
  initial,
  onSave,
  onCancel,
  saveLabel,
}: UserMessageEditorProps) {
  const { t } = useTranslation('chat');
  const [text, setText] = useState(initial);
  const save = () => {
    if (text.trim()) onSave(text);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      save();
    } else if (event.key === 'Escape') onCancel();
  };
  return (
    <div className="w-full max-w-[85%]">
      <textarea
        aria-label={t('editor.label')}
        autoFocus
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
        rows={Math.min(10, Math.max(2, text.split('\n').length))}
        className="composer-input w-full rounded-xl border border-zinc-300 bg-white px-3 py-2 focus:border-blue-500 dark:border-zinc-700 dark:bg-zinc-900"
      />
      <div className="mt-1 flex justify-end gap-2">
        <button type="button" className="action-button" onClick={onCancel}>
          {t('editor.cancel')}
        </button>
        <button type="button" className="primary-button" onClick={save} disabled={!text.trim()}>
          {saveLabel ?? t('editor.saveAndSend')}
        </button>
      </div>
    </div>
  );
}

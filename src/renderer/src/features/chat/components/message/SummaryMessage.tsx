import { useState } from 'react';
import { messageText } from '../../../../../../shared/messageParts';
import type { ChatMessage } from '../../store/chatStore';
import { useContextStore } from '../../store/contextStore';
import { messageElementId } from '../conversation/FocusMessage';
import { UserMessageEditor } from './UserMessageEditor';
import { useTranslation } from '../../../../lib/i18n';

/**
 * A context summary on the thread: what the model reads from here on in place of the messages
 * above it (they stay shown and stored). The person can correct it; nothing is sent on save.
 */
export function SummaryMessage({ message }: { message: ChatMessage }) {
  const { t } = useTranslation('chat');
  const [editing, setEditing] = useState(false);
  const editSummary = useContextStore((s) => s.editSummary);
  const text = messageText(message.parts);
  return (
    <article
      id={messageElementId(message.id)}
      aria-label={t('summary.label')}
      className="rounded-md border border-dashed border-zinc-300 bg-zinc-50 p-3 text-sm dark:border-zinc-700 dark:bg-zinc-900"
    >
      <p className="mb-1 text-xs font-medium text-zinc-600 dark:text-zinc-400">
        {message.model ? t('summary.headingBy', { model: message.model }) : t('summary.heading')}
      </p>
      {editing ? (
        <UserMessageEditor
          initial={text}
          saveLabel={t('summary.save')}
          onCancel={() => setEditing(false)}
          onSave={(next) => {
            setEditing(false);
            void editSummary(message.id, next);
          }}
        />
      ) : (
        <>
          <p className="whitespace-pre-wrap">{text}</p>
          <button type="button" className="action-button mt-1" onClick={() => setEditing(true)}>
            {t('summary.edit')}
          </button>
        </>
      )}
    </article>
  );
}

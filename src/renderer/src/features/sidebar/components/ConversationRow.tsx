import { memo, useState } from 'react';
import type { ConversationSummary } from '../../../../../shared/conversations';
import { useStreamActivity } from '../../chat';
import { RowActions } from './RowActions';
import { TitleEditor } from './TitleEditor';
import { useTranslation } from '../../../lib/i18n';

interface Props {
  conversation: ConversationSummary;
  active: boolean;
  onOpen(id: string): void;
  onRename(id: string, title: string): void;
  onPin(id: string, pinned: boolean): void;
  onDelete(id: string): void;
}

/** A dot when the chat is writing an answer (pulsing) or has one not read yet. */
function ActivityDot({ conversationId }: { conversationId: string }) {
  const generating = useStreamActivity((s) => conversationId in s.generating);
  const unread = useStreamActivity((s) => conversationId in s.unread);
  const { t } = useTranslation('sidebar');
  if (!generating && !unread) return null;
  const label = generating ? t('generating') : t('unread');
  return (
    <span
      role="img"
      aria-label={label}
      title={label}
      className={`size-2 shrink-0 rounded-full ${
        generating ? 'animate-pulse bg-blue-500' : 'bg-emerald-500'
      }`}
    />
  );
}

/** One conversation in the sidebar: open it, or pin, rename, delete it (actions show on hover or focus). */
export const ConversationRow = memo(function ConversationRow({
  conversation,
  active,
  onOpen,
  onRename,
  onPin,
  onDelete,
}: Props) {
  const [editing, setEditing] = useState(false);
  const { t } = useTranslation('sidebar');
  const title = conversation.title || t('untitled');

  return (
    <div
      role="listitem"
      aria-label={title}
      aria-current={active ? 'true' : undefined}
      className={`group relative flex h-full items-center gap-1 rounded-md px-2 ${
        active
          ? 'bg-zinc-200 dark:bg-zinc-800'
          : 'hover:bg-zinc-100 focus-within:bg-zinc-100 dark:hover:bg-zinc-800 dark:focus-within:bg-zinc-800'
      }`}
    >
      {editing ? (
        <TitleEditor
          title={conversation.title}
          onRename={(next) => onRename(conversation.id, next)}
          onClose={() => setEditing(false)}
        />
      ) : (
        <button
          type="button"
          onClick={() => onOpen(conversation.id)}
          className="flex min-w-0 flex-1 items-center gap-1.5 py-1.5 text-left text-sm"
          title={title}
        >
          {conversation.pinned && (
            <span
              aria-label={t('groups.pinned')}
              className="text-xs text-amber-600 dark:text-amber-400"
            >
              ●
            </span>
          )}
          <span className="min-w-0 flex-1 truncate">{title}</span>
        </button>
      )}
      {/* Beside the button, not in it: a button's children are not separate to a screen reader. */}
      <ActivityDot conversationId={conversation.id} />
      {!editing && (
        <RowActions
          pinned={conversation.pinned}
          active={active}
          onPin={() => onPin(conversation.id, !conversation.pinned)}
          onRename={() => setEditing(true)}
          onDelete={() => onDelete(conversation.id)}
        />
      )}
    </div>
  );
});

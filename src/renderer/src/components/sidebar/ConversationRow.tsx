import { memo, useState, type KeyboardEvent } from 'react';
import type { ConversationSummary } from '../../../../shared/conversations';

interface Props {
  conversation: ConversationSummary;
  active: boolean;
  onOpen(id: string): void;
  onRename(id: string, title: string): void;
  onPin(id: string, pinned: boolean): void;
  onDelete(id: string): void;
}

const actionClass =
  'rounded px-1.5 py-0.5 text-xs text-zinc-500 hover:bg-zinc-200 hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-blue-500 dark:hover:bg-zinc-700 dark:hover:text-zinc-100';

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
  const [draft, setDraft] = useState(conversation.title);
  const title = conversation.title || 'Untitled conversation';

  const commit = () => {
    setEditing(false);
    const next = draft.trim();
    if (next && next !== conversation.title) onRename(conversation.id, next);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') commit();
    if (event.key === 'Escape') setEditing(false);
  };

  return (
    <div
      role="listitem"
      aria-label={title}
      aria-current={active ? 'true' : undefined}
      className={`group flex h-full items-center gap-1 rounded-md px-2 ${
        active ? 'bg-zinc-200 dark:bg-zinc-800' : 'hover:bg-zinc-100 dark:hover:bg-zinc-800/60'
      }`}
    >
      {editing ? (
        <input
          aria-label="Conversation title"
          autoFocus
          value={draft}
          maxLength={200}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={onKeyDown}
          onBlur={commit}
          className="min-w-0 flex-1 rounded border border-blue-500 bg-white px-1.5 py-0.5 text-sm dark:bg-zinc-900"
        />
      ) : (
        <button
          type="button"
          onClick={() => onOpen(conversation.id)}
          className="flex min-w-0 flex-1 items-center gap-1.5 py-1.5 text-left text-sm"
          title={title}
        >
          {conversation.pinned && (
            <span aria-label="Pinned" className="text-xs text-amber-600 dark:text-amber-400">
              ●
            </span>
          )}
          <span className="truncate">{title}</span>
        </button>
      )}
      {!editing && (
        <div className="hidden shrink-0 items-center group-focus-within:flex group-hover:flex">
          <button
            type="button"
            className={actionClass}
            onClick={() => onPin(conversation.id, !conversation.pinned)}
          >
            {conversation.pinned ? 'Unpin' : 'Pin'}
          </button>
          <button
            type="button"
            className={actionClass}
            onClick={() => {
              setDraft(conversation.title);
              setEditing(true);
            }}
          >
            Rename
          </button>
          <button type="button" className={actionClass} onClick={() => onDelete(conversation.id)}>
            Delete
          </button>
        </div>
      )}
    </div>
  );
});

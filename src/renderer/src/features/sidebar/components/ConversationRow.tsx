import { memo, useState, type KeyboardEvent } from 'react';
import type { ConversationSummary } from '../../../../../shared/conversations';
import { useStreamActivity } from '../../chat';
import { DeleteIcon, EditIcon, PinIcon } from '../../../components/ui/icons';
import { Tip } from '../../../components/ui/Tip';

interface Props {
  conversation: ConversationSummary;
  active: boolean;
  onOpen(id: string): void;
  onRename(id: string, title: string): void;
  onPin(id: string, pinned: boolean): void;
  onDelete(id: string): void;
}

const actionClass =
  'rounded p-1 text-zinc-500 hover:bg-zinc-300/70 hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-blue-500 dark:hover:bg-zinc-700 dark:hover:text-zinc-100';

/** A dot when the chat is writing an answer (pulsing) or has one not read yet. */
function ActivityDot({ conversationId }: { conversationId: string }) {
  const generating = useStreamActivity((s) => conversationId in s.generating);
  const unread = useStreamActivity((s) => conversationId in s.unread);
  if (!generating && !unread) return null;
  const label = generating ? 'Generating' : 'Unread answer';
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
      className={`group relative flex h-full items-center gap-1 rounded-md px-2 ${
        active
          ? 'bg-zinc-200 dark:bg-zinc-800'
          : 'hover:bg-zinc-100 focus-within:bg-zinc-100 dark:hover:bg-zinc-800 dark:focus-within:bg-zinc-800'
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
          <span className="min-w-0 flex-1 truncate">{title}</span>
        </button>
      )}
      {/* Beside the button, not in it: a button's children are not separate to a screen reader. */}
      <ActivityDot conversationId={conversation.id} />
      {!editing && (
        // Over the end of the title, not beside it: the title keeps its width when they show.
        <div
          className={`absolute inset-y-0 right-1 hidden items-center gap-0.5 rounded-r-md pl-4 group-focus-within:flex group-hover:flex ${
            active
              ? 'bg-gradient-to-r from-transparent via-zinc-200 to-zinc-200 dark:via-zinc-800 dark:to-zinc-800'
              : 'bg-gradient-to-r from-transparent via-zinc-100 to-zinc-100 dark:via-zinc-800 dark:to-zinc-800'
          }`}
        >
          <Tip content={conversation.pinned ? 'Unpin' : 'Pin'}>
            <button
              type="button"
              aria-label={conversation.pinned ? 'Unpin' : 'Pin'}
              className={actionClass}
              onClick={() => onPin(conversation.id, !conversation.pinned)}
            >
              <PinIcon />
            </button>
          </Tip>
          <Tip content="Rename">
            <button
              type="button"
              aria-label="Rename"
              className={actionClass}
              onClick={() => {
                setDraft(conversation.title);
                setEditing(true);
              }}
            >
              <EditIcon />
            </button>
          </Tip>
          <Tip content="Delete">
            <button
              type="button"
              aria-label="Delete"
              className={actionClass}
              onClick={() => onDelete(conversation.id)}
            >
              <DeleteIcon />
            </button>
          </Tip>
        </div>
      )}
    </div>
  );
});

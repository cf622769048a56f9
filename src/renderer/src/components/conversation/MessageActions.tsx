import { useState } from 'react';
import { canContinue } from '../../lib/threadMessages';
import { useChatStore, type ChatMessage } from '../../store/chatStore';
import { InspectorDialog } from '../inspector/InspectorDialog';

const actionBase =
  'rounded px-1.5 py-0.5 text-xs disabled:opacity-40 focus-visible:outline-2 focus-visible:outline-blue-500';
const assistantActionClass = `${actionBase} text-zinc-500 hover:bg-zinc-100 hover:text-zinc-900 dark:hover:bg-zinc-800 dark:hover:text-zinc-100`;
// The user's actions sit on the blue bubble: light text keeps them readable there.
const userActionClass = `${actionBase} text-blue-100 hover:bg-blue-500 hover:text-white`;

/**
 * What can be done with a stored message: flip between its versions, regenerate an answer,
 * continue one that stopped early, edit and resend a question.
 */
export function MessageActions({ message }: { message: ChatMessage }) {
  const busy = useChatStore((s) => s.activeStreamId !== null);
  const selectVersion = useChatStore((s) => s.selectVersion);
  const regenerate = useChatStore((s) => s.regenerate);
  const continueAnswer = useChatStore((s) => s.continueAnswer);
  const editAndResend = useChatStore((s) => s.editAndResend);
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(message.content);

  if (message.streaming) return null;
  const versions = message.versionIds ?? [message.id];
  const index = versions.indexOf(message.id);
  const isUser = message.role === 'user';
  const actionClass = isUser ? userActionClass : assistantActionClass;

  if (editing) {
    return (
      <form
        className="mt-2 flex flex-col gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          const text = draft.trim();
          if (!text) return;
          setEditing(false);
          void editAndResend(message.id, text);
        }}
      >
        <textarea
          aria-label="Edit message"
          autoFocus
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          rows={3}
          className="w-full rounded-lg border border-zinc-300 bg-white p-2 text-sm text-zinc-900 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
        />
        <div className="flex justify-end gap-2">
          <button type="button" className={actionClass} onClick={() => setEditing(false)}>
            Cancel
          </button>
          <button
            type="submit"
            disabled={busy || !draft.trim()}
            className="rounded bg-blue-600 px-2 py-1 text-xs font-medium text-white disabled:opacity-40"
          >
            Save and send
          </button>
        </div>
      </form>
    );
  }

  return (
    <div className={`mt-1 flex items-center gap-1 ${isUser ? 'justify-end' : ''}`}>
      {versions.length > 1 && (
        <span className="flex items-center text-xs text-zinc-500">
          <button
            type="button"
            aria-label="Previous version"
            className={actionClass}
            disabled={busy || index <= 0}
            onClick={() => void selectVersion(versions[index - 1]!)}
          >
            ‹
          </button>
          <span aria-label={`Version ${index + 1} of ${versions.length}`}>
            {index + 1} / {versions.length}
          </span>
          <button
            type="button"
            aria-label="Next version"
            className={actionClass}
            disabled={busy || index >= versions.length - 1}
            onClick={() => void selectVersion(versions[index + 1]!)}
          >
            ›
          </button>
        </span>
      )}
      {isUser ? (
        // An icon, so the message's own text stays exactly what was typed (copy, tests, readers).
        <button
          type="button"
          aria-label="Edit"
          title="Edit and resend"
          className={actionClass}
          disabled={busy}
          onClick={() => {
            setDraft(message.content);
            setEditing(true);
          }}
        >
          <svg
            aria-hidden
            viewBox="0 0 16 16"
            className="h-3.5 w-3.5"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.5"
          >
            <path d="M11.5 2.5l2 2L6 12H4v-2l7.5-7.5z" strokeLinejoin="round" />
          </svg>
        </button>
      ) : (
        <>
          {canContinue(message) && (
            <button
              type="button"
              className={actionClass}
              disabled={busy}
              onClick={() => void continueAnswer(message.id)}
            >
              Continue
            </button>
          )}
          <button
            type="button"
            className={actionClass}
            disabled={busy}
            onClick={() => void regenerate(message.id)}
          >
            Regenerate
          </button>
          <InspectorDialog messageId={message.id} /> {/* inspector (issue 8) */}
        </>
      )}
    </div>
  );
}

import { CopyButton } from '../CopyButton';

interface MessageActionsProps {
  role: 'user' | 'assistant';
  text: string;
  onRegenerate?: (() => void) | undefined;
  onEdit?: (() => void) | undefined;
  onDelete?: (() => void) | undefined;
}

/** Copy (client side), plus regenerate / edit / delete when a handler is wired for them. */
export function MessageActions({
  role,
  text,
  onRegenerate,
  onEdit,
  onDelete,
}: MessageActionsProps) {
  const who = role === 'user' ? 'message' : 'answer';
  return (
    <div className="message-actions" role="group" aria-label="Message actions">
      {text && <CopyButton text={text} label={`Copy ${who}`} />}
      {onRegenerate && (
        <button type="button" className="action-button" onClick={onRegenerate}>
          Regenerate
        </button>
      )}
      {onEdit && (
        <button type="button" className="action-button" onClick={onEdit}>
          Edit
        </button>
      )}
      {onDelete && (
        <button
          type="button"
          className="action-button"
          aria-label={`Delete ${who}`}
          onClick={onDelete}
        >
          Delete
        </button>
      )}
    </div>
  );
}

import type { ReactNode } from 'react';
import { CopyButton } from '../../../../components/ui/CopyButton';
import { DeleteIcon, EditIcon, ForkIcon, RegenerateIcon } from '../../../../components/ui/icons';

interface MessageActionsProps {
  role: 'user' | 'assistant';
  text: string;
  onRegenerate?: (() => void) | undefined;
  onEdit?: (() => void) | undefined;
  onDelete?: (() => void) | undefined;
  onFork?: (() => void) | undefined;
}

function IconButton({
  label,
  onClick,
  children,
}: {
  label: string;
  onClick: () => void;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      aria-label={label}
      title={label}
      className="action-button"
      onClick={onClick}
    >
      {children}
    </button>
  );
}

/**
 * Copy (client side), plus regenerate / edit / delete when a handler is wired for them.
 * Icon-only with names, so a message's text content stays exactly the message.
 */
export function MessageActions({
  role,
  text,
  onRegenerate,
  onEdit,
  onDelete,
  onFork,
}: MessageActionsProps) {
  const who = role === 'user' ? 'message' : 'answer';
  return (
    <div className="message-actions" role="group" aria-label="Message actions">
      {text && <CopyButton text={text} label={`Copy ${who}`} iconOnly />}
      {onRegenerate && (
        <IconButton label="Regenerate" onClick={onRegenerate}>
          <RegenerateIcon />
        </IconButton>
      )}
      {onEdit && (
        <IconButton label="Edit" onClick={onEdit}>
          <EditIcon />
        </IconButton>
      )}
      {onFork && (
        <IconButton label="Fork from here" onClick={onFork}>
          <ForkIcon />
        </IconButton>
      )}
      {onDelete && (
        <IconButton label={`Delete ${who}`} onClick={onDelete}>
          <DeleteIcon />
        </IconButton>
      )}
    </div>
  );
}

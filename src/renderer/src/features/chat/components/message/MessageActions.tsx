import type { ReactNode } from 'react';
import { CopyButton } from '../../../../components/ui/CopyButton';
import { DeleteIcon, EditIcon, ForkIcon, RegenerateIcon } from '../../../../components/ui/icons';
import { useTranslation } from '../../../../lib/i18n';

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
  const { t } = useTranslation('chat');
  const mine = role === 'user';
  return (
    <div className="message-actions" role="group" aria-label={t('actions.label')}>
      {text && (
        <CopyButton
          text={text}
          label={mine ? t('actions.copyMessage') : t('actions.copyAnswer')}
          iconOnly
        />
      )}
      {onRegenerate && (
        <IconButton label={t('actions.regenerate')} onClick={onRegenerate}>
          <RegenerateIcon />
        </IconButton>
      )}
      {onEdit && (
        <IconButton label={t('actions.edit')} onClick={onEdit}>
          <EditIcon />
        </IconButton>
      )}
      {onFork && (
        <IconButton label={t('actions.fork')} onClick={onFork}>
          <ForkIcon />
        </IconButton>
      )}
      {onDelete && (
        <IconButton
          label={mine ? t('actions.deleteMessage') : t('actions.deleteAnswer')}
          onClick={onDelete}
        >
          <DeleteIcon />
        </IconButton>
      )}
    </div>
  );
}

import type { ReactNode } from 'react';
import { ariaShortcut, shortcutLabel } from '../../../../lib/platform';
import { Tip } from '../../../../components/ui/Tip';
import { useTranslation } from '../../../../lib/i18n';

interface Props {
  /** An answer is being written: the button stops it instead of sending. */
  streaming: boolean;
  canSend: boolean;
  onStop(): void;
  /** The paperclip, at the row's start. */
  attach?: ReactNode;
}

/** The composer's one button: Send (submits the form), or Stop while an answer streams. */
export function SendStopButton({ streaming, canSend, onStop, attach }: Props) {
  const { t } = useTranslation('chat');
  return (
    <div className="flex items-center gap-2">
      {attach}
      <span className="flex-1" />
      {streaming ? (
        <Tip content={t('stopTip', { shortcut: shortcutLabel('.') })}>
          <button
            type="button"
            onClick={onStop}
            aria-keyshortcuts={`Escape ${ariaShortcut('.')}`}
            className="stop-button"
          >
            {t('stop')}
          </button>
        </Tip>
      ) : (
        <button type="submit" disabled={!canSend} className="primary-button">
          {t('send')}
        </button>
      )}
    </div>
  );
}

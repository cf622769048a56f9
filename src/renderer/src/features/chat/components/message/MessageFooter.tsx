import type { ChatMessage } from '../../store/chatStore';
import { canContinue, describeFinish, messageStats } from '../../lib/messageStats';
import { useSettingsStore } from '../../../settings';
import { useTranslation } from '../../../../lib/i18n';

interface MessageFooterProps {
  message: ChatMessage;
  onContinue?: ((messageId: string) => void) | undefined;
}

/** What answered and how: finish in words (with Continue when it helps), model, tokens, speed, cost. */
export function MessageFooter({ message, onContinue }: MessageFooterProps) {
  const { t } = useTranslation('chat');
  // Which profile answered, beside the model: a chat can switch between them.
  const profileName = useSettingsStore(
    (s) => s.snapshot?.profiles.find((p) => p.id === message.profileId)?.name,
  );
  if (message.streaming) return null;
  const finish = describeFinish(t, message);
  const stats = messageStats(t, message).flatMap((item) =>
    item.id === 'model' && profileName
      ? [item, { id: 'profile', label: t('stats.profile'), text: profileName }]
      : [item],
  );
  return (
    <footer className="message-footer">
      {finish && <span className="finish-note">{finish}</span>}
      {onContinue && canContinue(message) && (
        <button
          type="button"
          className="action-button continue-button"
          onClick={() => onContinue(message.id)}
        >
          {t('continue')}
        </button>
      )}
      {stats.map((item) => (
        <span key={item.id} title={item.label} className="stat">
          {item.text}
        </span>
      ))}
    </footer>
  );
}

import type { ChatMessage } from '../../store/chatStore';
import { canContinue, describeFinish, messageStats } from '../../lib/messageStats';
import { useSettingsStore } from '../../../settings';

interface MessageFooterProps {
  message: ChatMessage;
  onContinue?: ((messageId: string) => void) | undefined;
}

/** What answered and how: finish in words (with Continue when it helps), model, tokens, speed, cost. */
export function MessageFooter({ message, onContinue }: MessageFooterProps) {
  // Which profile answered, beside the model: a chat can switch between them.
  const profileName = useSettingsStore(
    (s) => s.snapshot?.profiles.find((p) => p.id === message.profileId)?.name,
  );
  if (message.streaming) return null;
  const finish = describeFinish(message);
  const stats = messageStats(message).flatMap((item) =>
    item.label === 'Model' && profileName
      ? [item, { label: 'Profile', text: profileName }]
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
          Continue
        </button>
      )}
      {stats.map((item) => (
        <span key={item.label} title={item.label} className="stat">
          {item.text}
        </span>
      ))}
    </footer>
  );
}

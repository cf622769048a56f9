import { memo, useState } from 'react';
import {
  attachmentParts,
  messageText,
  unknownPart,
  type MessagePart,
} from '../../../../../shared/messageParts';
import { AttachmentStrip } from '../../attachments';
import type { ChatMessage } from '../store/chatStore';
import { messageElementId } from './conversation/FocusMessage';
import { PlainTextBlock } from '../../../components/markdown/PlainTextBlock';
import { StreamingMarkdown } from '../../../components/markdown/StreamingMarkdown';
import { RenderBoundary } from '../../../components/ui/RenderBoundary';
import { ErrorNotice } from './message/ErrorNotice';
import { InspectorDialog } from '../../inspector';
import { ToolApprovalCards } from '../../tools';
import { MessageActions } from './message/MessageActions';
import { MessageFooter } from './message/MessageFooter';
import { ReasoningBlock } from './message/ReasoningBlock';
import { RefusalNotice } from './message/RefusalNotice';
import { useTranslation } from '../../../lib/i18n';
import { SourceList } from './message/SourceList';
import { ToolStep } from './message/ToolStep';
import { UserMessageEditor } from './message/UserMessageEditor';
import { SummaryMessage } from './message/SummaryMessage';
import { VersionSwitcher } from './message/VersionSwitcher';
import { WaitingNote } from './message/WaitingNote';

/** What can be done to a message; the list wires these to the store (and the store to main). */
export interface MessageHandlers {
  onRegenerate?: ((messageId: string) => void) | undefined;
  onEdit?: ((messageId: string, text: string) => void) | undefined;
  onDelete?: ((messageId: string) => void) | undefined;
  onContinue?: ((messageId: string) => void) | undefined;
  onFork?: ((messageId: string) => void) | undefined;
}

interface MessageItemProps extends MessageHandlers {
  message: ChatMessage;
  /** Another answer is streaming: actions that would send are held back. */
  busy: boolean;
}

/**
 * Memoized on the message object: while one answer streams, no other message renders again.
 * A message that fails to render shows its text plainly; the rest of the chat is unaffected.
 */
export const MessageItem = memo(function MessageItem({
  message,
  busy,
  ...handlers
}: MessageItemProps) {
  return (
    <RenderBoundary
      name="A message"
      resetKey={message}
      fallback={() => <FailedMessage message={message} />}
    >
      {message.summary ? (
        <SummaryMessage message={message} />
      ) : message.role === 'user' ? (
        <UserMessage message={message} busy={busy} {...handlers} />
      ) : (
        <AssistantMessage message={message} busy={busy} {...handlers} />
      )}
    </RenderBoundary>
  );
});

function FailedMessage({ message }: { message: ChatMessage }) {
  const { t } = useTranslation('chat');
  return (
    <article
      id={messageElementId(message.id)}
      aria-label={message.role === 'user' ? t('userMessage') : t('assistantMessage')}
    >
      <PlainTextBlock text={messageText(message.parts)} reason="failed" />
    </article>
  );
}

function UserMessage({ message, busy, onEdit, onDelete, onFork }: MessageItemProps) {
  const { t } = useTranslation('chat');
  const [editing, setEditing] = useState(false);
  const text = messageText(message.parts);
  return (
    <article
      id={messageElementId(message.id)}
      aria-label={t('userMessage')}
      className="group flex flex-col items-end"
    >
      {editing && onEdit ? (
        <UserMessageEditor
          initial={text}
          onCancel={() => setEditing(false)}
          onSave={(text) => {
            setEditing(false);
            onEdit(message.id, text);
          }}
        />
      ) : (
        <>
          <AttachmentStrip parts={attachmentParts(message.parts)} />
          {text && <div className="user-bubble">{text}</div>}
        </>
      )}
      {!editing && (
        <div className="flex items-center gap-1">
          <VersionSwitcher message={message} />
          <MessageActions
            role="user"
            text={text}
            onEdit={onEdit && !busy ? () => setEditing(true) : undefined}
            onDelete={onDelete && !busy ? () => onDelete(message.id) : undefined}
            onFork={onFork ? () => onFork(message.id) : undefined}
          />
        </div>
      )}
    </article>
  );
}

function AssistantMessage({
  message,
  busy,
  onRegenerate,
  onDelete,
  onContinue,
  onFork,
}: MessageItemProps) {
  const { t } = useTranslation('chat');
  const idle = !message.streaming && !busy;
  const text = messageText(message.parts);
  return (
    <article
      id={messageElementId(message.id)}
      aria-label={t('assistantMessage')}
      aria-busy={message.streaming}
      className="group"
    >
      {message.parts.map((part, index) => (
        <MessagePartView
          // Parts only grow at the end: an index names the same part for the whole answer.
          key={index}
          part={part}
          parts={message.parts}
          streaming={message.streaming}
          last={index === message.parts.length - 1}
        />
      ))}
      <SourceList parts={message.parts} />
      {message.streaming && <ToolApprovalCards messageId={message.id} />}
      {message.streaming && text && <span className="streaming-dot" aria-hidden="true" />}
      {message.streaming && message.parts.length === 0 && <WaitingNote retry={message.retry} />}
      {message.error && <ErrorNotice error={message.error} profileId={message.profileId} />}
      <MessageFooter message={message} onContinue={idle ? onContinue : undefined} />
      {!message.streaming && (
        <div className="flex items-center gap-1">
          <VersionSwitcher message={message} />
          <MessageActions
            role="assistant"
            text={text}
            onRegenerate={onRegenerate && idle ? () => onRegenerate(message.id) : undefined}
            onDelete={onDelete && idle ? () => onDelete(message.id) : undefined}
            onFork={onFork ? () => onFork(message.id) : undefined}
          />
          <InspectorDialog messageId={message.id} /> {/* inspector (issue 8) */}
        </div>
      )}
    </article>
  );
}

/** One part of an answer, in its place: thinking folded, text as markdown, a refusal as one. */
function MessagePartView({
  part,
  parts,
  streaming,
  last,
}: {
  part: MessagePart;
  /** The whole message: a tool call finds its result there. */
  parts: readonly MessagePart[];
  streaming: boolean;
  /** Nothing came after it yet: thinking still under way shows open. */
  last: boolean;
}) {
  switch (part.type) {
    case 'reasoning':
      return <ReasoningBlock text={part.text} thinking={streaming && last} />;
    case 'text':
      return (
        // Inside the message's own boundary, so its actions (Delete) stay within reach.
        <RenderBoundary
          name="An answer's text"
          resetKey={part.text}
          fallback={() => <PlainTextBlock text={part.text} reason="failed" />}
        >
          <StreamingMarkdown text={part.text} streaming={streaming && last} />
        </RenderBoundary>
      );
    case 'refusal':
      return <RefusalNotice text={part.text} />;
    case 'image':
    case 'file':
      // A question's attachments show as a strip above its text (UserMessage), not in an answer.
      return null;
    case 'tool-call': {
      const result = parts.find(
        (other): other is Extract<MessagePart, { type: 'tool-result' }> =>
          other.type === 'tool-result' && other.callId === part.callId,
      );
      return <ToolStep call={part} result={result} streaming={streaming} />;
    }
    case 'tool-result':
      // Shown inside its call's step.
      return null;
    case 'citation':
      // Listed together under the answer (SourceList).
      return null;
    default:
      return unknownPart(part);
  }
}

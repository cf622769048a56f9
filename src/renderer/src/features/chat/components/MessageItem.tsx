import { memo, useState } from 'react';
import type { ChatMessage } from '../store/chatStore';
import { messageElementId } from './conversation/FocusMessage';
import { PlainTextBlock } from '../../../components/markdown/PlainTextBlock';
import { StreamingMarkdown } from '../../../components/markdown/StreamingMarkdown';
import { RenderBoundary } from '../../../components/ui/RenderBoundary';
import { ErrorNotice } from './message/ErrorNotice';
import { InspectorDialog } from '../../inspector';
import { MessageActions } from './message/MessageActions';
import { MessageFooter } from './message/MessageFooter';
import { ReasoningBlock } from './message/ReasoningBlock';
import { RefusalNotice } from './message/RefusalNotice';
import { UserMessageEditor } from './message/UserMessageEditor';
import { VersionSwitcher } from './message/VersionSwitcher';
import { WaitingNote } from './message/WaitingNote';

/** What can be done to a message; the list wires these to the store (and the store to main). */
export interface MessageHandlers {
  onRegenerate?: ((messageId: string) => void) | undefined;
  onEdit?: ((messageId: string, text: string) => void) | undefined;
  onDelete?: ((messageId: string) => void) | undefined;
  onContinue?: ((messageId: string) => void) | undefined;
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
      {message.role === 'user' ? (
        <UserMessage message={message} busy={busy} {...handlers} />
      ) : (
        <AssistantMessage message={message} busy={busy} {...handlers} />
      )}
    </RenderBoundary>
  );
});

function FailedMessage({ message }: { message: ChatMessage }) {
  return (
    <article
      id={messageElementId(message.id)}
      aria-label={message.role === 'user' ? 'User message' : 'Assistant message'}
    >
      <PlainTextBlock text={message.content} reason="failed" />
    </article>
  );
}

function UserMessage({ message, busy, onEdit, onDelete }: MessageItemProps) {
  const [editing, setEditing] = useState(false);
  return (
    <article
      id={messageElementId(message.id)}
      aria-label="User message"
      className="group flex flex-col items-end"
    >
      {editing && onEdit ? (
        <UserMessageEditor
          initial={message.content}
          onCancel={() => setEditing(false)}
          onSave={(text) => {
            setEditing(false);
            onEdit(message.id, text);
          }}
        />
      ) : (
        <div className="user-bubble">{message.content}</div>
      )}
      {!editing && (
        <div className="flex items-center gap-1">
          <VersionSwitcher message={message} />
          <MessageActions
            role="user"
            text={message.content}
            onEdit={onEdit && !busy ? () => setEditing(true) : undefined}
            onDelete={onDelete && !busy ? () => onDelete(message.id) : undefined}
          />
        </div>
      )}
    </article>
  );
}

function AssistantMessage({ message, busy, onRegenerate, onDelete, onContinue }: MessageItemProps) {
  const idle = !message.streaming && !busy;
  return (
    <article
      id={messageElementId(message.id)}
      aria-label="Assistant message"
      aria-busy={message.streaming}
      className="group"
    >
      {message.reasoning && (
        <ReasoningBlock text={message.reasoning} thinking={message.streaming && !message.content} />
      )}
      {message.content ? (
        <>
          {/* Inside the message's own boundary, so its actions (Delete) stay within reach. */}
          <RenderBoundary
            name="An answer's text"
            resetKey={message.content}
            fallback={() => <PlainTextBlock text={message.content} reason="failed" />}
          >
            <StreamingMarkdown text={message.content} streaming={message.streaming} />
          </RenderBoundary>
          {message.streaming && <span className="streaming-dot" aria-hidden="true" />}
        </>
      ) : (
        message.streaming &&
        !message.reasoning &&
        !message.refusal && <WaitingNote retry={message.retry} />
      )}
      {message.refusal && <RefusalNotice text={message.refusal} />}
      {message.error && <ErrorNotice error={message.error} profileId={message.profileId} />}
      <MessageFooter message={message} onContinue={idle ? onContinue : undefined} />
      {!message.streaming && (
        <div className="flex items-center gap-1">
          <VersionSwitcher message={message} />
          <MessageActions
            role="assistant"
            text={message.content}
            onRegenerate={onRegenerate && idle ? () => onRegenerate(message.id) : undefined}
            onDelete={onDelete && idle ? () => onDelete(message.id) : undefined}
          />
          <InspectorDialog messageId={message.id} /> {/* inspector (issue 8) */}
        </div>
      )}
    </article>
  );
}

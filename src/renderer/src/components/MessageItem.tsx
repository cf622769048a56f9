import { memo } from 'react';
import type { ChatMessage } from '../store/chatStore';
import { describeFinish, describeMessageStats } from '../lib/messageStats';
import { messageElementId } from './conversation/FocusMessage';
import { MessageActions } from './conversation/MessageActions';

export const MessageItem = memo(function MessageItem({ message }: { message: ChatMessage }) {
  const isUser = message.role === 'user';
  const finishNote = describeFinish(message);
  return (
    <article
      id={messageElementId(message.id)}
      aria-label={isUser ? 'User message' : 'Assistant message'}
      aria-busy={message.streaming}
      className={isUser ? 'flex justify-end' : 'flex justify-start'}
    >
      <div
        className={
          isUser
            ? 'max-w-[85%] rounded-2xl bg-blue-600 px-4 py-2 text-white'
            : 'w-full max-w-full rounded-2xl px-1 py-1'
        }
      >
        <div className="whitespace-pre-wrap break-words leading-relaxed">
          {message.content}
          {message.streaming && (
            <span aria-hidden className="ml-0.5 inline-block h-4 w-2 animate-pulse bg-zinc-400 align-middle" />
          )}
        </div>
        {message.error && (
          <p role="alert" className="mt-2 rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200">
            {message.error.message}
          </p>
        )}
        {!isUser && !message.streaming && (
          <p className="mt-1 text-xs text-zinc-500">
            {[finishNote, describeMessageStats(message)].filter(Boolean).join(' · ')}
          </p>
        )}
        <MessageActions message={message} />
      </div>
    </article>
  );
});

import { useEffect, useRef } from 'react';
import { useChatStore } from '../store/chatStore';
import { MessageItem } from './MessageItem';

export function MessageList() {
  const messages = useChatStore((s) => s.messages);
  const bottom = useRef<HTMLDivElement>(null);
  const last = messages[messages.length - 1];

  useEffect(() => {
    bottom.current?.scrollIntoView({ block: 'end' });
  }, [messages.length, last?.content]);

  return (
    <div role="log" aria-label="Messages" aria-live="polite" className="min-h-0 flex-1 overflow-y-auto">
      <div className="mx-auto flex max-w-3xl flex-col gap-4 px-4 py-6">
        {messages.length === 0 ? (
          <p className="mt-24 text-center text-sm text-zinc-500">
            Ask anything. Answers stream in as the provider sends them.
          </p>
        ) : (
          messages.map((message) => <MessageItem key={message.id} message={message} />)
        )}
        <div ref={bottom} />
      </div>
    </div>
  );
}

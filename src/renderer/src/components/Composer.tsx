import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { useChatStore } from '../store/chatStore';

export function Composer() {
  const [text, setText] = useState('');
  const streaming = useChatStore((s) => s.activeStreamId !== null);
  const sendError = useChatStore((s) => s.sendError);
  const send = useChatStore((s) => s.send);
  const stop = useChatStore((s) => s.stop);

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    const prompt = text.trim();
    if (!prompt || streaming) return;
    setText('');
    if (!(await send(prompt))) setText(prompt);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void submit();
    } else if (event.key === 'Escape' && streaming) {
      void stop();
    }
  };

  return (
    <form onSubmit={submit} className="border-t border-zinc-200 px-4 py-3 dark:border-zinc-800">
      <div className="mx-auto max-w-3xl">
        {sendError && (
          <p role="alert" className="mb-2 text-sm text-red-700 dark:text-red-300">
            {sendError}
          </p>
        )}
        <div className="flex items-end gap-2">
          <textarea
            aria-label="Message"
            placeholder="Message (Enter to send, Shift+Enter for a new line)"
            value={text}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={onKeyDown}
            rows={2}
            className="min-h-[2.75rem] flex-1 resize-y rounded-lg border border-zinc-300 bg-white px-3 py-2 text-sm focus:border-blue-500 focus:outline-none dark:border-zinc-700 dark:bg-zinc-900"
          />
          {streaming ? (
            <button
              type="button"
              onClick={() => void stop()}
              className="rounded-lg bg-zinc-800 px-4 py-2 text-sm font-medium text-white hover:bg-zinc-700 dark:bg-zinc-200 dark:text-zinc-900"
            >
              Stop
            </button>
          ) : (
            <button
              type="submit"
              disabled={!text.trim()}
              className="rounded-lg bg-blue-600 px-4 py-2 text-sm font-medium text-white hover:bg-blue-500 disabled:opacity-40"
            >
              Send
            </button>
          )}
        </div>
      </div>
    </form>
  );
}

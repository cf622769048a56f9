import { useEffect, useState, type ReactNode } from 'react';

/** Holds the growing text for a baseline view and lets the driver append to it. */
export interface TextFeed {
  append(chunk: string): void;
  finish(): void;
}

export function BaselineRoot({
  feed,
  render,
}: {
  feed: (f: TextFeed) => void;
  render: (text: string, streaming: boolean) => ReactNode;
}) {
  const [text, setText] = useState('');
  const [streaming, setStreaming] = useState(true);
  useEffect(() => {
    feed({ append: (chunk) => setText((t) => t + chunk), finish: () => setStreaming(false) });
  }, [feed]);
  // The same column and scroller as the app, and it follows the bottom like the app does.
  useEffect(() => {
    const scroller = document.getElementById('scroller');
    if (scroller) scroller.scrollTop = scroller.scrollHeight;
  }, [text]);
  return (
    <div id="scroller" style={{ height: '100vh', overflowY: 'auto' }}>
      <div style={{ maxWidth: '48rem', margin: '0 auto', padding: '24px 16px' }}>
        {render(text, streaming)}
      </div>
    </div>
  );
}

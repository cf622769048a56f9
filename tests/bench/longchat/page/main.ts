/**
 * The long-chat bench page: one view per load (?variant=ours|plain&count=N), the same messages
 * for both. `open` times from the call until the conversation's last message is in the page.
 */
import { messageText } from '../../../../src/shared/messageParts';
import type { LongChatPage, LongChatVariant } from './protocol';
import { setupBaselineStream, setupOursStream, wantsStream } from './streamAtEnd';
import { threads } from './threads';

declare global {
  interface Window {
    longchat?: LongChatPage;
    longchatReady?: Promise<void>;
  }
}

const loaders: Record<string, () => Promise<{ variant: LongChatVariant }>> = {
  ours: () => import('./ours'),
  plain: () => import('./plain'),
};

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(null)));

async function untilShown(messageId: string): Promise<void> {
  for (let frame = 0; frame < 3000; frame++) {
    const element = document.getElementById(`message-${messageId}`);
    if (element && element.getBoundingClientRect().height > 0) return;
    await nextFrame();
  }
  throw new Error(`message ${messageId} never appeared`);
}

async function setup(): Promise<void> {
  const name = new URLSearchParams(location.search).get('variant') ?? 'ours';
  const { variant } = await loaders[name]!();
  await variant.mount(document.getElementById('root')!);
  window.longchat = {
    async open(conversationId) {
      const last = threads().get(conversationId)!.at(-1)!;
      const started = performance.now();
      await variant.open(conversationId);
      await untilShown(last.id);
      // The frame that shows it is painted.
      await nextFrame();
      return performance.now() - started;
    },
    async scrollRound() {
      const scroller = variant.scroller();
      const step = scroller.clientHeight * 1.5;
      let steps = 0;
      scroller.scrollTop = scroller.scrollHeight;
      await nextFrame();
      while (scroller.scrollTop > 0 && steps < 20_000) {
        scroller.scrollTop = Math.max(0, scroller.scrollTop - step);
        steps++;
        await nextFrame();
      }
      while (
        scroller.scrollTop + scroller.clientHeight < scroller.scrollHeight - 2 &&
        steps < 40_000
      ) {
        scroller.scrollTop += step;
        steps++;
        await nextFrame();
      }
      return { steps };
    },
    corpusChars: (id) =>
      (threads().get(id) ?? []).reduce((sum, m) => sum + messageText(m.parts).length, 0),
  };
}

async function start(): Promise<void> {
  const root = document.getElementById('root')!;
  const name = new URLSearchParams(location.search).get('variant');
  if (wantsStream() && name === 'react-markdown') return setupBaselineStream(root);
  await setup();
  if (wantsStream()) await setupOursStream(root);
}

window.longchatReady = start();
// The render bench's driver waits for this one.
window.benchReady = window.longchatReady;

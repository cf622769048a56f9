/**
 * Baseline: what most peers do, every message of the conversation rendered by react-markdown
 * (GFM, math) in one plain list, no virtualization.
 */
import 'katex/dist/katex.min.css';
import { createRoot, type Root } from 'react-dom/client';
import Markdown from 'react-markdown';
import rehypeKatex from 'rehype-katex';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import { messageText } from '../../../../src/shared/messageParts';
import type { LongChatVariant } from './protocol';
import { threads } from './threads';

const remarkPlugins = [remarkGfm, remarkMath];
const rehypePlugins = [rehypeKatex];
let root: Root | null = null;
let box: HTMLElement | null = null;

export const variant: LongChatVariant = {
  async mount(element) {
    box = element;
    box.style.overflowY = 'auto';
    root = createRoot(element);
  },
  async open(conversationId) {
    const messages = threads().get(conversationId) ?? [];
    root!.render(
      <div role="log">
        {messages.map((m) => (
          <article key={m.id} id={`message-${m.id}`}>
            <Markdown remarkPlugins={remarkPlugins} rehypePlugins={rehypePlugins}>
              {messageText(m.parts)}
            </Markdown>
          </article>
        ))}
      </div>,
    );
  },
  scroller: () => box!,
};

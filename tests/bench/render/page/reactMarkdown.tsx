/** Baseline: react-markdown re-rendering the whole message on every chunk (GFM, math). */
import 'katex/dist/katex.min.css';
import { createRoot } from 'react-dom/client';
import Markdown from 'react-markdown';
import rehypeKatex from 'rehype-katex';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import { BaselineRoot, type TextFeed } from './baselineRoot';
import type { Variant } from './protocol';

let feed: TextFeed | null = null;
const remarkPlugins = [remarkGfm, remarkMath];
const rehypePlugins = [rehypeKatex];

export const variant: Variant = {
  async mount(root) {
    await new Promise<void>((resolve) => {
      createRoot(root).render(
        <BaselineRoot
          feed={(f) => {
            feed = f;
            resolve();
          }}
          render={(text) => (
            <Markdown remarkPlugins={remarkPlugins} rehypePlugins={rehypePlugins}>
              {text}
            </Markdown>
          )}
        />,
      );
    });
  },
  append: (chunk) => feed?.append(chunk),
  finish: () => feed?.finish(),
};

/** Baseline: Streamdown (block-memoized, with its code and math plugins), as apps use it. */
import { code } from '@streamdown/code';
import { math } from '@streamdown/math';
import 'katex/dist/katex.min.css';
import { createRoot } from 'react-dom/client';
import { Streamdown } from 'streamdown';
import 'streamdown/styles.css';
import { BaselineRoot, type TextFeed } from './baselineRoot';
import type { Variant } from './protocol';

let feed: TextFeed | null = null;

export const variant: Variant = {
  async mount(root) {
    await new Promise<void>((resolve) => {
      createRoot(root).render(
        <BaselineRoot
          feed={(f) => {
            feed = f;
            resolve();
          }}
          render={(text, streaming) => (
            <Streamdown plugins={{ code, math }} isAnimating={streaming}>
              {text}
            </Streamdown>
          )}
        />,
      );
    });
  },
  append: (chunk) => feed?.append(chunk),
  finish: () => feed?.finish(),
};

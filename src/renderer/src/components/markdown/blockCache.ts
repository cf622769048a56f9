/**
 * The rendered form (React elements) of finished markdown blocks, keyed by the block's text.
 * The virtualized list unmounts a message once it leaves the view; scrolling back to it then
 * costs no parse (GFM, KaTeX) again, and every block of it shows at once, as it did before.
 * React elements are immutable descriptions, so one element may be mounted again and again.
 *
 * Bounded (least recently used first out) by the estimated weight of what it holds, so a
 * long chat scrolled end to end keeps a few screens' worth, not the whole chat.
 */
import type { ReactNode } from 'react';

/** What the cache may hold, in markdownBudget's character units (about 2,000 typical blocks). */
export const blockCacheLimit = 1_500_000;

interface Entry {
  node: ReactNode;
  weight: number;
}

const entries = new Map<string, Entry>();
let held = 0;

/** The cached rendering of `text`, marked as the most recently used; undefined when absent. */
export function cachedBlock(text: string): ReactNode | undefined {
  const entry = entries.get(text);
  if (!entry) return undefined;
  entries.delete(text);
  entries.set(text, entry);
  return entry.node;
}

/** The weight `text` was cached with (its render cost), or undefined; its place is unchanged. */
export function cachedWeight(text: string): number | undefined {
  return entries.get(text)?.weight;
}

/** Keeps `node` as the rendering of `text`, dropping the least recently used past the limit. */
export function rememberBlock(text: string, node: ReactNode, weight: number): void {
  const old = entries.get(text);
  if (old) {
    held -= old.weight;
    entries.delete(text);
  }
  entries.set(text, { node, weight });
  held += weight;
  for (const [key, entry] of entries) {
    if (held <= blockCacheLimit || entries.size <= 1) break;
    entries.delete(key);
    held -= entry.weight;
  }
}

/** Empties the cache (tests). */
export function clearBlockCache(): void {
  entries.clear();
  held = 0;
}

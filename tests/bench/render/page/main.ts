/**
 * The render bench page: one view per load (?variant=ours|streamdown|react-markdown), fed the
 * same token stream on the same schedule. Each variant's code is its own chunk, loaded first.
 */
import type { BenchPage, Variant } from './protocol';
import { streamInto } from './stream';

declare global {
  interface Window {
    bench?: BenchPage;
    benchReady?: Promise<void>;
  }
}

const loaders: Record<string, () => Promise<{ variant: Variant }>> = {
  ours: () => import('./ours'),
  streamdown: () => import('./streamdown'),
  'react-markdown': () => import('./reactMarkdown'),
};

async function setup(): Promise<void> {
  const name = new URLSearchParams(location.search).get('variant') ?? 'ours';
  const load = loaders[name];
  if (!load) throw new Error(`unknown variant ${name}`);
  const { variant } = await load();
  const root = document.getElementById('root')!;
  await variant.mount(root);
  window.bench = { stream: (options) => streamInto(variant, root, options) };
}

window.benchReady = setup();

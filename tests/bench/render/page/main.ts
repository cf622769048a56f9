/**
 * The render bench page: one view per load (?variant=ours|streamdown|react-markdown), fed the
 * same token stream on the same schedule. Each variant's code is its own chunk, loaded first.
 */
import type { BenchPage, StreamReport, Variant } from './protocol';

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

const longTasks: number[] = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) longTasks.push(entry.duration);
}).observe({ type: 'longtask', buffered: true });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(null)));

async function setup(): Promise<void> {
  const name = new URLSearchParams(location.search).get('variant') ?? 'ours';
  const load = loaders[name];
  if (!load) throw new Error(`unknown variant ${name}`);
  const { variant } = await load();
  const root = document.getElementById('root')!;
  await variant.mount(root);
  window.bench = {
    async stream({ tokens, tokensPerSecond, updatesPerSecond }): Promise<StreamReport> {
      longTasks.length = 0;
      const perUpdate = tokensPerSecond / updatesPerSecond;
      const intervalMs = 1000 / updatesPerSecond;
      const updates = Math.ceil(tokens.length / perUpdate);
      const started = performance.now();
      let maxLagMs = 0;
      for (let i = 0; i < updates; i++) {
        const due = started + i * intervalMs;
        const wait = due - performance.now();
        // One update per task, as IPC events arrive; never skipped even when behind.
        await sleep(Math.max(0, wait));
        maxLagMs = Math.max(maxLagMs, performance.now() - due);
        variant.append(
          tokens.slice(Math.floor(i * perUpdate), Math.floor((i + 1) * perUpdate)).join(''),
        );
      }
      variant.finish();
      // Let async work (highlighting, measuring) settle before the driver reads the metrics.
      await nextFrame();
      await sleep(1500);
      await nextFrame();
      const wallMs = performance.now() - started;
      return {
        updates,
        wallMs,
        maxLagMs,
        longTasks: longTasks.length,
        maxLongTaskMs: longTasks.length ? Math.max(...longTasks) : 0,
        textLength: root.innerText.length,
        codeBlocks: root.querySelectorAll('pre').length,
        tables: root.querySelectorAll('table').length,
        math: root.querySelectorAll('.katex').length,
      };
    },
  };
}

window.benchReady = setup();

/**
 * The render bench's stream driver, shared with the long-chat bench (a 5k-token answer streamed
 * at the end of its long conversation): one update per task on the tokens' schedule, then a
 * pause for async work to settle, and what ended up in the view.
 */
import type { BenchPage, StreamReport, Variant } from './protocol';

const longTasks: number[] = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) longTasks.push(entry.duration);
}).observe({ type: 'longtask', buffered: true });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(null)));

export async function streamInto(
  variant: Pick<Variant, 'append' | 'finish' | 'answerElement'>,
  root: HTMLElement,
  { tokens, tokensPerSecond, updatesPerSecond }: Parameters<BenchPage['stream']>[0],
): Promise<StreamReport> {
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
  // Only the answer counts: a long chat's other messages on screen are not it.
  const shown = variant.answerElement ? variant.answerElement() : root;
  return {
    updates,
    wallMs,
    maxLagMs,
    longTasks: longTasks.length,
    maxLongTaskMs: longTasks.length ? Math.max(...longTasks) : 0,
    // textContent, not innerText: blocks away from the view are skipped by content-visibility
    // (in the DOM, laid out as they come near it), and innerText leaves skipped text out.
    textLength: shown?.textContent.length ?? 0,
    codeBlocks: shown?.querySelectorAll('pre').length ?? 0,
    tables: shown?.querySelectorAll('table').length ?? 0,
    math: shown?.querySelectorAll('.katex').length ?? 0,
  };
}
